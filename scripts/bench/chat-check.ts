/**
 * bench:chat's verdict on the run with kills: waits until every event is handled and no reply is
 * waiting, then matches each message's replies in the ledger (`out:<event>:n`) to the consultation
 * messages the simulator recorded (`GET /sim/api/messages`):
 *  - lost: a message without a reply, a reply not sent, or one whose id the simulator never received;
 *  - duplicates: an OA message no ledger row claims (a second send), or one claimed twice.
 * Reply times count only messages whose wait spans no outage ("while the server is up").
 */
import type pg from 'pg';
import type { Planned } from './chat-plan.js';
import type { ChatPerson } from './chat-seed.js';
import type { BenchSimulator } from './lib/simulator.js';

const SETTLE_TIMEOUT_MS = 10 * 60_000;
const log = (message: string) => process.stderr.write(`[bench:chat] ${message}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until the bench's events are all processed and no reply is queued or in flight. */
export async function settle(db: pg.Client, messages: number): Promise<void> {
  const deadline = Date.now() + SETTLE_TIMEOUT_MS;
  for (;;) {
    const { rows } = await db.query<{ open: number; events: number; replies: number }>(
      `SELECT (SELECT count(*)::int FROM webhook_events WHERE status <> 'processed') AS open,
              (SELECT count(*)::int FROM webhook_events WHERE (payload -> 'message' ->> 'msg_id') LIKE 'bench-%') AS events,
              (SELECT count(*)::int FROM conversation_messages WHERE status IN ('queued', 'sending')) AS replies`,
    );
    const { open, events, replies } = rows[0]!;
    if (events >= messages && open === 0 && replies === 0) return;
    if (Date.now() > deadline) {
      log(`not settled after ${SETTLE_TIMEOUT_MS / 1000} s: ${open} events open, ${replies} replies waiting`);
      return;
    }
    await sleep(1_000);
  }
}

export interface Verdict {
  replies: number;
  lost: number;
  duplicates: number;
  /** First post to the simulator receiving the first reply, for messages whose wait spans no outage. */
  replyMs: number[];
  acrossRestarts: number;
}

export async function check(
  db: pg.Client,
  sim: BenchSimulator['api'],
  people: ChatPerson[],
  planned: Planned[],
  down: { from: number; to: number }[],
): Promise<Verdict> {
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
  for (const [why, ids] of lostWhy) log(`lost, ${why}: ${ids.length} (${ids.slice(0, 5).join(', ')})`);
  log(
    `lost ${lost}, duplicates ${unclaimed + doubleClaims} (${unclaimed} unclaimed sends, ${doubleClaims} double claims)`,
  );
  return {
    replies: sentToPeople.length,
    lost,
    duplicates: unclaimed + doubleClaims,
    replyMs,
    acrossRestarts,
  };
}
