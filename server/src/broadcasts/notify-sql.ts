/**
 * Notification queue queries (reminders, urges, escalations, share tasks, review results): the same
 * claim/lease discipline as the delivery ledger.
 */
import type { Queryable } from '../plugins/db.js';

export interface ClaimedNotification {
  id: string;
  wardId: string;
  kind: string;
  body: string;
  attempts: number;
  memberName: string | null;
  oaUserId: string | null;
  phone: string | null;
  lastOaInteractionAt: Date | null;
}

export async function expireNotificationLeases(db: Queryable, now: Date): Promise<number> {
  const { rowCount } = await db.query(
    `UPDATE notifications SET status = 'unknown', lease_owner = NULL, lease_until = NULL,
            error_reason = 'Mất kết nối giữa chừng khi gửi; không gửi lại để tránh trùng. Kiểm tra với người nhận.'
      WHERE status = 'sending' AND lease_until < $1`,
    [now],
  );
  return rowCount ?? 0;
}

export async function claimNotifications(
  db: Queryable,
  now: Date,
  owner: string,
  leaseMs: number,
  limit: number,
): Promise<ClaimedNotification[]> {
  const { rows } = await db.query<ClaimedNotification>(
    `WITH c AS (
       SELECT id FROM notifications WHERE status = 'queued' AND next_attempt_at <= $1
        ORDER BY next_attempt_at LIMIT $4 FOR UPDATE SKIP LOCKED
     ), claimed AS (
       UPDATE notifications n
          SET status = 'sending', lease_owner = $2, attempts = n.attempts + 1, attempt_started_at = $1,
              lease_until = $1::timestamptz + $3 * interval '1 millisecond'
         FROM c WHERE n.id = c.id
       RETURNING n.id, n.ward_id, n.kind, n.body, n.attempts, n.member_id
     )
     SELECT claimed.id, claimed.ward_id AS "wardId", claimed.kind, claimed.body, claimed.attempts,
            m.full_name AS "memberName", m.zalo_oa_user_id AS "oaUserId", m.phone,
            m.last_oa_interaction_at AS "lastOaInteractionAt"
       FROM claimed LEFT JOIN members m ON m.id = claimed.member_id AND m.active`,
    [now, owner, leaseMs, limit],
  );
  return rows;
}

export type NotificationOutcome =
  | { status: 'sent'; channel: string; messageId: string }
  | { status: 'queued'; channel: string | null; retryAt: Date; code: string; reason: string }
  | { status: 'failed' | 'unknown'; channel: string | null; code: string; reason: string };

export async function finishNotification(
  db: Queryable,
  id: string,
  owner: string,
  now: Date,
  outcome: NotificationOutcome,
): Promise<boolean> {
  const sent = outcome.status === 'sent';
  const { rowCount } = await db.query(
    `UPDATE notifications
        SET status = $4, channel = $5, zalo_message_id = $6, sent_at = CASE WHEN $4 = 'sent' THEN $3::timestamptz END,
            next_attempt_at = COALESCE($7, next_attempt_at), error_code = $8, error_reason = $9,
            lease_owner = NULL, lease_until = NULL
      WHERE id = $1 AND ((status = 'sending' AND lease_owner = $2) OR ($10 AND status = 'unknown'))`,
    [
      id,
      owner,
      now,
      outcome.status,
      outcome.channel,
      sent ? outcome.messageId : null,
      outcome.status === 'queued' ? outcome.retryAt : null,
      sent ? null : outcome.code,
      sent ? null : outcome.reason,
      sent,
    ],
  );
  return rowCount === 1;
}
