/**
 * Sends the ledger's OA-group deliveries. Each claimed row is either reconciled (it was `unknown`: look
 * for our text among the group's recent OA messages before anything is resent) or sent, and its
 * outcome recorded under the lease. A crash leaves `sending` rows whose lease expires into `unknown`.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../plugins/db.js';
import type { ZaloOaMessenger } from '../zalo/types.js';
import { RECONCILE_DELAY_MS, verdictFor, withTimeout } from './failures.js';
import {
  type ClaimedDelivery,
  claimDeliveries,
  type DeliveryOutcome,
  extendDeliveryLeases,
  finishDeliveries,
  knownMessageIds,
} from './ledger-sql.js';
import { backoffMs, type RateLimiter } from './rate-limiter.js';

export interface SenderOptions {
  db: Db;
  messenger: () => ZaloOaMessenger;
  limiter: RateLimiter;
  owner: string;
  leaseMs: number;
  log: FastifyBaseLogger;
  batchSize?: number;
  concurrency?: number;
}

/** Runs `work` over items with at most `concurrency` in flight. */
export async function inParallel<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const lanes = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) await work(items[next++] as T);
  });
  await Promise.all(lanes);
}

/** Keeps leases alive while a batch is in flight; returns a stop function. */
export function heartbeat(every: number, beat: () => Promise<void>, log: FastifyBaseLogger): () => void {
  const timer = setInterval(() => {
    beat().catch((error) => log.warn({ err: error }, 'lease heartbeat failed'));
  }, every);
  return () => clearInterval(timer);
}

export class DeliverySender {
  constructor(private readonly options: SenderOptions) {}

  /** One pass: claim a batch and settle every row of it. Returns how many rows were claimed. */
  async runOnce(now: Date): Promise<number> {
    // 20 calls in flight per batch: at 200 messages/s a call's round trip (100–250 ms on a busy host)
    // times 8 lanes left the rate limiter idle half the time (measured by `npm run bench:dispatch`).
    const { db, owner, leaseMs, batchSize = 40, concurrency = 20, log } = this.options;
    const claimed = await db.withSystem((client) => claimDeliveries(client, now, owner, leaseMs, batchSize));
    if (claimed.length === 0) return 0;
    const started = performance.now();
    const inFlight = new Set(claimed.map((row) => row.id));
    const stop = heartbeat(
      Math.max(200, leaseMs / 3),
      () =>
        db.withSystem((client) =>
          extendDeliveryLeases(
            client,
            [...inFlight],
            owner,
            new Date(now.getTime() + performance.now() - started + leaseMs),
          ),
        ),
      log,
    );
    // Outcomes are written in small batches (one statement each) rather than one transaction per
    // message; a crash before a flush leaves rows `sending`, which expire to `unknown` and reconcile.
    let pending: { id: string; at: Date; outcome: DeliveryOutcome }[] = [];
    let flushing = Promise.resolve();
    const flush = () => {
      const batch = pending;
      pending = [];
      if (batch.length === 0) return flushing;
      flushing = flushing
        .then(async () => {
          const recorded = await db.withSystem((client) => finishDeliveries(client, owner, batch));
          for (const row of batch) {
            inFlight.delete(row.id);
            if (!recorded.has(row.id))
              log.warn({ deliveryId: row.id, outcome: row.outcome.status }, 'lease lost before recording');
          }
        })
        .catch((error) => {
          // The rows stay `sending`; their lease expires into `unknown` and they are reconciled.
          log.error({ err: error }, 'recording delivery outcomes failed');
        });
      return flushing;
    };
    const flusher = setInterval(() => void flush(), 200);
    try {
      await inParallel(claimed, concurrency, async (row) => {
        const outcome = await this.settle(row, now);
        pending.push({ id: row.id, at: new Date(now.getTime() + performance.now() - started), outcome });
        if (pending.length >= 50) void flush();
      });
      await flush();
    } finally {
      clearInterval(flusher);
      stop();
    }
    return claimed.length;
  }

  private async settle(row: ClaimedDelivery, now: Date): Promise<DeliveryOutcome> {
    if (!row.zaloGroupId || row.groupStatus !== 'active') {
      return {
        status: 'failed',
        code: 'group_disabled',
        reason:
          'Nhóm Zalo này đang tắt hoặc chưa có mã nhóm OA. Kiểm tra nhóm trong phần Nhóm Zalo rồi lên lịch lại.',
      };
    }
    try {
      if (row.previousStatus === 'unknown') {
        const found = await this.reconcile(row).catch((error: unknown) => {
          // Still cannot tell whether it landed: stay unknown and look again later, never resend.
          const { code, reason } = verdictFor(error, row.attempts, now);
          const retryAt = new Date(now.getTime() + backoffMs(row.attempts));
          throw Object.assign(new Error('reconcile failed'), {
            verdict: { status: 'unknown', retryAt, code, reason },
          });
        });
        if (found) return { status: 'sent', messageId: found };
      }
      await this.options.limiter.take();
      const sent = await withTimeout(
        this.options.messenger().sendGroupText(row.zaloGroupId, row.body),
        Math.max(100, this.options.leaseMs / 2),
      );
      return { status: 'sent', messageId: sent.messageId };
    } catch (error) {
      const held = (error as { verdict?: DeliveryOutcome }).verdict;
      if (held) return held;
      if ((error as { kind?: string }).kind === 'rate_limited') this.options.limiter.slowDown();
      const verdict = verdictFor(error, row.attempts, now);
      this.options.log.info(
        { deliveryId: row.id, verdict: verdict.status, code: verdict.code },
        'delivery attempt',
      );
      return verdict;
    }
  }

  /** The message id of our text in the group since this attempt began, unless another row owns it. */
  private async reconcile(row: ClaimedDelivery): Promise<string | undefined> {
    const groupId = row.zaloGroupId as string;
    const recent = await withTimeout(
      this.options.messenger().listRecentGroupMessages(groupId, 50),
      Math.max(100, this.options.leaseMs / 2),
    );
    const since = (row.attemptStartedAt?.getTime() ?? 0) - RECONCILE_DELAY_MS;
    const matches = recent.filter(
      (message) =>
        message.text.normalize('NFC') === row.body.normalize('NFC') && message.sentAt.getTime() >= since,
    );
    if (matches.length === 0) return undefined;
    const taken = await this.options.db.withSystem((client) =>
      knownMessageIds(
        client,
        groupId,
        matches.map((m) => m.messageId),
      ),
    );
    return matches.find((m) => !taken.has(m.messageId))?.messageId;
  }
}
