/**
 * What other features may ask of sign-in: a member's profile as a session is issued from it (the
 * invite link signs a member in too), and what a session token still grants (the auth plugin's
 * re-checks).
 */
import { recordAudit } from '../audit/audit.js';
import type { Db } from '../plugins/db.js';
import { bumpSessionVersion } from '../wards/identity.js';
import { revokeToken } from './sql.js';

export { findMemberById, type MemberGrant, type ProfileRow, readMemberGrant } from './sql.js';

/**
 * Signing out ends this token at once (its id is revoked until it would have expired); a token from
 * before token ids ends every session of the member. Audited. The caller forgets its cached re-check.
 */
export async function signOut(
  database: Db,
  // The session's fields, not plugins/auth's Session: that plugin reads grants from this module.
  session: { wardId: string; memberId?: string; tokenId?: string; expiresAt?: number },
): Promise<void> {
  const { tokenId, memberId, wardId, expiresAt } = session;
  await database.withWard(wardId, async (db) => {
    if (tokenId && expiresAt) await revokeToken(db, { tokenId, wardId, memberId, expiresAt });
    else if (memberId) await bumpSessionVersion(db, memberId);
    if (memberId)
      await recordAudit(db, {
        wardId,
        actorMemberId: memberId,
        action: 'auth.signOut',
        entity: 'member',
        entityId: memberId,
      });
  });
}
