/**
 * Dispatch benchmark: 20,000 deliveries to 2,000 OA groups through a rate-limited, faulty Zalo, with the
 * server killed by SIGKILL 5 times and restarted; then an unsaturated phase for lateness. Duplicates and
 * losses are counted on Zalo's side (what the groups actually received). Prints one JSON line.
 *
 * goodput_ratio = distinct messages delivered per second ÷ the simulator's rate limit (the baseline:
 * the most any sender could achieve in this run).
 *
 * LEAD: this runs against `stand-in-zalo.ts` until the Zalo simulator is merged. To finish it: start the
 * simulator instead (rate limit 200/s, 2 % 5xx, 0.5 % accepted-then-timeout, -32 bursts), point the
 * worker's Zalo configuration at it, and read `messages`/`faults` from the simulator's records. Marked
 * below with "LEAD:".
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import pg from 'pg';
import { REPO_ROOT } from '../../server/src/config.js';
import { startEmbeddedPostgres } from '../../server/src/db/embedded-postgres.js';
import { migrate } from '../../server/src/db/migrate.js';
import { seedBench } from './dispatch-seed.js';
import { StandInZalo } from './stand-in-zalo.js';

const GROUPS = 2000;
const POSTS = 10;
const RATE_PER_SECOND = 200;
const KILLS = 5;
const log = (message: string) => process.stderr.write(`[bench:dispatch] ${message}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function startWorker(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(REPO_ROOT, 'scripts/bench/dispatch-worker.ts')],
    {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    },
  );
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`worker exited early (${code})`)));
  });
}

async function killHard(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

async function settled(db: pg.Client, since: Date): Promise<{ open: number; total: number }> {
  const { rows } = await db.query<{ open: number; total: number }>(
    `SELECT count(*) FILTER (WHERE status NOT IN ('sent', 'failed'))::int AS open, count(*)::int AS total
       FROM deliveries WHERE created_at >= $1`,
    [since],
  );
  return rows[0]!;
}

async function waitSettled(db: pg.Client, since: Date, expected: number, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { open, total } = await settled(db, since);
    if (total >= expected && open === 0) return;
    if (Date.now() > deadline) throw new Error(`not settled: ${open} open of ${total}`);
    await sleep(500);
  }
}

function p99(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] ?? 0;
}

async function main() {
  const pgServer = await startEmbeddedPostgres({
    dataDir: join(REPO_ROOT, '.data', 'bench-dispatch'),
    port: await freePort(),
    durable: false,
  });
  const admin = new pg.Client({ connectionString: pgServer.adminUrl });
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS bench_dispatch WITH (FORCE)');
  await admin.query('CREATE DATABASE bench_dispatch');
  await admin.end();
  const url = new URL(pgServer.adminUrl);
  url.pathname = '/bench_dispatch';
  const databaseUrl = url.toString();
  await migrate(databaseUrl);
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();

  // LEAD: replace with the Zalo simulator (same fault mix) once it is merged.
  const zalo = new StandInZalo({
    ratePerSecond: RATE_PER_SECOND,
    serverErrorRate: 0.02,
    lostAnswerRate: 0.005,
    burstEveryMs: 15_000,
    burstLengthMs: 400,
  });
  const simPort = await zalo.listen();
  const env = {
    DATABASE_URL: databaseUrl,
    BENCH_SIM_URL: `http://127.0.0.1:${simPort}`,
    OA_RATE_PER_MINUTE: String(Math.floor(RATE_PER_SECOND * 60 * 0.95)), // a little under Zalo's limit
    DELIVERY_LEASE_SECONDS: '10',
    NODE_ENV: 'development',
  };

  // Phase 1: saturated, faulty, with kills.
  const phase1Start = new Date();
  const phase1 = await seedBench(db, {
    groups: GROUPS,
    posts: POSTS,
    firstDueAt: new Date(Date.now() + 3_000),
    spacingMs: 0,
  });
  let worker = await startWorker(env);
  log(`phase 1: ${phase1.expected} deliveries`);
  for (let kill = 0; kill < KILLS; kill++) {
    await sleep(4_000 + Math.random() * 12_000);
    await killHard(worker);
    log(`killed worker (${kill + 1}/${KILLS}); restarting`);
    worker = await startWorker(env);
  }
  await waitSettled(db, phase1Start, phase1.expected, 15 * 60_000);
  const phase1Seconds = (Date.now() - phase1.firstDueAt.getTime()) / 1000;

  const seen = new Map<string, number>();
  for (const m of zalo.messages)
    seen.set(`${m.groupId}\n${m.text}`, (seen.get(`${m.groupId}\n${m.text}`) ?? 0) + 1);
  const phase1Pairs = phase1.pairs;
  const duplicates = phase1Pairs.reduce((sum, key) => sum + Math.max(0, (seen.get(key) ?? 0) - 1), 0);
  const lost = phase1Pairs.filter((key) => !seen.has(key)).length;
  const lostAnswerIds = zalo.messages.filter((m) => m.answerLost).map((m) => m.messageId);
  const { rows: reconciled } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM deliveries WHERE status = 'sent' AND zalo_message_id = ANY($1::text[])`,
    [lostAnswerIds],
  );
  const distinctDelivered = phase1Pairs.filter((key) => seen.has(key)).length;

  // Phase 2: unsaturated (20 deliveries a second, no faults), for lateness.
  zalo.options = {
    ratePerSecond: RATE_PER_SECOND,
    serverErrorRate: 0,
    lostAnswerRate: 0,
    burstEveryMs: 0,
    burstLengthMs: 0,
  };
  const phase2Start = new Date();
  const phase2 = await seedBench(db, {
    groups: 20,
    posts: 30,
    firstDueAt: new Date(Date.now() + 3_000),
    spacingMs: 1_000,
  });
  await waitSettled(db, phase2Start, phase2.expected, 5 * 60_000);
  const lateness = zalo.messages
    .filter((m) => phase2.dueAtByText.has(m.text))
    .map((m) => m.at - (phase2.dueAtByText.get(m.text) as Date).getTime());

  worker.kill('SIGTERM');
  await new Promise((resolve) => worker.once('exit', resolve));
  await db.end();
  await zalo.close();
  await pgServer.stop();

  log(`faults injected: ${JSON.stringify(zalo.faults)}`);
  console.log(
    JSON.stringify({
      bench: 'dispatch',
      deliveries: phase1.expected,
      goodput_ratio: Number((distinctDelivered / phase1Seconds / RATE_PER_SECOND).toFixed(3)),
      duplicates,
      lost,
      kills: KILLS,
      unknown_reconciled: reconciled[0]!.n,
      p99_lateness_ms: Math.round(p99(lateness)),
      simulator: 'stand-in', // LEAD: 'zalo-simulator' once run against it
    }),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
