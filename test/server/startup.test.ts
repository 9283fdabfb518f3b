import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../server/src/config.js';
import { createTestDatabase } from '../helpers/database.js';
import { freePort, spawnServer, startServer } from '../helpers/server-process.js';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('starting the product', () => {
  it('runs on the embedded PostgreSQL, survives kill -9, and stops Postgres on shutdown', async () => {
    const dataDir = mkdtempSync(join(REPO_ROOT, '.data', 'start-'));
    const env = {
      DATA_DIR: dataDir,
      PORT: String(await freePort()),
      EMBEDDED_PG_PORT: String(await freePort()),
      SERVE_MINI_APP: 'false',
    };

    const first = await startServer(env, 60_000);
    const campaign = await (await fetch(`${first.url}/api/public/campaign`)).json();
    expect(campaign.campaign.theme).toContain('Động lực chính của mô hình tăng trưởng mới');
    await first.stop('SIGKILL');
    const orphanPid = Number(readFileSync(join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
    expect(isAlive(orphanPid)).toBe(true); // the orphan the next start must deal with

    const second = await startServer(env, 60_000);
    expect(second.output()).toContain('PostgreSQL cũ');
    expect(isAlive(orphanPid)).toBe(false);
    const health = await fetch(`${second.url}/health`);
    expect(health.status).toBe(200);
    const pgPid = Number(readFileSync(join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);

    expect(await second.stop('SIGTERM')).toBe(0);
    expect(isAlive(pgPid)).toBe(false);
    expect(existsSync(join(dataDir, 'server.pid'))).toBe(false);
  }, 120_000); // real server processes: generous under load

  it('a port in use stops start-up with one line that says what to do', async () => {
    const databaseUrl = await createTestDatabase();
    const port = String(await freePort());
    const first = await startServer({
      DATABASE_URL: databaseUrl,
      PORT: port,
      SERVE_MINI_APP: 'false',
      DATA_DIR: mkdtempSync(join(REPO_ROOT, '.data', 'start-')),
    });
    const second = spawnServer({
      DATABASE_URL: databaseUrl,
      PORT: port,
      SERVE_MINI_APP: 'false',
      DATA_DIR: mkdtempSync(join(REPO_ROOT, '.data', 'start-')),
    });
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(/Cổng \d+ đang được chương trình khác dùng.*PORT/);
    expect(second.output()).not.toMatch(/\n\s+at /); // no stack trace
    await first.stop();
  }, 120_000); // real server processes: generous under load

  it('bad variables and an unreachable DATABASE_URL are named in one line', async () => {
    const bad = spawnServer({ PORT: 'abc', LOG_LEVEL: 'loud' });
    expect(await bad.exited).toBe(1);
    expect(bad.output().trim().split('\n')).toHaveLength(1);
    expect(bad.output()).toMatch(/PORT="abc".*LOG_LEVEL="loud"/);

    const unreachable = spawnServer({
      DATABASE_URL: `postgres://x:y@127.0.0.1:${await freePort()}/db`,
      PORT: String(await freePort()),
    });
    expect(await unreachable.exited).toBe(1);
    expect(unreachable.output()).toMatch(/Không kết nối được PostgreSQL tại 127\.0\.0\.1:\d+.*DATABASE_URL/);
  }, 120_000); // real server processes: generous under load
});
