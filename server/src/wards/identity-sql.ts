/** Statements on the ward's members: their Zalo identities and their last contact with the OA. */
import type { Queryable } from '../plugins/db.js';

/** First sign-in: remember the mini-app id (and the OA id when Zalo gave it and we had none). */
export async function linkZaloIds(
  db: Queryable,
  memberId: string,
  appUserId: string,
  oaUserId: string | null,
): Promise<void> {
  await db.query(
    `UPDATE members SET zalo_app_user_id = $2, zalo_oa_user_id = COALESCE(zalo_oa_user_id, $3) WHERE id = $1`,
    [memberId, appUserId, oaUserId],
  );
}

/** The person wrote to, followed or answered the OA: the 7-day and 48 h windows restart. */
export async function touchOaInteraction(
  db: Queryable,
  wardId: string,
  oaUserId: string,
  at: Date,
): Promise<void> {
  await db.query(
    `UPDATE members SET last_oa_interaction_at = GREATEST(COALESCE(last_oa_interaction_at, $3), $3)
      WHERE ward_id = $1 AND zalo_oa_user_id = $2`,
    [wardId, oaUserId, at],
  );
}

/** Ends every session of a member at once (a token without an id can only be signed out this way). */
export async function bumpSessionVersion(db: Queryable, memberId: string): Promise<void> {
  await db.query(`UPDATE members SET session_version = session_version + 1 WHERE id = $1`, [memberId]);
}
