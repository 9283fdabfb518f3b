/**
 * `npm run bench:chat`: people write to the ward's OA (a mix of what residents and team members ask,
 * with and without diacritics) as signed webhooks over HTTP at a steady offered rate, while the server
 * is killed with SIGKILL and started again. The Zalo simulator runs in its own process (what it
 * recorded survives the kills) and receives the replies. Then every message is checked against the
 * simulator's record of what the OA sent:
 *  - lost: a message without a reply, or whose reply the simulator never received;
 *  - duplicates: a message the OA sent that no reply of the ledger accounts for (a second send), or
 *    two replies claiming one sent message.
 * Then `intake_ratio`: the webhook route's throughput (events answered 200 per second, closed loop)
 * against a bare Fastify route verifying the same signature and inserting the event (chat-bare.ts),
 * in alternating rounds on the same database. Prints one JSON line.
 *
 * Size by environment: BENCH_PEOPLE (2000), BENCH_MESSAGES (10000), BENCH_KILLS (3), BENCH_RATE
 * (messages offered per second, 25), BENCH_INTAKE_SECONDS (per round, 5).
 */
import { loadavg } from 'node:os';
import pg from 'pg';
import { matchIntent } from '../../server/src/conversations/intents.js';
import { CHAT_OA_ID, CHAT_WARD_SLUG, type ChatPerson, seedChatWard } from './chat-seed.js';
import { freePort } from './free-port.js';
import { benchDatabase } from './lib/database.js';
import { killHard, startChild, stopChild } from './lib/processes.js';
import { startSimulator } from './lib/simulator.js';
import { percentile } from './lib/stats.js';
import { closeAgents, type EventBody, postEvent, signedEvent, sourceAddress } from './lib/webhooks.js';

const env = process.env;
const PEOPLE = Number(env.BENCH_PEOPLE ?? 2000);
const MESSAGES = Number(env.BENCH_MESSAGES ?? 10000);
const KILLS = Number(env.BENCH_KILLS ?? 3);
const RATE = Number(env.BENCH_RATE ?? 25);
const INTAKE_SECONDS = Number(env.BENCH_INTAKE_SECONDS ?? 5);
const INTAKE_ROUNDS = 3; // each side; alternating, so a noisy neighbour hits both alike
const INTAKE_CONNECTIONS = 32;
const TEAM_SHARE = 0.1;
const HANDOVER_SHARE = 0.05; // residents whose last message asks for a person
const SOURCES = 8; // Zalo's sending servers, as local addresses
const RETRY_MS = 250; // how soon "Zalo" posts an event again after no 200, doubling each time
const RETRY_MAX_MS = 2_000;
const SETTLE_TIMEOUT_MS = 10 * 60_000;
const SECRET = 'bench-chat-webhook-secret-0123456789';

const log = (message: string) => process.stderr.write(`[bench:chat] ${message}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What people write, as they type it; each must be understood (checked at start), so none hands over. */
const RESIDENT_TEXTS = [
  'xin chào',
  'chào ad',
  'Chủ đề năm nay là gì?',
  'chu de la gi vay',
  'khẩu hiệu là gì',
  'khau hieuu',
  'sự kiện diễn ra khi nào vậy ạ',
  'bao gio ket thuc z',
  'có những hoạt động gì',
  'co hoat dong j',
  'hôm nay là ngày gì?',
  'đọc bài ở đâu',
  'doc bai o dau v',
  'cảm ơn nhiều 👍',
  'tks ad',
  'trợ giúp',
  'nhiệm vụ',
];
const MEMBER_TEXTS = [
  'nhiệm vụ',
  'nhiem vu cua to la j',
  'việc của tổ',
  'nhận 2',
  'nhan 1',
  'đã xong 3',
  'xong 2 r',
  'đã phát thanh 2 lần rồi',
  'Đã treo băng rôn!! 😀',
  'da chia se bai vao nhom roi',
  'trợ giúp',
  'okeee',
];
const HANDOVER_TEXT = 'cho tôi gặp cán bộ phường với';

interface Planned {
  n: number;
  person: ChatPerson;
  body: EventBody;
  at: number; // when "Zalo" first posts it
  accepted?: number;
}

/** A small seeded generator, so two runs send the same mix. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 4294967296;
    return state / 4294967296;
  };
}

function plan(people: ChatPerson[], startAt: number): Planned[] {
  const next = random(7);
  const perPerson = Math.ceil(MESSAGES / people.length);
  return Array.from({ length: MESSAGES }, (_, n) => {
    const person = people[n % people.length] as ChatPerson;
    const index = n % people.length;
    const last = n + people.length >= MESSAGES || Math.floor(n / people.length) === perPerson - 1;
    let body: EventBody;
    if (person.role === 'resident') {
      const handsOver = last && index % Math.round(1 / HANDOVER_SHARE) === 0;
      body = {
        kind: 'text',
        text: handsOver
          ? HANDOVER_TEXT
          : (RESIDENT_TEXTS[Math.floor(next() * RESIDENT_TEXTS.length)] as string),
      };
    } else if (next() < 0.1) {
      body = { kind: 'location', latitude: 10.94 + next() / 100, longitude: 107.14 + next() / 100 };
    } else {
      body = { kind: 'text', text: MEMBER_TEXTS[Math.floor(next() * MEMBER_TEXTS.length)] as string };
    }
    return { n, person, body, at: startAt + (n * 1000) / RATE };
  });
}

async function main() {
  // Every message is answered only while the bot has the conversation: nothing but the last may hand over.
  for (const text of [...RESIDENT_TEXTS, ...MEMBER_TEXTS]) {
    const intent = matchIntent(text)?.intent;
    if (!intent || intent === 'handover' || intent === 'complaint')
      throw new Error(`"${text}" would be ${intent ?? 'not understood'}: pick another phrase`);
  }
  if (matchIntent(HANDOVER_TEXT)?.intent !== 'handover') throw new Error(`"${HANDOVER_TEXT}" must hand over`);

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
  const startServer = async () => (await startChild('chat-server.ts', serverEnv))[0];
  const webhookUrl = new URL(`http://127.0.0.1:${port}/webhooks/zalo`);

  // --- The run with kills ---
  let server = await startServer();
  const startAt = Date.now() + 1_000;
  const planned = plan(people, startAt);
  const sendSeconds = MESSAGES / RATE;
  log(
    `${MESSAGES} messages from ${PEOPLE} people at ${RATE}/s (${sendSeconds.toFixed(0)} s), ${KILLS} kills`,
  );
  const webhookMs: number[] = [];
  const steadyMs: number[] = [];
  const restartMs: number[] = [];
  const down: { from: number; to: number }[] = [];
  let attempts = 0;

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
      await killHard(server);
      log(`killed the server (${k + 1}/${KILLS}); starting it again`);
      server = await startServer();
      outage.to = Date.now();
    }
  })();
  await Promise.all([...planned.map(deliver), kills]);
  log(`all ${MESSAGES} events answered 200 (${attempts} posts); waiting for the replies`);

  // --- Settled: every event handled, no reply waiting ---
  const deadline = Date.now() + SETTLE_TIMEOUT_MS;
  for (;;) {
    const { rows } = await db.query<{ open: number; events: number; replies: number }>(
      `SELECT (SELECT count(*)::int FROM webhook_events WHERE status <> 'processed') AS open,
              (SELECT count(*)::int FROM webhook_events WHERE (payload -> 'message' ->> 'msg_id') LIKE 'bench-%') AS events,
              (SELECT count(*)::int FROM conversation_messages WHERE status IN ('queued', 'sending')) AS replies`,
    );
    const { open, events, replies } = rows[0]!;
    if (events >= MESSAGES && open === 0 && replies === 0) break;
    if (Date.now() > deadline) {
      log(`not settled after ${SETTLE_TIMEOUT_MS / 1000} s: ${open} events open, ${replies} replies waiting`);
      break;
    }
    await sleep(1_000);
  }

  // --- Checked against what the simulator recorded ---
  const { rows: ledger } = await db.query<{
    msgId: string;
    status: string | null;
    zaloMessageId: string | null;
  }>(
    `SELECT e.payload -> 'message' ->> 'msg_id' AS "msgId", m.status, m.zalo_message_id AS "zaloMessageId"
       FROM webhook_events e
       LEFT JOIN conversation_messages m ON m.ward_id = e.ward_id AND m.dedupe_key LIKE 'out:' || e.id || ':%'
      WHERE (e.payload -> 'message' ->> 'msg_id') LIKE 'bench-%'`,
  );
  const received = ((await sim('GET', '/messages?limit=100000')).messages ?? []) as {
    messageId: string;
    userId?: string;
    from: string;
    at: number;
  }[];
  const checked = new Set(people.map((p) => p.oaUserId));
  const sentToPeople = received.filter((m) => m.from === 'oa' && m.userId && checked.has(m.userId));
  const simAt = new Map(sentToPeople.map((m) => [m.messageId, m.at]));
  const repliesOf = new Map<string, { status: string | null; zaloMessageId: string | null }[]>();
  for (const row of ledger) repliesOf.set(row.msgId, [...(repliesOf.get(row.msgId) ?? []), row]);
  const claims = new Map<string, number>();
  for (const row of ledger)
    if (row.zaloMessageId) claims.set(row.zaloMessageId, (claims.get(row.zaloMessageId) ?? 0) + 1);

  let lost = 0;
  const lostWhy = new Map<string, string[]>();
  const replyMs: number[] = [];
  let acrossRestarts = 0;
  for (const message of planned) {
    const replies = repliesOf.get(`bench-${message.n}`) ?? [];
    const delivered = replies.filter(
      (r) => r.status === 'sent' && r.zaloMessageId && simAt.has(r.zaloMessageId),
    );
    if (!replies.length || delivered.length !== replies.length) {
      lost++;
      const why = !replies.some((r) => r.status)
        ? 'no reply queued'
        : replies.some((r) => r.status !== 'sent')
          ? `reply ${replies.map((r) => r.status).join('/')}`
          : 'sent but not received';
      lostWhy.set(why, [...(lostWhy.get(why) ?? []), `bench-${message.n}`]);
      continue;
    }
    const firstReply = Math.min(...delivered.map((r) => simAt.get(r.zaloMessageId as string) as number));
    // "While the server is up": a message whose wait spans a kill is counted for losses, not timed.
    if (down.some((d) => d.from < firstReply && d.to > message.at)) acrossRestarts++;
    else replyMs.push(firstReply - message.at);
  }
  const unclaimed = sentToPeople.filter((m) => !claims.has(m.messageId)).length;
  const doubleClaims = [...claims.values()].reduce((sum, n) => sum + n - 1, 0);
  const duplicates = unclaimed + doubleClaims;
  for (const [why, ids] of lostWhy) log(`lost, ${why}: ${ids.length} (${ids.slice(0, 5).join(', ')})`);
  log(`lost ${lost}, duplicates ${duplicates} (${unclaimed} unclaimed sends, ${doubleClaims} double claims)`);

  // --- Intake: the webhook route against the bare verify-and-insert route ---
  const barePort = await freePort();
  const [bare] = await startChild('chat-bare.ts', {
    DATABASE_URL: databaseUrl,
    BENCH_WARD_ID: wardId,
    ZALO_WEBHOOK_SECRET: SECRET,
    PORT: String(barePort),
  });
  const bareUrl = new URL(`http://127.0.0.1:${barePort}/webhooks/zalo`);
  let intakeSeq = 0;
  let sourceSeq = SOURCES;
  /** Closed loop: each connection posts a new event as soon as the last one is answered. */
  const round = async (url: URL, seconds: number) => {
    let ok = 0;
    let other = 0;
    const began = performance.now();
    const until = began + seconds * 1000;
    await Promise.all(
      Array.from({ length: INTAKE_CONNECTIONS }, async () => {
        // A fresh source address per connection and round keeps each far under the route's per-address limit.
        const source = sourceAddress(sourceSeq++ % 60_000);
        while (performance.now() < until) {
          const n = intakeSeq++;
          const event = signedEvent({
            oaId: CHAT_OA_ID,
            userId: intakePeople[n % intakePeople.length] as string,
            msgId: `intake-${n}`,
            at: Date.now(),
            body: { kind: 'text', text: 'xin chào' },
            secret: SECRET,
          });
          if ((await postEvent(url, event, source)) === 200) ok++;
          else other++;
        }
      }),
    );
    return { perSecond: ok / ((performance.now() - began) / 1000), other };
  };
  await round(bareUrl, 2); // warm-up, not counted
  await round(webhookUrl, 2);
  const rounds: { product: number; bare: number }[] = [];
  let intakeNon200 = 0;
  for (let r = 0; r < INTAKE_ROUNDS; r++) {
    const first = r % 2 === 0 ? webhookUrl : bareUrl;
    const a = await round(first, INTAKE_SECONDS);
    const b = await round(first === webhookUrl ? bareUrl : webhookUrl, INTAKE_SECONDS);
    const [product, baseline] = first === webhookUrl ? [a, b] : [b, a];
    intakeNon200 += product.other + baseline.other;
    rounds.push({ product: product.perSecond, bare: baseline.perSecond });
  }
  const ratios = rounds.map((r) => r.product / r.bare);
  await stopChild(bare);

  await stopChild(server);
  await stopChild(simulator.process);
  closeAgents();
  await db.end();
  await pgServer.stop();
  console.log(
    JSON.stringify({
      bench: 'chat',
      messages: MESSAGES,
      people: PEOPLE,
      replies: sentToPeople.length,
      duplicates,
      lost,
      kills: KILLS,
      webhook_p99_ms: Math.round(percentile(webhookMs, 0.99)),
      // The same, without the posts that met a restart (retried, or sent up to 2 s after the start).
      webhook_p99_steady_ms: Math.round(percentile(steadyMs, 0.99)),
      webhook_posts_after_restart: restartMs.length,
      reply_p50_ms: Math.round(percentile(replyMs, 0.5)),
      reply_p99_ms: Math.round(percentile(replyMs, 0.99)),
      replies_across_restarts: acrossRestarts,
      intake_ratio: Number(percentile(ratios, 0.5).toFixed(3)),
      intake_round_ratios: ratios.map((r) => Number(r.toFixed(3))),
      webhook_rps: Math.round(rounds.reduce((sum, r) => sum + r.product, 0) / rounds.length),
      bare_rps: Math.round(rounds.reduce((sum, r) => sum + r.bare, 0) / rounds.length),
      intake_non_200: intakeNon200,
      webhook_posts: attempts,
      load_average_1m: Number(loadavg()[0]!.toFixed(2)),
    }),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
