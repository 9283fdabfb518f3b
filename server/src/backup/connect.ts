/**
 * Which PostgreSQL a backup or restore talks to: DATABASE_URL when set; else the embedded one of
 * DATA_DIR — the running one when the server is up (backups while the ward works), or one started for
 * the command and stopped after.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config.js';
import { ensureDatabase, startEmbeddedPostgres } from '../db/embedded-postgres.js';

export interface MaintenanceDatabase {
  url: string;
  /** true when the embedded PostgreSQL was already running (a server uses this data folder). */
  inUse: boolean;
  stop(): Promise<void>;
}

function runningEmbedded(dataDir: string): { port: number } | undefined {
  const pidFile = join(dataDir, 'pg', 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port)) return undefined;
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return undefined;
  }
  return { port };
}

export async function openMaintenanceDatabase(
  config: Config,
  log: (message: string) => void,
): Promise<MaintenanceDatabase> {
  if (config.databaseUrl) return { url: config.databaseUrl, inUse: false, stop: async () => undefined };
  const running = runningEmbedded(config.dataDir);
  if (running) {
    const password = readFileSync(join(config.dataDir, 'pg-password'), 'utf8').trim();
    const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${running.port}/loa_phuong`;
    return { url, inUse: true, stop: async () => undefined };
  }
  const postgres = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPgPort, log });
  await ensureDatabase(postgres.adminUrl, 'loa_phuong');
  return { url: postgres.url, inUse: false, stop: () => postgres.stop() };
}
