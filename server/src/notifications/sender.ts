/**
 * Sends queued notifications of every kind exactly once, on the first channel that reaches the member
 * (channels.ts), else records the row as unreachable for staff to call. A 1:1 message cannot be looked
 * up afterwards, so an `unknown` notification stays unknown (shown to staff), never resent. Each goes
 * through its own ward's OA, under that OA's limiter; a ward whose OA cannot send gets the reason.
 */
import { verdictFor, withTimeout } from '../broadcasts/failures.js';
import { extendLeases, heartbeat, inParallel, type LeasedSenderOptions } from '../broadcasts/leases.js';
import { ZaloApiError } from '../zalo/errors.js';
import type { ZaloOaMessenger } from '../zalo/types.js';
import { type Channel, channelsFor } from './channels.js';
import {
  type ClaimedNotification,
  claimNotifications,
  expireNotificationLeases,
  finishNotification,
  type NotificationOutcome,
} from './sql.js';

export interface NotificationSenderOptions extends LeasedSenderOptions {
  templateId: string | undefined;
  znsTemplateId: string | undefined;
}

export class NotificationSender {
  constructor(private readonly options: NotificationSenderOptions) {}

  /** A `sending` row whose lease ran out: its sender died mid-send, so the outcome is unknown. */
  expireLeases(now: Date): Promise<number> {
    return this.options.db.withSystem((client) => expireNotificationLeases(client, now));
  }

  async runOnce(now: Date): Promise<number> {
    const { db, owner, leaseMs, log } = this.options;
    const claimed = await db.withSystem((client) => claimNotifications(client, now, owner, leaseMs, 100));
    if (claimed.length === 0) return 0;
    const started = performance.now();
    const stop = heartbeat(
      Math.max(200, leaseMs / 3),
      () =>
        db.withSystem((client) =>
          extendLeases(
            client,
            'notifications',
            claimed.map((n) => n.id),
            owner,
            new Date(now.getTime() + performance.now() - started + leaseMs),
          ),
        ),
      log,
    );
    try {
      await inParallel(claimed, 8, async (row) => {
        const outcome = await this.deliver(row, now);
        const at = new Date(now.getTime() + performance.now() - started);
        const recorded = await db.withSystem((client) =>
          finishNotification(client, row.id, owner, at, outcome),
        );
        if (!recorded) log.warn({ notificationId: row.id }, 'notification lease lost before recording');
      });
    } finally {
      stop();
    }
    return claimed.length;
  }

  private async deliver(row: ClaimedNotification, now: Date): Promise<NotificationOutcome> {
    const { templateId, znsTemplateId } = this.options;
    const channels = channelsFor(row, now, { templateId, znsTemplateId });
    const reasons: string[] = [];
    const limiter = this.options.limiterFor(row.oaId);
    let oa: ZaloOaMessenger;
    try {
      oa = await this.options.messengerFor(row.oaId);
    } catch (error) {
      // The ward's OA cannot send (no OA id, not connected, grant lost): never another ward's OA.
      const verdict = verdictFor(error, row.attempts, now);
      if (verdict.status === 'failed' || verdict.status === 'queued') return { ...verdict, channel: null };
      return {
        status: 'queued',
        channel: null,
        retryAt: new Date(now.getTime() + 60_000),
        code: 'oa_token_unavailable',
        reason: 'Chưa đọc được token OA của phường; hệ thống sẽ tự gửi lại.',
      };
    }
    for (const channel of channels) {
      try {
        await limiter.take();
        const sent = await withTimeout(this.send(oa, channel, row), Math.max(100, this.options.leaseMs / 2));
        return { status: 'sent', channel, messageId: sent.messageId };
      } catch (error) {
        if (error instanceof ZaloApiError && error.kind === 'unreachable') {
          reasons.push(error.explanation);
          continue; // this channel cannot reach them now: try the next one
        }
        if (error instanceof ZaloApiError && error.kind === 'rate_limited') limiter.slowDown();
        const verdict = verdictFor(error, row.attempts, now);
        if (verdict.status === 'unknown') return { ...verdict, status: 'unknown', channel };
        return { ...verdict, channel };
      }
    }
    const who = row.memberName ?? 'người nhận';
    return {
      status: 'failed',
      channel: 'unreachable',
      code: 'unreachable',
      reason: `Không gửi được cho ${who} qua Zalo (chưa quan tâm OA trong 7 ngày, chưa có mẫu tin hoặc số điện thoại${reasons.length ? `; ${reasons.join('; ')}` : ''}). Hãy gọi điện trực tiếp.`,
    };
  }

  private send(oa: ZaloOaMessenger, channel: Channel, row: ClaimedNotification) {
    const data = { member_name: row.memberName ?? '', content: row.body.slice(0, 400) };
    if (channel === 'oa_cs') return oa.sendConsultationText(row.oaUserId as string, row.body);
    if (channel === 'oa_template')
      return oa.sendTemplateByUserId(row.oaUserId as string, this.options.templateId as string, data);
    // The notification id is the tracking id, so Zalo's own records name it.
    return oa.sendZnsByPhone(row.phone as string, this.options.znsTemplateId as string, data, row.id);
  }
}
