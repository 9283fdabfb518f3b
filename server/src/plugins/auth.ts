/**
 * Sessions. A person signs in once with their Zalo token (see the auth feature); after that every request
 * carries a short-lived session token signed by us. This plugin verifies it, re-checks it against the
 * member's current row (session-rechecks.ts), exposes who is asking, and `requireRole` guards routes.
 * Every ward-scoped query then runs in `request.session.wardId`.
 *
 * A token ends early when it is signed out (its id goes into revoked_sessions) or when the member's
 * role, team or active flag changes (the row's session_version moves past the token's `ver`).
 */
import { randomUUID } from 'node:crypto';
import jwt from '@fastify/jwt';
import type { Role } from '@loa/shared';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { MemberGrant } from '../auth/service.js';
import { AppError } from '../errors.js';
import { SessionRechecks } from './session-rechecks.js';
import { VerifiedTokens } from './verified-tokens.js';

export type { Role };

export interface Session {
  /** The member's id; for a resident, undefined. */
  memberId: string | undefined;
  wardId: string;
  role: Role;
  unitId: string | undefined;
  zaloUserId: string | undefined;
  /** The member's session_version when signing in; absent in tokens signed by older servers and tests. */
  sessionVersion?: number;
  /** This token's id (its `jti`), for signing it out. */
  tokenId?: string;
  /** When this token expires (seconds since 1970). */
  expiresAt?: number;
}

export interface SessionClaims {
  sub?: string;
  ward: string;
  role: Role;
  unit?: string;
  zid?: string;
  ver?: number;
  jti?: string;
  exp?: number;
}

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: SessionClaims;
    user: SessionClaims;
  }
}

declare module 'fastify' {
  interface FastifyRequest {
    session: Session;
  }
  interface FastifyInstance {
    /** Signs a session token for a verified person. */
    issueSession(session: Session): string;
    /** preHandler: 401 unless a valid session token is present; then `request.session` is set. */
    authenticate(request: FastifyRequest, reply: FastifyReply): Promise<void>;
    /** preHandler factory: 403 unless the session has one of the roles. */
    requireRole(...roles: Role[]): (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
    /** The cached re-checks: features that change a member forget them (`forgetMember`). */
    sessionRechecks: SessionRechecks;
  }
}

/** fast-jwt's code for a token past its `exp`. */
const EXPIRED = 'FAST_JWT_EXPIRED';

/** The token of an `Authorization: Bearer <token>` header, as @fastify/jwt reads it; else undefined. */
function bearerToken(header: string | undefined): string | undefined {
  if (!header || !/^Bearer\s/i.test(header)) return undefined;
  const parts = header.split(' ');
  return parts.length === 2 && parts[1] ? parts[1] : undefined;
}

/** Why this token may no longer be used, or undefined when it still grants what it says. */
function refusal(
  claims: SessionClaims,
  grant: MemberGrant,
): 'MEMBER_DEACTIVATED' | 'SESSION_REVOKED' | undefined {
  if (grant.revoked) return 'SESSION_REVOKED';
  if (!claims.sub) return undefined;
  if (!grant.active) return 'MEMBER_DEACTIVATED';
  // Any change to the member's role, team or active flag moved the version on (a trigger does it).
  // Tokens without a version (signed before versions existed; they expire within SESSION_TTL_MINUTES)
  // are held to the active flag only, as before.
  if (claims.ver !== undefined && claims.ver !== grant.sessionVersion) return 'SESSION_REVOKED';
  return undefined;
}

/** What a session token says, in the short claim names the token carries; a new token id each time. */
export function sessionClaims(session: Session): SessionClaims {
  return {
    ward: session.wardId,
    role: session.role,
    ...(session.memberId ? { sub: session.memberId } : {}),
    ...(session.unitId ? { unit: session.unitId } : {}),
    ...(session.zaloUserId ? { zid: session.zaloUserId } : {}),
    ...(session.sessionVersion !== undefined ? { ver: session.sessionVersion } : {}),
    jti: randomUUID(),
  };
}

export default fp(
  async function authPlugin(
    app: FastifyInstance,
    options: { secret: string; ttlMinutes: number; recheckSeconds?: number },
  ) {
    await app.register(jwt, { secret: options.secret, sign: { expiresIn: `${options.ttlMinutes}m` } });
    // Verified once per token (request.jwtVerify decoded every token twice and checked its HMAC).
    const verified = new VerifiedTokens((token) => app.jwt.verify<SessionClaims>(token));
    app.decorateRequest('session', null as unknown as Session);
    const rechecks = new SessionRechecks(app.db, (options.recheckSeconds ?? 5) * 1000);
    app.decorate('sessionRechecks', rechecks);

    app.decorate('issueSession', (session: Session) => app.jwt.sign(sessionClaims(session)));

    app.decorate('authenticate', async (request: FastifyRequest) => {
      const token = bearerToken(request.headers.authorization);
      if (!token) throw new AppError('UNAUTHENTICATED');
      let claims: SessionClaims;
      try {
        claims = verified.claims(token);
      } catch (error) {
        throw new AppError(
          (error as { code?: string }).code === EXPIRED ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED',
        );
      }
      // A deactivated, moved or signed-out member loses access at once, not when the token expires.
      // A resident's token from before token ids has nothing to re-check.
      if (claims.sub || claims.jti) {
        const grant = await rechecks.grant({
          wardId: claims.ward,
          memberId: claims.sub,
          tokenId: claims.jti,
        });
        const refused = refusal(claims, grant);
        if (refused) throw new AppError(refused);
      }
      request.session = {
        memberId: claims.sub,
        wardId: claims.ward,
        role: claims.role,
        unitId: claims.unit,
        zaloUserId: claims.zid,
        sessionVersion: claims.ver,
        tokenId: claims.jti,
        expiresAt: claims.exp,
      };
    });

    app.decorate('requireRole', (...roles: Role[]) => async (request: FastifyRequest) => {
      if (!request.session) throw new AppError('UNAUTHENTICATED');
      if (!roles.includes(request.session.role)) throw new AppError('FORBIDDEN');
    });
  },
  { name: 'auth', dependencies: ['db'] },
);
