import type { FastifyInstance } from 'fastify';
import type { Role } from '../../server/src/plugins/auth.js';

/**
 * An Authorization header for a member, signed the way POST /api/auth/zalo signs it. API tests use it to
 * act as a given person; the sign-in route itself is tested against the Zalo simulator.
 */
export function authHeader(
  app: FastifyInstance,
  who: { memberId?: string; wardId: string; role: Role; unitId?: string },
): { authorization: string } {
  const token = app.issueSession({
    memberId: who.memberId,
    wardId: who.wardId,
    role: who.role,
    unitId: who.unitId,
    zaloUserId: undefined,
  });
  return { authorization: `Bearer ${token}` };
}

/** The header of the fixture ward's team member, acting for their own team. */
export function teamMemberHeader(
  app: FastifyInstance,
  ward: { wardId: string; teamId: string; teamMemberId: string },
): { authorization: string } {
  return authHeader(app, {
    memberId: ward.teamMemberId,
    wardId: ward.wardId,
    role: 'team_member',
    unitId: ward.teamId,
  });
}
