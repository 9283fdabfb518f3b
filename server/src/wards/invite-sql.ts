/** Sign-in links (member_invites) and the Zalo ids a used link gives its member. */
import type { Queryable } from '../plugins/db.js';

export async function insertInvite(
  db: Queryable,
  invite: { wardId: string; memberId: string; tokenSha256: string; createdBy: string | null; days: number },
): Promise<{ expiresAt: string }> {
  const { rows } = await db.query<{ expiresAt: string }>(
    `INSERT INTO member_invites (ward_id, member_id, token_sha256, created_by, expires_at)
     VALUES ($1, $2, $3, $4, now() + make_interval(days => $5))
     RETURNING to_char(expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "expiresAt"`,
    [invite.wardId, invite.memberId, invite.tokenSha256, invite.createdBy, invite.days],
  );
  return rows[0]!;
}

/** Marks the link used; its member id, or undefined when unknown, used, expired or its member inactive. */
export async function useInvite(db: Queryable, tokenSha256: string): Promise<string | undefined> {
  const { rows } = await db.query<{ memberId: string }>(
    `UPDATE member_invites i SET used_at = now()
       FROM members m
      WHERE i.token_sha256 = $1 AND i.used_at IS NULL AND i.expires_at > now()
        AND m.id = i.member_id AND m.active
      RETURNING i.member_id AS "memberId"`,
    [tokenSha256],
  );
  return rows[0]?.memberId;
}

/** The Zalo account moves to this member (a person re-invited with a new phone keeps one account). */
export async function giveZaloAccount(
  db: Queryable,
  memberId: string,
  zalo: { appUserId: string; oaUserId: string | null },
): Promise<void> {
  await db.query(
    `UPDATE members SET zalo_app_user_id = NULL
      WHERE zalo_app_user_id = $2 AND id <> $1 AND ward_id = (SELECT ward_id FROM members WHERE id = $1)`,
    [memberId, zalo.appUserId],
  );
  await db.query(
    `UPDATE members SET zalo_app_user_id = $2, zalo_oa_user_id = COALESCE(zalo_oa_user_id, $3) WHERE id = $1`,
    [memberId, zalo.appUserId, zalo.oaUserId],
  );
}
