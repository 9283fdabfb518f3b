/**
 * Sends the reply ledger as OA consultation messages, exactly once. Each pass claims due rows under a
 * lease, sends each person's replies in order (people in parallel), each through the ward's own OA (the
 * one the person wrote to) and that OA's rate limiter the broadcasts share, and records the outcome
 * under the lease. A row whose sender died mid-send
 * (lease expired while `sending`), or whose answer was lost, is first looked for in the OA's
 * conversation with that person: found, it is recorded as sent; not found, it is sent now.
 */
import type { FastifyBaseLogger } from 'fastify';
import { type SendOutcome, verdictFor, withTimeout } from '../broadcasts/failures.js';
import type { RateLimiter } from '../broadcasts/rate-limiter.js';
import type { Db } from '../plugins/db.js';
import { DrainLoop } from '../plugins/drain-loop.js';
import type { OaExtras } from '../zalo/client.js';
import { ZaloApiError } from '../zalo/errors.js';
import { prepareText } from '../zalo/text.js';
import type { ZaloOaMessenger } from '../zalo/types.js';
import {
  type ClaimedReply,
  claimReplies,
  extendReplyLeases,
  finishReply,
  knownReplyIds,
} from './reply-sql.js';

/** How far back (ms) before the interrupted attempt a matching OA message still counts as it. */
const RECONCILE_SKEW_MS = 5_000;
const RECONCILE_LOOKBACK = 50;
const SEVEN_DAYS_MS = 7 * 86_400_000;

export interface ReplySenderOptions {
  db: Db;
  /** The ward's OA's messenger; throws with the reason when that OA cannot send (never another OA). */
  messengerFor: (oaId: string | null) => Promise<ZaloOaMessenger & OaExtras>;
  /** That OA's rate limiter (one per-minute budget per OA, shared with the broadcasts). */
  limiterFor: (oaId: string | null) => RateLimiter;
  owner: string;
  leaseMs: number;
  log: FastifyBaseLogger;
  batchSize?: number;
  /** People sent to at once. */
  concurrency?: number;
}

export class ReplySender {
  private readonly loop = new DrainLoop(() => this.drain(), 0);

  constructor(private readonly options: ReplySenderOptions) {}

  /** Sends what is due now; kicks while a pass runs coalesce into one more pass. */
  kick(): Promise<number> {
    return this.loop.kick();
  }

  close(): Promise<void> {
    return this.loop.close();
  }

  /** Passes until nothing is due; answers how many replies were handled. */
  private async drain(): Promise<number> {
    let total = 0;
    try {
      for (;;) {
        const handled = await this.runOnce();
        total += handled;
        if (handled === 0 || this.loop.isClosed) return total;
      }
    } catch (error) {
      this.options.log.error({ err: error }, 'reply pass failed; the next pass retries');
      return total;
    }
  }

  async runOnce(): Promise<number> {
    const { db, owner, leaseMs, batchSize = 50, concurrency = 16 } = this.options;
    const claimed = await db.withSystem((client) => claimReplies(client, owner, leaseMs, batchSize));
    if (!claimed.length) return 0;
    const byPerson = new Map<string, ClaimedReply[]>();
    for (const row of claimed) byPerson.set(row.zaloUserId, [...(byPerson.get(row.zaloUserId) ?? []), row]);
    const heartbeat = setInterval(
      () => {
        db.withSystem((client) =>
          extendReplyLeases(
            client,
            claimed.map((r) => r.id),
            owner,
            leaseMs,
          ),
        ).catch((error) => this.options.log.warn({ err: error }, 'reply lease heartbeat failed'));
      },
      Math.max(200, leaseMs / 3),
    );
    try {
      const people = [...byPerson.values()];
      let next = 0;
      const lanes = Array.from({ length: Math.min(concurrency, people.length) }, async () => {
        while (next < people.length) {
          for (const row of people[next++] as ClaimedReply[]) await this.deliver(row);
        }
      });
      await Promise.all(lanes);
    } finally {
      clearInterval(heartbeat);
    }
    return claimed.length;
  }

  private async deliver(row: ClaimedReply): Promise<void> {
    const { db, owner, log } = this.options;
    let outcome: SendOutcome;
    try {
      const oa = await this.options.messengerFor(row.oaId);
      const found = row.interrupted ? await this.reconcile(oa, row) : undefined;
      outcome = found ? { status: 'sent', messageId: found } : await this.send(oa, row);
    } catch (error) {
      outcome = this.verdict(error, row);
    }
    const recorded = await db.batchAsSystem((client) => finishReply(client, row.id, owner, outcome));
    if (!recorded) log.warn({ replyId: row.id }, 'reply lease lost before its outcome was recorded');
  }

  private async send(oa: ZaloOaMessenger, row: ClaimedReply): Promise<SendOutcome> {
    await this.options.limiterFor(row.oaId).take();
    const sent = await withTimeout(
      oa.sendConsultationText(row.zaloUserId, row.text),
      Math.max(100, this.options.leaseMs / 2),
    );
    return { status: 'sent', messageId: sent.messageId };
  }

  /** The id of our message if Zalo has it (sent at or after the interrupted attempt, not yet claimed). */
  private async reconcile(oa: OaExtras, row: ClaimedReply): Promise<string | undefined> {
    await this.options.limiterFor(row.oaId).take();
    const recent = await oa.listRecentUserMessages(row.zaloUserId, RECONCILE_LOOKBACK);
    const since = (row.claimedAt?.getTime() ?? 0) - RECONCILE_SKEW_MS;
    const text = prepareText(row.text);
    const candidates = recent.filter((m) => m.fromOa && m.text === text && m.sentAt.getTime() >= since);
    if (!candidates.length) return undefined;
    const known = await this.options.db.withSystem((client) =>
      knownReplyIds(
        client,
        row.zaloUserId,
        candidates.map((m) => m.messageId),
      ),
    );
    // Oldest first: two identical replies interrupted together each take their own message.
    return candidates.reverse().find((m) => !known.has(m.messageId))?.messageId;
  }

  private verdict(error: unknown, row: ClaimedReply): SendOutcome {
    if (error instanceof ZaloApiError && error.kind === 'rate_limited')
      this.options.limiterFor(row.oaId).slowDown();
    if (error instanceof ZaloApiError && (error.code === -230 || error.code === -232)) {
      return {
        status: 'failed',
        code: `unreachable:${error.code}`,
        reason: `Không gửi được: người này không nhắn cho OA trong 7 ngày qua nên Zalo không cho gửi tin tư vấn (${error.code}). Hãy gọi điện cho họ, hoặc chờ họ nhắn lại OA rồi trả lời trong vòng 7 ngày.`,
      };
    }
    const verdict = verdictFor(error, row.attempts, new Date());
    if (verdict.status === 'queued' && row.attempts >= 8)
      return { status: 'failed', code: verdict.code, reason: verdict.reason };
    return verdict;
  }
}

/** Whether a consultation message can still reach someone who last wrote at `lastInboundAt`. */
export function insideWindow(lastInboundAt: Date | null, now: Date): boolean {
  return Boolean(lastInboundAt && now.getTime() - lastInboundAt.getTime() < SEVEN_DAYS_MS);
}
