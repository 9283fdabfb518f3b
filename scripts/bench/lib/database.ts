/**
 * A fresh, migrated database for a benchmark in its own embedded PostgreSQL (not durable: a benchmark
 * measures the server, not fsync), under .data/<name>.
 */
import { join } from 'node:path';
import pg from 'pg';
import { REPO_ROOT } from '../../../server/src/config.js';
import { type RunningPostgres, startEmbeddedPostgres } from '../../../server/src/db/embedded-postgres.js';
import { migrate } from '../../../server/src/db/migrate.js';
import { freePort } from '../free-port.js';

export async function benchDatabase(
  name: string,
): Promise<{ pgServer: RunningPostgres; databaseUrl: string }> {
  const database = name.replace(/-/g, '_');
  const pgServer = await startEmbeddedPostgres({
    dataDir: join(REPO_ROOT, '.data', name),
    port: await freePort(),
    durable: false,
  });
  const admin = new pg.Client({ connectionString: pgServer.adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  const url = new URL(pgServer.adminUrl);
  url.pathname = `/${database}`;
  const databaseUrl = url.toString();
  await migrate(databaseUrl);
  return { pgServer, databaseUrl };
}
