/**
 * What other features may ask of sign-in: a member's profile as a session is issued from it, what both
 * ways of signing in share (Zalo sign-in in routes.ts, the invite link in wards/invite-routes.ts), and
 * what a session token still grants (the auth plugin's re-checks).
 */
import { ErrorBody, type MemberProfile, SignInReply } from '@loa/shared';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { recordAudit } from '../audit/audit.js';
import { AppError } from '../errors.js';
import type { Db } from '../plugins/db.js';
import { bumpSessionVersion } from '../wards/identity.js';
import { ZaloApiError } from '../zalo/errors.js';
import type { ZaloGraph, ZaloUser } from '../zalo/types.js';
import { type ProfileRow, revokeToken } from './sql.js';

export { findMemberById, type MemberGrant, type ProfileRow, readMemberGrant } from './sql.js';

/** A sign-in route's rate limit: tries per client, so a guessed token or invite gets few chances. */
export const SIGN_IN_RATE_LIMIT = { max: 20, timeWindow: '1 minute' };

/** A sign-in route's answers: the session, or a token Zalo refused (401), too many tries, Zalo down. */
export const SIGN_IN_RESPONSES = {
  200: SignInReply,
  400: ErrorBody,
  401: ErrorBody,
  429: ErrorBody,
  503: ErrorBody,
};

/** Zalo's answer as a 4xx/5xx a person can act on. */
export function zaloRefusal(error: unknown): AppError {
  if (error instanceof ZaloApiError && (error.kind === 'token' || error.kind === 'permanent'))
    return new AppError('ZALO_TOKEN_INVALID');
  return new AppError('ZALO_UNAVAILABLE');
}

/** The Zalo user behind the mini app's access token (graph `/v2.0/me`: Zalo or the simulator). */
export async function verifyZaloUser(
  graph: ZaloGraph,
  accessToken: string,
  log: FastifyBaseLogger,
): Promise<ZaloUser> {
  return graph.getMe(accessToken).catch((error) => {
    log.info({ err: error }, 'Zalo sign-in rejected');
    throw zaloRefusal(error);
  });
}

export const toProfile = (row: ProfileRow): MemberProfile => ({
  id: row.id,
  fullName: row.fullName,
  role: row.role,
  unitId: row.unitId,
  unitName: row.unitName,
  wardId: row.wardId,
  wardName: row.wardName,
  wardSlug: row.wardSlug,
});

/** The answer of a sign-in: our own session token for this profile, and the profile. */
export function signInReply(
  issueSession: FastifyInstance['issueSession'],
  profile: MemberProfile,
  zaloUserId: string,
  sessionVersion: number | undefined,
): SignInReply {
  const token = issueSession({
    memberId: profile.id ?? undefined,
    wardId: profile.wardId,
    role: profile.role,
    unitId: profile.unitId ?? undefined,
    zaloUserId,
    sessionVersion,
  });
  return { token, member: profile };
}

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
