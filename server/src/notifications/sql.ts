/**
 * The notification queue's queries (reminders, urges, escalations, share tasks, review results): rows
 * are queued once per dedupe key, then claimed and sent under the same lease discipline as the ledger.
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
  /** The ward's own OA (wards.zalo_oa_id): the only OA the notification may go out through. */
  oaId: string | null;
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
            m.last_oa_interaction_at AS "lastOaInteractionAt", w.zalo_oa_id AS "oaId"
       FROM claimed JOIN wards w ON w.id = claimed.ward_id
       LEFT JOIN members m ON m.id = claimed.member_id AND m.active`,
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

/** Records the rows as queued; the same (ward, dedupe key) twice records one. Returns how many were new. */
export async function insertNotifications(
  db: Queryable,
  wardId: string,
  rows: {
    kind: string;
    memberId: string;
    assignmentId?: string;
    dedupeKey: string;
    body: string;
    requestedBy?: string;
  }[],
): Promise<number> {
  const { rowCount } = await db.query(
    `INSERT INTO notifications (ward_id, kind, member_id, assignment_id, dedupe_key, body, requested_by)
     SELECT $1, kind, member_id, assignment_id, dedupe_key, body, requested_by
       FROM unnest($2::text[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::uuid[])
            AS r(kind, member_id, assignment_id, dedupe_key, body, requested_by)
     ON CONFLICT (ward_id, dedupe_key) DO NOTHING`,
    [
      wardId,
      rows.map((r) => r.kind),
      rows.map((r) => r.memberId),
      rows.map((r) => r.assignmentId ?? null),
      rows.map((r) => r.dedupeKey),
      rows.map((r) => r.body),
      rows.map((r) => r.requestedBy ?? null),
    ],
  );
  return rowCount ?? 0;
}

export interface TeamNotificationRow {
  wardId: string;
  kind: string;
  unitId: string;
  assignmentId?: string;
  deliveryId?: string;
  /** Each member's row gets `<prefix>:<member id>` as its dedupe key. */
  dedupePrefix: string;
  body: string;
  requestedBy?: string;
}

/** One queued row per active member of each team; returns how many were new. */
export async function insertTeamNotifications(
  db: Queryable,
  rows: TeamNotificationRow[],
  at: Date | undefined,
): Promise<number> {
  const { rowCount } = await db.query(
    `INSERT INTO notifications (ward_id, kind, member_id, assignment_id, delivery_id, dedupe_key, body, requested_by,
                                next_attempt_at)
     SELECT x.ward_id, x.kind, m.id, x.assignment_id, x.delivery_id, x.dedupe_prefix || ':' || m.id, x.body,
            x.requested_by, COALESCE($9::timestamptz, now())
       FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::uuid[], $5::uuid[], $6::text[], $7::text[], $8::uuid[])
            AS x(ward_id, kind, unit_id, assignment_id, delivery_id, dedupe_prefix, body, requested_by)
       JOIN members m ON m.unit_id = x.unit_id AND m.active
     ON CONFLICT (ward_id, dedupe_key) DO NOTHING`,
    [
      rows.map((r) => r.wardId),
      rows.map((r) => r.kind),
      rows.map((r) => r.unitId),
      rows.map((r) => r.assignmentId ?? null),
      rows.map((r) => r.deliveryId ?? null),
      rows.map((r) => r.dedupePrefix),
      rows.map((r) => r.body),
      rows.map((r) => r.requestedBy ?? null),
      at ?? null,
    ],
  );
  return rowCount ?? 0;
}

/** Messages to people that need a human: unreachable or failed, or sent with no answer (unknown). */
export async function listNotificationIssues(db: Queryable) {
  const { rows } = await db.query(
    `SELECT n.id, n.kind, m.full_name AS "memberName", m.phone AS "memberPhone", n.status, n.channel, n.body,
            n.error_reason AS "errorReason", to_json(n.created_at) #>> '{}' AS "createdAt"
       FROM notifications n LEFT JOIN members m ON m.id = n.member_id
      WHERE n.status IN ('failed', 'unknown') AND n.created_at > now() - interval '30 days'
      ORDER BY n.created_at DESC LIMIT 200`,
  );
  return rows;
}
