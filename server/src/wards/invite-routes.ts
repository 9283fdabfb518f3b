/** Sign-in links: staff make one for a member; the member opens it in Zalo and is signed in. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParams, InviteSignInBody, MemberInviteReply } from '@loa/shared';
import { recordAudit } from '../audit/audit.js';
import {
  findMemberById,
  SIGN_IN_RATE_LIMIT,
  SIGN_IN_RESPONSES,
  signInReply,
  toProfile,
  verifyZaloUser,
} from '../auth/service.js';
import { AppError } from '../errors.js';
import { routeGroup } from '../http/access.js';
import { createInvite, redeemInvite } from './invites.js';
import { getMember } from './members-service.js';

/** Admin and staff write. */
const writes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/ward/members/:id/invite',
    {
      config: { op: 'members.invite' },
      schema: {
        tags: ['wards'],
        params: IdParams,
        response: { 200: MemberInviteReply },
      },
    },
    async (request) =>
      app.db.withWard(request.session.wardId, async (db) => {
        const member = await getMember(db, request.params.id);
        if (!member.active)
          throw new AppError(
            'VALIDATION_FAILED',
            'Người này đang bị khóa. Mở khóa trước khi gửi liên kết đăng nhập.',
          );
        if (member.role === 'admin' && request.session.role !== 'admin')
          throw new AppError('MEMBER_ROLE_ADMIN_ONLY');
        const invite = await createInvite(db, {
          wardId: request.session.wardId,
          memberId: member.id,
          createdBy: request.session.memberId,
          publicUrl: app.config.publicUrl,
        });
        await recordAudit(db, {
          wardId: request.session.wardId,
          actorMemberId: request.session.memberId,
          action: 'members.invite',
          entity: 'member',
          entityId: member.id,
          after: { expiresAt: invite.expiresAt },
        });
        return invite;
      }),
  );
};

/** No session yet: the route signs one in. */
const signIn: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/auth/invite',
    {
      config: { op: 'auth.invite', rateLimit: SIGN_IN_RATE_LIMIT },
      schema: { tags: ['auth'], body: InviteSignInBody, response: SIGN_IN_RESPONSES },
    },
    async (request) => {
      const user = await verifyZaloUser(app.zalo.graph, request.body.accessToken, request.log);
      const member = await app.db.withSystem(async (db) => {
        const memberId = await redeemInvite(db, request.body.invite, {
          appUserId: user.id,
          oaUserId: user.idByOA ?? null,
        });
        const found = memberId ? await findMemberById(db, memberId) : undefined;
        if (!found) return undefined;
        await recordAudit(db, {
          wardId: found.wardId,
          actorMemberId: found.id,
          action: 'auth.invite',
          entity: 'member',
          entityId: found.id,
        });
        return found;
      });
      if (!member) throw new AppError('INVITE_INVALID');
      return signInReply(app.issueSession, toProfile(member), user.id, member.sessionVersion);
    },
  );
};

// Summaries, security and error answers come from the route kit (http/).
const inviteRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(routeGroup('officeWriters', writes));
  await app.register(routeGroup('public', signIn));
};

export default inviteRoutes;
