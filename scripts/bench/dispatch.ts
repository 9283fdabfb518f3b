/**
 * Dispatch benchmark: 20,000 deliveries to 2,000 OA groups through the project's Zalo simulator (in its
 * own process, rate limit raised to 200/s, 2 % HTTP 5xx, 0.5 % accepted-then-timed-out, bursts of -32),
 * with the worker server killed by SIGKILL 5 times and restarted; then an unsaturated phase for
 * lateness. Duplicates and losses are counted on the simulator's side (GET /sim/api/messages: what the
 * groups actually received). Prints one JSON line.
 *
 * goodput_ratio = distinct messages delivered per second ÷ the simulator's rate limit (the baseline:
 * the most any sender could achieve in this run).
 */
import { loadavg } from 'node:os';
import pg from 'pg';
import { BENCH_OA_ID, BENCH_WARD_SLUG, createBenchWard, seedBench } from './dispatch-seed.js';
import { freePort } from './free-port.js';
import { benchDatabase } from './lib/database.js';
import { killHard, startChild, stopChild } from './lib/processes.js';
import { startSimulator } from './lib/simulator.js';
import { percentile } from './lib/stats.js';

const GROUPS = Number(process.env.BENCH_GROUPS ?? 2000); // smaller only for a quick look
const POSTS = 10;
const RATE_PER_SECOND = 200;
const KILLS = Number(process.env.BENCH_KILLS ?? 5);
const TIMEOUT_MS = 2_000; // the workers' Zalo call timeout; held answers outlast it
const LIMITER_SHARE = 0.99; // the workers' own rate, as a share of the simulator's limit

interface SimMessage {
  messageId: string;
  groupId?: string;
  text: string;
  sentAt: string;
  answerHeld?: boolean;
}
const log = (message: string) => process.stderr.write(`[bench:dispatch] ${message}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const startWorker = async (env: Record<string, string>) => (await startChild('dispatch-worker.ts', env))[0];

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

async function main() {
  const { pgServer, databaseUrl } = await benchDatabase('bench-dispatch');
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const wardId = await createBenchWard(db);

  const simulator = await startSimulator({
    DATABASE_URL: databaseUrl,
    DEFAULT_WARD_SLUG: BENCH_WARD_SLUG,
    SIM_RATE_LIMIT_PER_MIN: String(RATE_PER_SECOND * 60),
  });
  const sim = simulator.api;
  const env = {
    DATABASE_URL: databaseUrl,
    DEFAULT_WARD_SLUG: BENCH_WARD_SLUG,
    ...simulator.zaloEnv,
    ZALO_OA_ID: BENCH_OA_ID,
    ZALO_TIMEOUT_MS: String(TIMEOUT_MS),
    OA_RATE_PER_MINUTE: String(Math.floor(RATE_PER_SECOND * 60 * LIMITER_SHARE)),
    DELIVERY_LEASE_SECONDS: '10',
    NODE_ENV: 'development',
    PORT: String(await freePort()),
  };

  // Phase 1: saturated, faulty, with kills. The server is up before the work arrives, so the clock
  // measures sending, not the first start.
  let worker = await startWorker(env);
  const phase1Start = new Date();
  const phase1 = await seedBench(db, {
    wardId,
    groups: GROUPS,
    posts: POSTS,
    firstDueAt: new Date(Date.now() + 3_000),
    spacingMs: 0,
  });
  await sim('POST', '/groups', { groups: phase1.groups });
  await sim('POST', '/faults', {
    seed: 7,
    rules: [
      { endpoint: '/group/message', type: 'error', code: -32, everyMs: 15_000, forMs: 400 },
      { endpoint: '/group/message', type: 'http_5xx', code: 503, probability: 0.02 },
      {
        endpoint: '/group/message',
        type: 'timeout_after_accept',
        probability: 0.005,
        hangMs: TIMEOUT_MS * 3,
      },
    ],
  });
  let downMs = 0;
  log(`phase 1: ${phase1.expected} deliveries`);
  for (let kill = 0; kill < KILLS; kill++) {
    await sleep(4_000 + Math.random() * 12_000);
    await killHard(worker);
    const killedAt = Date.now();
    log(`killed worker (${kill + 1}/${KILLS}); restarting`);
    worker = await startWorker(env);
    downMs += Date.now() - killedAt;
  }
  await waitSettled(db, phase1Start, phase1.expected, 15 * 60_000);

  const phase1Stats = await sim('GET', '/stats');
  const received = ((await sim('GET', '/messages?limit=100000')).messages ?? []) as SimMessage[];
  const seen = new Map<string, number>();
  for (const m of received)
    seen.set(`${m.groupId}\n${m.text}`, (seen.get(`${m.groupId}\n${m.text}`) ?? 0) + 1);
  const phase1Pairs = phase1.pairs;
  const duplicates = phase1Pairs.reduce((sum, key) => sum + Math.max(0, (seen.get(key) ?? 0) - 1), 0);
  const lost = phase1Pairs.filter((key) => !seen.has(key)).length;
  const heldIds = received.filter((m) => m.answerHeld).map((m) => m.messageId);
  const { rows: reconciled } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM deliveries WHERE status = 'sent' AND zalo_message_id = ANY($1::text[])`,
    [heldIds],
  );
  const distinctDelivered = phase1Pairs.filter((key) => seen.has(key)).length;
  // From the first due time to the simulator's last acceptance (not to when the poll noticed).
  const lastAccepted = Math.max(...received.map((m) => Date.parse(m.sentAt)));
  const phase1Seconds = (lastAccepted - phase1.firstDueAt.getTime()) / 1000;
  const perSecond = new Map<number, number>();
  for (const m of received) {
    const second = Math.floor(Date.parse(m.sentAt) / 1000);
    perSecond.set(second, (perSecond.get(second) ?? 0) + 1);
  }
  const rates = [...perSecond.values()].sort((a, b) => a - b);
  log(`accepted per second: median ${rates[rates.length >> 1]}, max ${rates.at(-1)}, ${rates.length} s`);

  // Phase 2: unsaturated (20 deliveries a second, no faults), for lateness.
  await sim('DELETE', '/faults');
  const phase2Start = new Date();
  const phase2 = await seedBench(db, {
    wardId,
    groups: 20,
    posts: 30,
    firstDueAt: new Date(Date.now() + 3_000),
    spacingMs: 1_000,
  });
  await sim('POST', '/groups', { groups: phase2.groups });
  await waitSettled(db, phase2Start, phase2.expected, 5 * 60_000);
  const phase2Received = ((await sim('GET', `/messages?limit=100000&since=${phase2Start.toISOString()}`))
    .messages ?? []) as SimMessage[];
  const lateness = phase2Received
    .filter((m) => phase2.dueAtByText.has(m.text))
    .map((m) => Date.parse(m.sentAt) - (phase2.dueAtByText.get(m.text) as Date).getTime());

  await stopChild(worker);
  await stopChild(simulator.process);
  await db.end();
  await pgServer.stop();

  log(`simulator stats after phase 1: ${JSON.stringify(phase1Stats)}`);
  log(
    `worker down ${Math.round(downMs)} ms over ${KILLS} restarts; phase 1 took ${phase1Seconds.toFixed(1)} s`,
  );
  console.log(
    JSON.stringify({
      bench: 'dispatch',
      deliveries: phase1.expected,
      goodput_ratio: Number((distinctDelivered / phase1Seconds / RATE_PER_SECOND).toFixed(3)),
      duplicates,
      lost,
      kills: KILLS,
      unknown_reconciled: reconciled[0]!.n,
      p99_lateness_ms: Math.round(percentile(lateness, 0.99)),
      answers_held: heldIds.length,
      goodput_ratio_while_up: Number(
        (distinctDelivered / (phase1Seconds - downMs / 1000) / RATE_PER_SECOND).toFixed(3),
      ),
      load_average_1m: Number(loadavg()[0]!.toFixed(2)),
      simulator: 'zalo-simulator',
    }),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
