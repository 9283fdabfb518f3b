/**
 * `npm run bench:ack`: the real acknowledgement route (session check, validation, the update and its
 * audit row) against a bare Fastify + pg route doing one INSERT, on the same database in the same run,
 * 100 connections each, pool of 20 each. A warm-up round for both is not counted; the measured rounds
 * alternate which side goes first, so background load on a shared machine hits both alike. The baseline
 * writes one row shaped like an audit row into a table with audit_log's columns and indexes. Prints one
 * JSON line; the ratio is ack ÷ baseline requests per second (median over rounds). cpu_us_per_* is this
 * process's CPU time (load generator included, the same for both sides) per answered request.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import pg from 'pg';
import { buildApp } from '../../server/src/app.js';
import { loadConfig, REPO_ROOT } from '../../server/src/config.js';
import { ensureDatabase, startEmbeddedPostgres } from '../../server/src/db/embedded-postgres.js';
import { migrate } from '../../server/src/db/migrate.js';
import { freePort } from './free-port.js';

const CONNECTIONS = 100;
/** Alternating rounds, so a noisy neighbour on a shared machine hits both sides alike. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5); // smaller only to check the script works
const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
const WARM_UP_SECONDS = Math.min(3, SECONDS);
const POOL_SIZE = 20;
const TEAMS = 17;
/** Enough pending assignments that every request acknowledges a fresh one (a real write). */
const TASKS_PER_TEAM = Number(process.env.BENCH_TASKS_PER_TEAM ?? 15000);
const SECRET = 'bench-session-secret-0123456789-0123456789';

async function seed(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const ward = (
      await client.query(
        `INSERT INTO wards (slug, name, place_name, level, province) VALUES ('bench', 'Phường đo', 'Đo', 'phuong', 'Tỉnh đo') RETURNING id`,
      )
    ).rows[0].id as string;
    await client.query(
      `INSERT INTO units (ward_id, kind, name, sort_order) SELECT $1, 'digital_team', 'Tổ ' || n, n FROM generate_series(1, $2) n`,
      [ward, TEAMS],
    );
    await client.query(
      `INSERT INTO members (ward_id, unit_id, role, full_name) SELECT ward_id, id, 'team_member', 'Tổ viên ' || name FROM units WHERE ward_id = $1`,
      [ward],
    );
    const campaign = (
      await client.query(
        `INSERT INTO campaigns (ward_id, title, starts_on, ends_on, status) VALUES ($1, 'Đo', '2026-05-18', '2026-05-24', 'active') RETURNING id`,
        [ward],
      )
    ).rows[0].id;
    await client.query(
      `INSERT INTO tasks (ward_id, campaign_id, kind, title, due_at, sort_order) SELECT $1, $2, 'custom', 'Việc ' || n, '2026-05-20T10:00:00+07:00', n FROM generate_series(1, $3) n`,
      [ward, campaign, TASKS_PER_TEAM],
    );
    await client.query(
      `INSERT INTO assignments (ward_id, task_id, unit_id) SELECT t.ward_id, t.id, u.id FROM tasks t JOIN units u ON u.ward_id = t.ward_id`,
    );
    await client.query(
      `CREATE TABLE bench_baseline (id bigserial PRIMARY KEY, ward_id uuid NOT NULL, actor_member_id uuid,
         action text NOT NULL, entity text NOT NULL, entity_id text, before jsonb, after jsonb,
         created_at timestamptz NOT NULL DEFAULT now());
       CREATE INDEX bench_baseline_entity ON bench_baseline (ward_id, entity, entity_id, created_at)`,
    );
    await client.query('VACUUM ANALYZE');
    const { rows } = await client.query<{ id: string; unitId: string; memberId: string }>(
      `SELECT a.id, a.unit_id AS "unitId", m.id AS "memberId" FROM assignments a JOIN members m ON m.unit_id = a.unit_id ORDER BY random()`,
    );
    return { ward, assignments: rows };
  } finally {
    await client.end();
  }
}

/** This process's CPU time per answered request in µs (load generator and both servers share it). */
const cpuPerRequest = (cpu: NodeJS.CpuUsage, result: autocannon.Result) =>
  (cpu.user + cpu.system) / Math.max(1, result['2xx']);

async function measured(run: () => Promise<autocannon.Result>) {
  const started = process.cpuUsage();
  const result = await run();
  return Object.assign(result, { cpuUs: cpuPerRequest(process.cpuUsage(started), result) });
}

function load(
  url: string,
  paths: { path: string; headers: Record<string, string> }[],
  start: number,
  duration = SECONDS,
) {
  let next = start;
  return autocannon({
    url,
    connections: CONNECTIONS,
    duration,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          const target = paths[next++ % paths.length]!;
          return { ...request, path: target.path, headers: { ...request.headers, ...target.headers } };
        },
      },
    ],
  });
}

// Not .data/tmp-*: a test run's teardown removes those, even while this benchmark's Postgres runs.
mkdirSync(join(REPO_ROOT, '.data'), { recursive: true }); // absent in a fresh checkout
const dataDir = mkdtempSync(join(REPO_ROOT, '.data', 'bench-'));
const database = await startEmbeddedPostgres({ dataDir, port: await freePort() });
try {
  const url = database.url;
  await ensureDatabase(database.adminUrl, 'loa_phuong');
  await migrate(url);
  const { ward, assignments } = await seed(url);

  const config = loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    SESSION_SECRET: SECRET,
    SERVE_MINI_APP: 'false',
    ZALO_MODE: 'simulator',
    SCHEDULER: 'false',
  });
  // buildApp's pool has 20 connections, like the baseline's below.
  const app = await buildApp({ ...config, databaseUrl: url, sessionSecret: SECRET }, { logger: false });
  const appUrl = await app.listen({ port: await freePort(), host: '127.0.0.1' });
  const tokens = new Map<string, string>();
  const ackPaths = assignments.map((a) => {
    let token = tokens.get(a.unitId);
    if (!token) {
      token = app.issueSession({
        memberId: a.memberId,
        wardId: ward,
        role: 'team_member',
        unitId: a.unitId,
        zaloUserId: undefined,
        // As the sign-in route signs it: the full re-check (version, revocation) runs on every request.
        sessionVersion: 0,
      });
      tokens.set(a.unitId, token);
    }
    return { path: `/api/assignments/${a.id}/ack`, headers: { authorization: `Bearer ${token}` } };
  });

  // The baseline: the least a Fastify + pg write route can do, on the same database and pool size.
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE });
  // An idle client dropped while Postgres stops must not crash the run after the figures are printed.
  pool.on('error', (error) => console.error(`baseline pool: ${error.message}`));
  const bare = Fastify({ logger: false });
  const actor = assignments[0]!.memberId;
  bare.post<{ Params: { id: string } }>('/baseline/:id', async (request) => {
    await pool.query(
      `INSERT INTO bench_baseline (ward_id, actor_member_id, action, entity, entity_id, before, after)
       VALUES ($1, $2, 'assignments.ack', 'assignment', $3, '{"status":"pending"}', '{"status":"acknowledged"}')`,
      [ward, actor, request.params.id],
    );
    return { ok: true };
  });
  const bareUrl = await bare.listen({ port: await freePort(), host: '127.0.0.1' });
  const basePaths = assignments.map((a) => ({ path: `/baseline/${a.id}`, headers: {} }));

  // Each round (the warm-up first) starts further along the list, so every acknowledgement is a first
  // one (a real write); `acknowledged` = `ack_requests` in the output shows it.
  const slice = Math.floor(ackPaths.length / (ROUNDS + 1));
  await load(bareUrl, basePaths, 0, WARM_UP_SECONDS);
  const warmUp = await load(appUrl, ackPaths, 0, WARM_UP_SECONDS);
  type Measured = autocannon.Result & { cpuUs: number };
  const rounds: { ack: Measured; baseline: Measured }[] = [];
  const ackRound = (offset: number) => measured(() => load(appUrl, ackPaths, offset));
  const baselineRound = (offset: number) => measured(() => load(bareUrl, basePaths, offset));
  for (let round = 0; round < ROUNDS; round++) {
    const offset = (round + 1) * slice;
    if (round % 2 === 0) {
      const baseline = await baselineRound(offset);
      rounds.push({ baseline, ack: await ackRound(offset) });
    } else {
      const ack = await ackRound(offset);
      rounds.push({ ack, baseline: await baselineRound(offset) });
    }
  }
  const median = (values: number[]) => values.sort((x, y) => x - y)[Math.floor(values.length / 2)]!;
  const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
  // Closing first lets requests still in flight finish, so both counts come from the same end state.
  await app.close();
  await bare.close();
  const {
    rows: [counts],
  } = await pool.query(
    `SELECT (SELECT count(*)::int FROM assignments WHERE status = 'acknowledged') AS written,
            (SELECT count(*)::int FROM audit_log WHERE action = 'assignments.ack') AS audited,
            -- In-place (HOT) updates touch no index; the share shows the fillfactor and index choice work.
            (SELECT round(n_tup_hot_upd::numeric / greatest(n_tup_upd, 1), 3)::float
               FROM pg_stat_user_tables WHERE relname = 'assignments') AS hot`,
  );
  const failed = rounds.reduce(
    (n, r) => n + r.ack.non2xx + r.ack.errors + r.baseline.non2xx + r.baseline.errors,
    warmUp.non2xx + warmUp.errors,
  );
  console.log(
    JSON.stringify({
      bench: 'ack',
      ratio: Number(
        median(rounds.map((r) => r.ack.requests.average / r.baseline.requests.average)).toFixed(3),
      ),
      round_ratios: rounds.map((r) =>
        Number((r.ack.requests.average / r.baseline.requests.average).toFixed(3)),
      ),
      ack_rps: Math.round(mean(rounds.map((r) => r.ack.requests.average))),
      baseline_rps: Math.round(mean(rounds.map((r) => r.baseline.requests.average))),
      // On a shared machine the requests per second swing with the neighbours; CPU per request less so.
      cpu_us_per_ack: Math.round(median(rounds.map((r) => r.ack.cpuUs))),
      cpu_us_per_baseline: Math.round(median(rounds.map((r) => r.baseline.cpuUs))),
      p99_ms: Math.max(...rounds.map((r) => r.ack.latency.p99)),
      baseline_p99_ms: Math.max(...rounds.map((r) => r.baseline.latency.p99)),
      connections: CONNECTIONS,
      rounds: ROUNDS,
      seconds_per_round: SECONDS,
      ack_requests: [warmUp, ...rounds.map((r) => r.ack)].reduce((n, r) => n + r['2xx'], 0),
      acknowledged: counts.written,
      audited: counts.audited,
      hot_update_share: counts.hot,
      failed,
    }),
  );
  await pool.end();
} finally {
  await database.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
