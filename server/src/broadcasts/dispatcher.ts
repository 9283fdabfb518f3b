/**
 * Sends the ledger's OA-group deliveries. Each claimed row is either reconciled (it was `unknown`: look
 * for our text among the group's recent OA messages before anything is resent) or sent, and its
 * outcome recorded under the lease. A crash leaves `sending` rows whose lease expires into `unknown`.
 * An image goes out with the text as its caption, so the same text finds it.
 *
 * Every row goes through its own ward's OA, under that OA's rate limiter; a ward whose OA cannot send
 * (no OA id, not connected, grant lost) gets a failed delivery with the reason, never another OA.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../plugins/db.js';
import { ZaloApiError } from '../zalo/errors.js';
import type { ZaloOaMessenger } from '../zalo/types.js';
import { RECONCILE_DELAY_MS, type SendOutcome, verdictFor, withTimeout } from './failures.js';
import type { ImageAttachments } from './image-attachments.js';
import { extendLeases, heartbeat, type LeasedSenderOptions } from './leases.js';
import { type ClaimedDelivery, claimDeliveries, finishDeliveries, knownMessageIds } from './ledger-sql.js';
import { backoffMs, type RateLimiter } from './rate-limiter.js';

export interface SenderOptions extends LeasedSenderOptions {
  batchSize?: number;
  concurrency?: number;
  /** Uploads of post images; without it a delivery with an image fails with a message. */
  images?: ImageAttachments;
}

/** Lanes waiting for one OA's limiter slot at once; the others take rows of other OAs meanwhile. */
const MAX_WAITING_FOR_SLOT = 16;

export interface DrainReport {
  /** Rows claimed (sent, reconciled or given a verdict). */
  claimed: number;
  /** Stopped claiming because time ran out, not because nothing was due. */
  more: boolean;
  /** Resolves when every claimed row's outcome is recorded (slow calls may still be running now). */
  settled: Promise<void>;
}

export class DeliverySender {
  constructor(private readonly options: SenderOptions) {}

  /**
   * Sends what is due as one continuous feed: `concurrency` lanes each take the next claimed row, and
   * a new batch is claimed as soon as the buffer runs low, so a slow call (a held answer lasts the
   * whole timeout) holds up one lane, never the others. Stops claiming after `maxMs` (so the tick can
   * do its other ledger work) or when nothing is due, and returns once every claimed row has been
   * taken up; `settled` says when the last outcome is recorded.
   */
  async drain(clock: () => Date, maxMs = 10_000): Promise<DrainReport> {
    // 96 lanes: at 300 requests/s, a round trip of 100–250 ms on a busy host plus the wait for the
    // request to be counted in the shared window needs ~90 in flight.
    const { db, owner, leaseMs, batchSize = 25, concurrency = 96, log } = this.options;
    const started = performance.now();
    const buffer: ClaimedDelivery[] = [];
    const inFlight = new Set<string>(); // claimed and not yet recorded: their leases are kept alive
    let claimed = 0;
    let done = false;
    let more = false;
    let claiming: Promise<void> | undefined;
    const refill = (): Promise<void> => {
      if (done) return Promise.resolve();
      claiming ??= db
        .withSystem((client) => claimDeliveries(client, clock(), owner, leaseMs, batchSize))
        .then((rows) => {
          for (const row of rows) inFlight.add(row.id);
          buffer.push(...rows);
          for (const wake of queued.splice(0)) wake(); // rows of another OA may be free to go
          claimed += rows.length;
          more = rows.length === batchSize;
          if (rows.length < batchSize || performance.now() - started > maxMs) done = true;
        })
        .catch((error: unknown) => {
          done = true; // the next tick tries again
          log.error({ err: error }, 'claiming deliveries failed');
        })
        .finally(() => {
          claiming = undefined;
        });
      return claiming;
    };
    const stop = heartbeat(
      Math.max(200, leaseMs / 3),
      async () => {
        if (inFlight.size === 0) return;
        const until = new Date(clock().getTime() + leaseMs);
        await db.withSystem((client) => extendLeases(client, 'deliveries', [...inFlight], owner, until));
      },
      log,
    );
    const recorder = new OutcomeRecorder(db, owner, log, (id) => inFlight.delete(id));
    let handedOut: () => void = () => undefined;
    const allHandedOut = new Promise<void>((resolve) => {
      handedOut = resolve;
    });
    // A lane takes the first buffered row whose OA has fewer than MAX_WAITING_FOR_SLOT lanes waiting
    // for its limiter: a few are enough to keep one limiter busy (it serves them one by one), more
    // would only be rows to reconcile after a crash, and an OA at its limit never holds another OA's rows.
    const waiting = new Map<string, number>();
    const queued: (() => void)[] = [];
    const lanes = Array.from({ length: concurrency }, async () => {
      for (;;) {
        if (buffer.length < batchSize && !done) void refill();
        if (buffer.length === 0) {
          if (claiming) await claiming;
          else if (!done) await refill();
          else {
            for (const wake of queued.splice(0)) wake(); // let every waiting lane see the end too
            return handedOut();
          }
          continue;
        }
        const index = buffer.findIndex((r) => (waiting.get(r.wardOaId ?? '') ?? 0) < MAX_WAITING_FOR_SLOT);
        if (index < 0) {
          await new Promise<void>((resolve) => queued.push(resolve));
          continue;
        }
        const [row] = buffer.splice(index, 1) as [ClaimedDelivery];
        const key = row.wardOaId ?? '';
        const limiter = this.options.limiterFor(row.wardOaId);
        waiting.set(key, (waiting.get(key) ?? 0) + 1);
        try {
          await limiter.take();
        } finally {
          waiting.set(key, (waiting.get(key) ?? 1) - 1);
          queued.shift()?.();
        }
        const outcome = await this.settle(row, clock(), limiter);
        recorder.add({ id: row.id, at: clock(), outcome });
      }
    });
    const settled = Promise.all(lanes)
      .then(() => recorder.close())
      .finally(() => {
        recorder.stop();
        stop();
      });
    await Promise.race([allHandedOut, settled]);
    return { claimed, more: more && done, settled };
  }

  /** Settles one row with the slot of its OA's limiter its lane already holds (more are taken if needed). */
  private async settle(row: ClaimedDelivery, now: Date, limiter: RateLimiter): Promise<SendOutcome> {
    let held = true;
    const slot = async () => {
      if (held) held = false;
      else await limiter.take();
    };
    try {
      return await this.attempt(row, now, slot, limiter);
    } finally {
      if (held) limiter.giveBack();
    }
  }

  private async attempt(
    row: ClaimedDelivery,
    now: Date,
    slot: () => Promise<void>,
    limiter: RateLimiter,
  ): Promise<SendOutcome> {
    if (!row.zaloGroupId || row.groupStatus !== 'active') {
      return {
        status: 'failed',
        code: 'group_disabled',
        reason:
          'Nhóm Zalo này đang tắt hoặc chưa có mã nhóm OA. Kiểm tra nhóm trong phần Nhóm Zalo rồi lên lịch lại.',
      };
    }
    let messenger: ZaloOaMessenger;
    try {
      // The row's own ward's OA, or a refusal with the reason (no OA id, never connected, grant lost).
      messenger = await this.options.messengerFor(row.wardOaId);
    } catch (error) {
      const verdict = verdictFor(error, row.attempts, now);
      // A refusal is the ward's to fix: say so, never fall back to another OA.
      if (verdict.status === 'failed') return { ...verdict, code: 'ward_oa_not_connected' };
      if (verdict.status === 'queued') return verdict; // Zalo unreachable while refreshing: later
      // Not sent at all (the token could not be read): try again later, there is nothing to reconcile.
      return {
        status: 'queued',
        retryAt: new Date(now.getTime() + backoffMs(row.attempts)),
        code: 'oa_token_unavailable',
        reason: 'Chưa đọc được token OA của phường; hệ thống sẽ tự gửi lại.',
      };
    }
    try {
      if (row.previousStatus === 'unknown') {
        const found = await this.reconcile(messenger, row, slot).catch((error: unknown) => {
          // Still cannot tell whether it landed: stay unknown and look again later, never resend.
          const { code, reason } = verdictFor(error, row.attempts, now);
          const retryAt = new Date(now.getTime() + backoffMs(row.attempts));
          throw Object.assign(new Error('reconcile failed'), {
            verdict: { status: 'unknown', retryAt, code, reason },
          });
        });
        if (found) return { status: 'sent', messageId: found };
      }
      const sent = await withTimeout(
        this.send(messenger, row, row.zaloGroupId, now, slot),
        Math.max(100, this.options.leaseMs / 2),
      );
      return { status: 'sent', messageId: sent.messageId };
    } catch (error) {
      const held = (error as { verdict?: SendOutcome }).verdict;
      if (held) return held;
      if ((error as { kind?: string }).kind === 'rate_limited') limiter.slowDown();
      const verdict = verdictFor(error, row.attempts, now);
      this.options.log.info(
        { deliveryId: row.id, verdict: verdict.status, code: verdict.code },
        'delivery attempt',
      );
      return verdict;
    }
  }

  /** The text, or the image with the text as its caption when the post has one. */
  private async send(
    messenger: ZaloOaMessenger,
    row: ClaimedDelivery,
    groupId: string,
    now: Date,
    slot: () => Promise<void>,
  ) {
    if (!row.imageSha256) {
      await slot();
      return messenger.sendGroupText(groupId, row.body);
    }
    if (!this.options.images || !messenger.sendGroupImage)
      throw new ZaloApiError('permanent', 0, 'Máy chủ chưa gửi được ảnh qua Zalo. Báo quản trị hệ thống.');
    const attachmentId = await this.options.images.attachmentFor(
      messenger,
      row.wardId,
      row.imageSha256,
      now,
      slot,
    );
    await slot();
    return messenger.sendGroupImage(groupId, row.body, attachmentId);
  }

  /**
   * The message id of our text (or our image's caption) in the group since this attempt began, unless
   * another row owns it.
   */
  private async reconcile(
    messenger: ZaloOaMessenger,
    row: ClaimedDelivery,
    slot: () => Promise<void>,
  ): Promise<string | undefined> {
    const groupId = row.zaloGroupId as string;
    await slot(); // a lookup counts against the OA's limit like a send
    const recent = await withTimeout(
      messenger.listRecentGroupMessages(groupId, 50),
      Math.max(100, this.options.leaseMs / 2),
    );
    const since = (row.attemptStartedAt?.getTime() ?? 0) - RECONCILE_DELAY_MS;
    // The client sends the body NFC-normalised and trimmed (zalo/text.ts); an image's caption may be
    // listed in another field than a text's, so any of the message's texts may match.
    const ours = row.body.normalize('NFC').trim();
    const matches = recent.filter(
      (message) =>
        message.sentAt.getTime() >= since &&
        message.texts.some((text) => text.normalize('NFC').trim() === ours),
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

/**
 * Outcomes are written in small batches (one statement each) rather than one transaction per message;
 * a crash before a flush leaves rows `sending`, which expire to `unknown` and are reconciled.
 */
class OutcomeRecorder {
  private pending: { id: string; at: Date; outcome: SendOutcome }[] = [];
  private flushing = Promise.resolve();
  private readonly timer = setInterval(() => void this.flush(), 200);

  constructor(
    private readonly db: Db,
    private readonly owner: string,
    private readonly log: FastifyBaseLogger,
    private readonly recorded: (id: string) => void,
  ) {}

  add(result: { id: string; at: Date; outcome: SendOutcome }): void {
    this.pending.push(result);
    if (this.pending.length >= 50) void this.flush();
  }

  async close(): Promise<void> {
    await this.flush();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return this.flushing;
    const { db, owner, log } = this;
    this.flushing = this.flushing
      .then(async () => {
        const recorded = await db.withSystem((client) => finishDeliveries(client, owner, batch));
        for (const row of batch) {
          this.recorded(row.id);
          if (!recorded.has(row.id))
            log.warn({ deliveryId: row.id, outcome: row.outcome.status }, 'lease lost before recording');
        }
      })
      .catch((error) => {
        // The rows stay `sending`; their lease expires into `unknown` and they are reconciled.
        log.error({ err: error }, 'recording delivery outcomes failed');
      });
    return this.flushing;
  }
}
