/**
 * PostgreSQL stops while people are using the app, then comes back: the server process must live on,
 * answer 503 with a Vietnamese message while the database is away (never 500, never a dropped
 * connection), and serve normally again once it is back, without a restart of its own.
 *
 * The real server process on a PostgreSQL of its own (the embedded binaries), so the test can stop and
 * start that PostgreSQL under load.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../server/src/config.js';
import {
  ensureDatabase,
  type RunningPostgres,
  startEmbeddedPostgres,
} from '../../server/src/db/embedded-postgres.js';
import { migrate } from '../../server/src/db/migrate.js';
import { TEST_SESSION_SECRET } from '../helpers/app.js';
import { freePort, type ServerProcess, startServer } from '../helpers/server-process.js';
import { signTestSession } from '../helpers/session-token.js';

interface Answer {
  /** When the request was sent, and when its answer came. */
  phase: 'up' | 'down' | 'back';
  answeredIn: 'up' | 'down' | 'back';
  status: number; // 0: no HTTP answer at all (connection refused or dropped)
  message?: string;
}

describe('a PostgreSQL restart under load', () => {
  const dataDir = mkdtempSync(join(REPO_ROOT, '.data', 'pg-restart-'));
  let pgPort: number;
  let database: RunningPostgres;
  let server: ServerProcess;

  beforeAll(async () => {
    pgPort = await freePort();
    database = await startEmbeddedPostgres({ dataDir, port: pgPort, durable: false });
    await ensureDatabase(database.adminUrl, 'loa_phuong');
    await migrate(database.url);
    server = await startServer(
      {
        DATA_DIR: join(dataDir, 'app'),
        PORT: String(await freePort()),
        DATABASE_URL: database.url,
        SESSION_SECRET: TEST_SESSION_SECRET,
        NODE_ENV: 'test',
        SERVE_MINI_APP: 'false',
        SCHEDULER: 'true', // its jobs run into the outage too
      },
      60_000,
    );
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    await database?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers 503 in Vietnamese while the database is down and recovers by itself', async () => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const { rows } = await client.query<{ id: string; ward_id: string; unit_id: string }>(
      `SELECT id, ward_id, unit_id FROM members WHERE role = 'team_member' AND active LIMIT 1`,
    );
    await client.end();
    const member = rows[0]!;
    const token = signTestSession(TEST_SESSION_SECRET, {
      memberId: member.id,
      wardId: member.ward_id,
      role: 'team_member',
      unitId: member.unit_id,
    });
    const requests: { path: string; headers: Record<string, string> }[] = [
      { path: '/api/public/campaign', headers: {} },
      { path: '/api/me/assignments', headers: { authorization: `Bearer ${token}` } },
      { path: '/api/me', headers: { authorization: `Bearer ${token}` } },
    ];

    const answers: Answer[] = [];
    let phase: Answer['phase'] = 'up';
    let running = true;
    const worker = async (offset: number) => {
      for (let n = offset; running; n++) {
        const { path, headers } = requests[n % requests.length]!;
        const asked = phase;
        try {
          const response = await fetch(`${server.url}${path}`, {
            headers,
            signal: AbortSignal.timeout(15_000),
          });
          const body = (await response.json()) as { message?: string };
          answers.push({ phase: asked, answeredIn: phase, status: response.status, message: body.message });
        } catch {
          answers.push({ phase: asked, answeredIn: phase, status: 0 });
          await new Promise((done) => setTimeout(done, 50));
        }
      }
    };
    const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
    const workers = Array.from({ length: 8 }, (_, i) => worker(i));

    await sleep(1500);
    phase = 'down';
    await database.stop();
    await sleep(2500);
    expect(server.child.exitCode, server.output()).toBeNull();

    database = await startEmbeddedPostgres({ dataDir, port: pgPort, durable: false });
    phase = 'back';
    const backAt = Date.now();
    // Recovered: the latest answers, of every kind of request, are all 200 again.
    await expect
      .poll(
        () => {
          const recent = answers.filter((a) => a.phase === 'back').slice(-2 * requests.length);
          return recent.length === 2 * requests.length && recent.every((a) => a.status === 200);
        },
        { timeout: 20_000, interval: 200 },
      )
      .toBe(true);
    const recoveredMs = Date.now() - backAt;
    const settled = answers.length;
    await sleep(1500);
    running = false;
    await Promise.all(workers);

    const up = answers.filter((a) => a.answeredIn === 'up');
    // Asked before the stop, answered after it: either answer is right.
    const down = answers.filter((a) => a.answeredIn === 'down');
    const after = answers.slice(settled);
    expect(up.length).toBeGreaterThan(10);
    expect(up.every((a) => a.status === 200)).toBe(true);

    // While down: only 503s with the Vietnamese message (an answer started before the stop may be 200).
    expect(down.filter((a) => a.status === 503).length).toBeGreaterThan(5);
    const wrong = down.filter((a) => a.status !== 200 && a.status !== 503);
    expect(wrong, JSON.stringify(wrong.slice(0, 5))).toEqual([]);
    for (const answer of down.filter((a) => a.status === 503))
      expect(answer.message).toBe('Cơ sở dữ liệu tạm thời không truy cập được. Thử lại sau ít phút.');

    // Back: everything answers normally again, the same process.
    expect(recoveredMs).toBeLessThan(20_000);
    expect(after.length).toBeGreaterThan(10);
    expect(after.filter((a) => a.status !== 200)).toEqual([]);
    expect(server.child.exitCode, server.output()).toBeNull();
    const health = await fetch(`${server.url}/health`);
    expect(health.status).toBe(200);
  }, 120_000);
});
