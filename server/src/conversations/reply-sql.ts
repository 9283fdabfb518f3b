/** The reply ledger's queries: claim under a lease, record outcomes, find sends a crash interrupted. */
import type { SendOutcome } from '../broadcasts/failures.js';
import type { Queryable } from '../plugins/db.js';

export interface ClaimedReply {
  id: string;
  wardId: string;
  conversationId: string;
  zaloUserId: string;
  text: string;
  attempts: number;
  /** When the interrupted attempt began (reconcile looks for OA messages from then on). */
  claimedAt: Date | null;
  /** The previous lease expired while `sending`: it may have reached Zalo. */
  interrupted: boolean;
  /** The ward's OA (the one the person wrote to: webhooks map the recipient OA to the ward). */
  oaId: string | null;
}

/**
 * Claims replies that are due, and replies whose sender died mid-send (their lease expired), oldest
 * first. Across instances each row goes to one claimer (SKIP LOCKED).
 */
export async function claimReplies(
  db: Queryable,
  owner: string,
  leaseMs: number,
  limit: number,
): Promise<ClaimedReply[]> {
  const { rows } = await db.query<ClaimedReply>(
    `WITH due AS (
       SELECT id, status = 'sending' AS interrupted, claimed_at FROM conversation_messages
        WHERE (status = 'queued' AND next_attempt_at <= now())
           OR (status = 'sending' AND lease_until < now())
        ORDER BY next_attempt_at, created_at
        LIMIT $3 FOR UPDATE SKIP LOCKED
     ), claimed AS (
       UPDATE conversation_messages m
          SET status = 'sending', attempts = m.attempts + 1, lease_owner = $1,
              lease_until = now() + make_interval(secs => $2::double precision / 1000),
              claimed_at = CASE WHEN due.interrupted THEN m.claimed_at ELSE now() END
         FROM due
        WHERE m.id = due.id
       RETURNING m.id, m.ward_id, m.conversation_id, m.zalo_user_id, m.text, m.attempts, m.created_at,
                 due.claimed_at, due.interrupted
     )
     SELECT c.id, c.ward_id AS "wardId", c.conversation_id AS "conversationId", c.zalo_user_id AS "zaloUserId",
            c.text, c.attempts, c.claimed_at AS "claimedAt", c.interrupted, w.zalo_oa_id AS "oaId"
       FROM claimed c JOIN wards w ON w.id = c.ward_id ORDER BY c.created_at`,
    [owner, leaseMs, limit],
  );
  return rows;
}

/** Records the outcome if this owner still holds the lease; false otherwise. */
export async function finishReply(
  db: Queryable,
  id: string,
  owner: string,
  /** `unknown` (the answer was lost) is left `sending` with a short lease, so the next pass reconciles it. */
  outcome: SendOutcome,
): Promise<boolean> {
  const sent = outcome.status === 'sent';
  const { rowCount } = await db.query(
    `UPDATE conversation_messages
        SET status = CASE WHEN $3 = 'unknown' THEN 'sending' ELSE $3 END,
            zalo_message_id = $4,
            sent_at = CASE WHEN $3 = 'sent' THEN now() ELSE sent_at END,
            error_code = $5, error_reason = $6,
            next_attempt_at = COALESCE($7, next_attempt_at),
            lease_until = CASE WHEN $3 = 'unknown' THEN $7 ELSE NULL END,
            lease_owner = CASE WHEN $3 = 'unknown' THEN lease_owner ELSE NULL END
      WHERE id = $1 AND lease_owner = $2 AND status = 'sending'`,
    [
      id,
      owner,
      outcome.status,
      sent ? outcome.messageId : null,
      sent ? null : outcome.code,
      sent ? null : outcome.reason,
      'retryAt' in outcome ? outcome.retryAt : null,
    ],
  );
  return (rowCount ?? 0) > 0;
}

/** Zalo message ids already recorded for this person's replies (a reconciled match must be new). */
export async function knownReplyIds(db: Queryable, zaloUserId: string, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const { rows } = await db.query<{ id: string }>(
    `SELECT zalo_message_id AS id FROM conversation_messages
      WHERE zalo_user_id = $1 AND zalo_message_id = ANY($2::text[])`,
    [zaloUserId, ids],
  );
  return new Set(rows.map((row) => row.id));
}

export async function extendReplyLeases(db: Queryable, ids: string[], owner: string, leaseMs: number) {
  await db.query(
    `UPDATE conversation_messages SET lease_until = now() + make_interval(secs => $3::double precision / 1000)
      WHERE id = ANY($1::uuid[]) AND lease_owner = $2 AND status = 'sending'`,
    [ids, owner, leaseMs],
  );
}
