/**
 * Sign-in links. A new ward's first admin (from `npm run ward:create`) and any member staff choose get
 * a one-time link; opening it with Zalo links that Zalo account to the member, whatever phone number
 * Zalo knows. Only the token's sha256 is stored; a link lasts 7 days and works once.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../plugins/db.js';

const LINK_DAYS = 7;
const hash = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createInvite(
  db: Queryable,
  invite: { wardId: string; memberId: string; createdBy: string | undefined; publicUrl: string },
): Promise<{ link: string; expiresAt: string }> {
  const token = randomBytes(24).toString('base64url');
  const { rows } = await db.query<{ expiresAt: string }>(
    `INSERT INTO member_invites (ward_id, member_id, token_sha256, created_by, expires_at)
     VALUES ($1, $2, $3, $4, now() + make_interval(days => $5))
     RETURNING to_char(expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "expiresAt"`,
    [invite.wardId, invite.memberId, hash(token), invite.createdBy ?? null, LINK_DAYS],
  );
  // The mini app follows `#/…` links at start (see mini-app lib/deep-link.tsx).
  return { link: `${invite.publicUrl}/#/sign-in?invite=${token}`, expiresAt: rows[0]!.expiresAt };
}

/**
 * Uses the invite (across wards: the ward is not known before) and links the Zalo ids to its member.
 * Returns the member id, or undefined when the link is unknown, used, expired or its member inactive.
 */
export async function redeemInvite(
  db: Queryable,
  token: string,
  zalo: { appUserId: string; oaUserId: string | null },
): Promise<string | undefined> {
  const { rows } = await db.query<{ memberId: string }>(
    `UPDATE member_invites i SET used_at = now()
       FROM members m
      WHERE i.token_sha256 = $1 AND i.used_at IS NULL AND i.expires_at > now()
        AND m.id = i.member_id AND m.active
      RETURNING i.member_id AS "memberId"`,
    [hash(token)],
  );
  const memberId = rows[0]?.memberId;
  if (!memberId) return undefined;
  // The Zalo account moves to this member (a person re-invited with a new phone keeps one account).
  await db.query(
    `UPDATE members SET zalo_app_user_id = NULL
      WHERE zalo_app_user_id = $2 AND id <> $1 AND ward_id = (SELECT ward_id FROM members WHERE id = $1)`,
    [memberId, zalo.appUserId],
  );
  await db.query(
    `UPDATE members SET zalo_app_user_id = $2, zalo_oa_user_id = COALESCE(zalo_oa_user_id, $3) WHERE id = $1`,
    [memberId, zalo.appUserId, zalo.oaUserId],
  );
  return memberId;
}
