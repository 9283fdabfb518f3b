/**
 * Sessions. A person signs in once with their Zalo token (see the auth feature); after that every request
 * carries a short-lived session token signed by us. This plugin verifies it and exposes who is asking,
 * and `requireRole` guards routes. Every ward-scoped query then runs in `request.session.wardId`.
 */
import jwt from '@fastify/jwt';
import type { Role } from '@loa/shared';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../errors.js';

export type { Role };

export interface Session {
  /** The member's id; for a resident, undefined. */
  memberId: string | undefined;
  wardId: string;
  role: Role;
  unitId: string | undefined;
  zaloUserId: string | undefined;
}

interface SessionClaims {
  sub?: string;
  ward: string;
  role: Role;
  unit?: string;
  zid?: string;
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
  }
}

async function memberIsActive(app: FastifyInstance, wardId: string, memberId: string): Promise<boolean> {
  const { rows } = await app.db.batchInWard(wardId, (db) =>
    db.query<{ active: boolean }>('SELECT active FROM members WHERE id = $1', [memberId]),
  );
  return rows[0]?.active === true;
}

export default fp(
  async function authPlugin(app: FastifyInstance, options: { secret: string; ttlMinutes: number }) {
    await app.register(jwt, { secret: options.secret, sign: { expiresIn: `${options.ttlMinutes}m` } });
    app.decorateRequest('session', null as unknown as Session);

    app.decorate('issueSession', (session: Session) =>
      app.jwt.sign({
        ward: session.wardId,
        role: session.role,
        ...(session.memberId ? { sub: session.memberId } : {}),
        ...(session.unitId ? { unit: session.unitId } : {}),
        ...(session.zaloUserId ? { zid: session.zaloUserId } : {}),
      }),
    );

    app.decorate('authenticate', async (request: FastifyRequest) => {
      if (!request.headers.authorization) throw new AppError('UNAUTHENTICATED');
      let claims: SessionClaims;
      try {
        claims = await request.jwtVerify<SessionClaims>();
      } catch (error) {
        const expired = (error as { code?: string }).code === 'FST_JWT_AUTHORIZATION_TOKEN_EXPIRED';
        throw new AppError(expired ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED');
      }
      // A deactivated member loses access at once, not when the token expires: one read per request.
      if (claims.sub && !(await memberIsActive(app, claims.ward, claims.sub)))
        throw new AppError('MEMBER_DEACTIVATED');
      request.session = {
        memberId: claims.sub,
        wardId: claims.ward,
        role: claims.role,
        unitId: claims.unit,
        zaloUserId: claims.zid,
      };
    });

    app.decorate('requireRole', (...roles: Role[]) => async (request: FastifyRequest) => {
      if (!request.session) throw new AppError('UNAUTHENTICATED');
      if (!roles.includes(request.session.role)) throw new AppError('FORBIDDEN');
    });
  },
  { name: 'auth', dependencies: ['db'] },
);
