/**
 * `npm run bench:chat`: people write to the ward's OA (a mix of what residents and team members ask,
 * with and without diacritics: chat-plan.ts) as signed webhooks over HTTP at a steady offered rate,
 * while the server is killed with SIGKILL and started again. The Zalo simulator runs in its own process
 * (what it recorded survives the kills) and receives the replies. Then every message is checked
 * against the simulator's record of what the OA sent (chat-check.ts: lost, duplicates, reply times),
 * and `intake_ratio` is measured (chat-intake.ts: the webhook route against a bare route verifying the
 * same signature and inserting the event, chat-bare.ts, in alternating rounds). Prints one JSON line.
 *
 * Size by environment: BENCH_PEOPLE (2000), BENCH_MESSAGES (10000), BENCH_KILLS (3), BENCH_RATE
 * (messages offered per second, 25), BENCH_INTAKE_SECONDS (per round, 5), BENCH_INTAKE_ROUNDS (per
 * side, 3). BENCH_ONLY=intake runs only the intake rounds (about a minute, to try a change);
 * BENCH_PROFILE_DIR=<dir> starts the server under test with --cpu-prof, writing its profile there.
 */
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import pg from 'pg';
import { check, settle, type Verdict } from './chat-check.js';
import { measureIntake } from './chat-intake.js';
import { checkPhrases, type Planned, plan } from './chat-plan.js';
import { CHAT_OA_ID, CHAT_WARD_SLUG, seedChatWard } from './chat-seed.js';
import { freePort } from './free-port.js';
import { parentPid, processCpuMs, processTreeCpuMs } from './lib/cpu.js';
import { benchDatabase } from './lib/database.js';
import { killHard, startChild, stopChild } from './lib/processes.js';
import { startSimulator } from './lib/simulator.js';
import { percentile } from './lib/stats.js';
import { closeAgents, postEvent, signedEvent, sourceAddress } from './lib/webhooks.js';

const env = process.env;
const ONLY_INTAKE = env.BENCH_ONLY === 'intake';
const PEOPLE = Number(env.BENCH_PEOPLE ?? (ONLY_INTAKE ? 100 : 2000));
const MESSAGES = ONLY_INTAKE ? 0 : Number(env.BENCH_MESSAGES ?? 10000);
const KILLS = ONLY_INTAKE ? 0 : Number(env.BENCH_KILLS ?? 3);
const RATE = Number(env.BENCH_RATE ?? 25);
const INTAKE_SECONDS = Number(env.BENCH_INTAKE_SECONDS ?? 5);
const INTAKE_ROUNDS = Number(env.BENCH_INTAKE_ROUNDS ?? 3);
const PROFILE_DIR = env.BENCH_PROFILE_DIR;
const TEAM_SHARE = 0.1;
const SOURCES = 8; // Zalo's sending servers, as local addresses
const RETRY_MS = 250; // how soon "Zalo" posts an event again after no 200, doubling each time
const RETRY_MAX_MS = 2_000;
const SECRET = 'bench-chat-webhook-secret-0123456789';

const log = (message: string) => process.stderr.write(`[bench:chat] ${message}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Outage {
  from: number;
  to: number;
}

/**
 * Posts every planned event at its time, again with the same bytes until answered 200 (as Zalo
 * retries), while `kill` SIGKILLs and restarts the server KILLS times spread over the send phase.
 */
async function sendWithKills(
  planned: Planned[],
  webhookUrl: URL,
  kill: () => Promise<void>,
): Promise<{
  webhookMs: number[];
  steadyMs: number[];
  restartMs: number[];
  down: Outage[];
  attempts: number;
}> {
  const webhookMs: number[] = [];
  const steadyMs: number[] = [];
  const restartMs: number[] = [];
  const down: Outage[] = [];
  let attempts = 0;
  const startAt = planned[0]?.at ?? Date.now();
  const sendSeconds = MESSAGES / RATE;

  const deliver = async (message: Planned) => {
    await sleep(message.at - Date.now());
    const event = signedEvent({
      oaId: CHAT_OA_ID,
      userId: message.person.oaUserId,
      msgId: `bench-${message.n}`,
      at: message.at,
      body: message.body,
      secret: SECRET,
    });
    const source = sourceAddress(message.n % SOURCES);
    for (let attempt = 0; ; attempt++) {
      const began = performance.now();
      const startedAt = Date.now();
      attempts++;
      const status = await postEvent(webhookUrl, event, source);
      if (status === 200) {
        const ms = performance.now() - began;
        webhookMs.push(ms);
        // Posted while no server was up, or in the backlog a restarted server meets first.
        if (attempt > 0 || down.some((d) => startedAt >= d.from && startedAt <= d.to + 2_000))
          restartMs.push(ms);
        else steadyMs.push(ms);
        message.accepted = Date.now();
        return;
      }
      await sleep(Math.min(RETRY_MAX_MS, RETRY_MS * 2 ** attempt));
    }
  };
  const kills = (async () => {
    for (let k = 0; k < KILLS; k++) {
      const due =
        startAt + ((k + 1) / (KILLS + 1) + (Math.random() - 0.5) / (KILLS + 1) / 2) * sendSeconds * 1000;
      await sleep(due - Date.now());
      const outage = { from: Date.now(), to: Number.POSITIVE_INFINITY };
      down.push(outage);
      await kill();
      log(`killed the server (${k + 1}/${KILLS}); started it again`);
      outage.to = Date.now();
    }
  })();
  await Promise.all([...planned.map(deliver), kills]);
  return { webhookMs, steadyMs, restartMs, down, attempts };
}

async function main() {
  checkPhrases();
  const { pgServer, databaseUrl } = await benchDatabase('bench-chat');
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const { wardId, people } = await seedChatWard(db, {
    people: PEOPLE,
    teamShare: TEAM_SHARE,
    idPrefix: '66100000000',
  });
  // Followers who only take part in the intake rounds, so their replies do not mix with the checked ones.
  const intakePeople = Array.from({ length: 200 }, (_, n) => `66200000000${String(n + 1).padStart(6, '0')}`);
  await db.query(
    'CREATE TABLE bench_webhook_events (LIKE webhook_events INCLUDING DEFAULTS INCLUDING INDEXES INCLUDING CONSTRAINTS)',
  );
  const postmaster = parentPid(
    (await db.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid,
  );

  const simulator = await startSimulator({
    DATABASE_URL: databaseUrl,
    DEFAULT_WARD_SLUG: CHAT_WARD_SLUG,
    SIM_RATE_LIMIT_PER_MIN: '1000000', // the OA's limit is the server's OA_RATE_PER_MINUTE
    ZALO_WEBHOOK_SECRET: SECRET,
  });
  const sim = simulator.api;
  await sim('GET', '/people'); // loads the ward, then the people are added
  const followers = [
    ...people.map((p) => ({ oaUserId: p.oaUserId, name: p.name, role: p.role, oaId: CHAT_OA_ID })),
    ...intakePeople.map((oaUserId, n) => ({ oaUserId, name: `Người nhắn ${n + 1}`, oaId: CHAT_OA_ID })),
  ];
  for (let i = 0; i < followers.length; i += 500)
    await sim('POST', '/people/batch', { people: followers.slice(i, i + 500) });
  // They wrote to the OA today, as far as Zalo knows: consultation replies are allowed.
  for (let i = 0; i < followers.length; i += 50)
    await Promise.all(
      followers.slice(i, i + 50).map((p) => sim('POST', `/people/${p.oaUserId}/interaction`, { daysAgo: 0 })),
    );

  const port = await freePort();
  const serverEnv = {
    DATABASE_URL: databaseUrl,
    DEFAULT_WARD_SLUG: CHAT_WARD_SLUG,
    ...simulator.zaloEnv,
    ZALO_OA_ID: CHAT_OA_ID,
    ZALO_WEBHOOK_SECRET: SECRET,
    ZALO_TIMEOUT_MS: '2000',
    DELIVERY_LEASE_SECONDS: '10',
    NODE_ENV: 'development',
    PORT: String(port),
  };
  const profile = PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${resolve(PROFILE_DIR)}`] : [];
  const startServer = async () => (await startChild('chat-server.ts', serverEnv, profile))[0];
  const webhookUrl = new URL(`http://127.0.0.1:${port}/webhooks/zalo`);
  let server = await startServer();

  // --- The run with kills, then its verdict ---
  let sent: Awaited<ReturnType<typeof sendWithKills>> | undefined;
  let verdict: Verdict | undefined;
  if (MESSAGES > 0) {
    const planned = plan(people, MESSAGES, RATE, Date.now() + 1_000);
    log(
      `${MESSAGES} messages from ${PEOPLE} people at ${RATE}/s (${(MESSAGES / RATE).toFixed(0)} s), ${KILLS} kills`,
    );
    sent = await sendWithKills(planned, webhookUrl, async () => {
      await killHard(server);
      server = await startServer();
    });
    log(`all ${MESSAGES} events answered 200 (${sent.attempts} posts); waiting for the replies`);
    await settle(db, MESSAGES);
    verdict = await check(db, sim, people, planned, sent.down);
  }

  // --- Intake: the webhook route against the bare verify-and-insert route ---
  const barePort = await freePort();
  const [bare] = await startChild('chat-bare.ts', {
    DATABASE_URL: databaseUrl,
    BENCH_WARD_ID: wardId,
    ZALO_WEBHOOK_SECRET: SECRET,
    PORT: String(barePort),
  });
  const intake = await measureIntake({
    webhookUrl,
    bareUrl: new URL(`http://127.0.0.1:${barePort}/webhooks/zalo`),
    people: intakePeople,
    secret: SECRET,
    seconds: INTAKE_SECONDS,
    rounds: INTAKE_ROUNDS,
    firstSource: SOURCES,
    backlog: async () =>
      (
        await db.query<{ open: number }>(
          `SELECT (SELECT count(*)::int FROM webhook_events WHERE status <> 'processed')
                + (SELECT count(*)::int FROM conversation_messages WHERE status IN ('queued', 'sending')) AS open`,
        )
      ).rows[0]!.open,
    meters: {
      server: () => processCpuMs(server.pid),
      bare: () => processCpuMs(bare.pid),
      simulator: () => processCpuMs(simulator.process.pid),
      postgres: () => processTreeCpuMs(postmaster),
    },
  });
  await stopChild(bare);

  await stopChild(server);
  await stopChild(simulator.process);
  closeAgents();
  await db.end();
  await pgServer.stop();
  const run =
    sent && verdict
      ? {
          messages: MESSAGES,
          people: PEOPLE,
          replies: verdict.replies,
          duplicates: verdict.duplicates,
          lost: verdict.lost,
          kills: KILLS,
          webhook_p99_ms: Math.round(percentile(sent.webhookMs, 0.99)),
          // The same, without the posts that met a restart (retried, or sent up to 2 s after the start).
          webhook_p99_steady_ms: Math.round(percentile(sent.steadyMs, 0.99)),
          webhook_posts_after_restart: sent.restartMs.length,
          reply_p50_ms: Math.round(percentile(verdict.replyMs, 0.5)),
          reply_p99_ms: Math.round(percentile(verdict.replyMs, 0.99)),
          replies_across_restarts: verdict.acrossRestarts,
        }
      : { messages: 0 };
  console.log(
    JSON.stringify({
      bench: 'chat',
      ...run,
      ...intake,
      webhook_posts: sent?.attempts ?? 0,
      load_average_1m: Number(loadavg()[0]!.toFixed(2)),
    }),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
