/**
 * Sign-in links. A new ward's first admin (from `npm run ward:create`) and any member staff choose get
 * a one-time link; opening it with Zalo links that Zalo account to the member, whatever phone number
 * Zalo knows. Only the token's sha256 is stored; a link lasts 7 days and works once.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../plugins/db.js';
import { giveZaloAccount, insertInvite, useInvite } from './invite-sql.js';

const LINK_DAYS = 7;
const hash = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createInvite(
  db: Queryable,
  invite: { wardId: string; memberId: string; createdBy: string | undefined; publicUrl: string },
): Promise<{ link: string; expiresAt: string }> {
  const token = randomBytes(24).toString('base64url');
  const { expiresAt } = await insertInvite(db, {
    wardId: invite.wardId,
    memberId: invite.memberId,
    tokenSha256: hash(token),
    createdBy: invite.createdBy ?? null,
    days: LINK_DAYS,
  });
  // The mini app follows `#/…` links at start (see mini-app lib/deep-link.tsx).
  return { link: `${invite.publicUrl}/#/sign-in?invite=${token}`, expiresAt };
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
  const memberId = await useInvite(db, hash(token));
  if (!memberId) return undefined;
  await giveZaloAccount(db, memberId, zalo);
  return memberId;
}
