/** Sign-in links: staff make one for a member; the member opens it in Zalo and is signed in. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParams, InviteSignInBody, MemberInviteReply } from '@loa/shared';
import {
  SIGN_IN_RATE_LIMIT,
  SIGN_IN_RESPONSES,
  signInReply,
  toProfile,
  verifyZaloUser,
} from '../auth/service.js';
import { AppError } from '../errors.js';
import { routeGroup } from '../http/access.js';
import { inviteLinkBases, inviteMember, signInWithInvite } from './invites.js';

/** Admin and staff write. */
const writes: FastifyPluginAsyncTypebox = async (app) => {
  const links = inviteLinkBases(app.config);
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
      app.db.withWard(request.session.wardId, (db) =>
        inviteMember(db, request.session, request.params.id, links),
      ),
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
      const member = await app.db.withSystem((db) =>
        signInWithInvite(db, request.body.invite, { appUserId: user.id, oaUserId: user.idByOA ?? null }),
      );
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
