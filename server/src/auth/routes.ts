/**
 * Sign-in with Zalo: the mini app's access token is verified through graph `/v2.0/me` (Zalo or the
 * simulator, the same code path), the person is found by their mini-app id, or on first sign-in by
 * the phone number Zalo gives for a `getPhoneNumber` token; then we issue our own session token.
 */
import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox';
import {
  ErrorBody,
  type MemberProfile,
  MeReply,
  RESIDENT_STAND_IN_NAME,
  SignInOptions,
  ZaloSignInBody,
} from '@loa/shared';
import { AppError } from '../errors.js';
import { routeGroup } from '../http/access.js';
import { linkZaloIds } from '../wards/identity.js';
import type { ZaloUser } from '../zalo/types.js';
import {
  SIGN_IN_RATE_LIMIT,
  SIGN_IN_RESPONSES,
  signInReply,
  signOut,
  toProfile,
  verifyZaloUser,
  zaloRefusal,
} from './service.js';
import {
  findMemberById,
  findMemberByPhone,
  findMemberByZaloAppId,
  findWardById,
  findWardBySlug,
  type ProfileRow,
} from './sql.js';

const authRoutes: FastifyPluginAsyncTypebox<{ defaultWardSlug: string }> = async (app, options) => {
  async function findOrLink(
    user: ZaloUser,
    accessToken: string,
    phoneToken: string | undefined,
    wardSlug: string | undefined,
  ): Promise<ProfileRow | undefined> {
    const known = await app.db.withSystem((client) => findMemberByZaloAppId(client, user.id, wardSlug));
    if (known || !phoneToken) return known;
    const phone = await app.zalo.graph.getPhoneNumber(accessToken, phoneToken).catch((error) => {
      throw zaloRefusal(error);
    });
    return app.db.withSystem(async (client) => {
      const member = await findMemberByPhone(client, phone, wardSlug);
      if (member) await linkZaloIds(client, member.id, user.id, user.idByOA ?? null);
      return member;
    });
  }

  await app.register(
    routeGroup('public', async (app) => {
      // Outside Zalo the sign-in screen asks this first: a live install can only say "open it in Zalo".
      app.get(
        '/api/auth/options',
        { config: { op: 'auth.options' }, schema: { tags: ['auth'], response: { 200: SignInOptions } } },
        async () => ({ zalo: app.config.zalo.mode, miniAppLinkBase: app.config.miniAppLinkBase }),
      );

      app.post(
        '/api/auth/zalo',
        {
          config: { op: 'auth.zalo', rateLimit: SIGN_IN_RATE_LIMIT },
          schema: { tags: ['auth'], body: ZaloSignInBody, response: SIGN_IN_RESPONSES },
        },
        async (request) => {
          const { accessToken, phoneToken, ward: linkWard } = request.body;
          const user = await verifyZaloUser(app.zalo.graph, accessToken, request.log);
          const member = await findOrLink(user, accessToken, phoneToken, linkWard);
          let profile: MemberProfile;
          if (member) profile = toProfile(member);
          else {
            // A resident reads the ward of the link they opened (a ward that no longer exists: the default).
            const ward = await app.db.withSystem(
              async (client) =>
                (linkWard ? await findWardBySlug(client, linkWard) : undefined) ??
                findWardBySlug(client, options.defaultWardSlug),
            );
            if (!ward) throw new AppError('WARD_NOT_FOUND');
            profile = {
              id: null,
              fullName: user.name || RESIDENT_STAND_IN_NAME,
              role: 'resident',
              unitId: null,
              unitName: null,
              wardId: ward.id,
              wardName: ward.name,
              wardSlug: ward.slug,
            };
          }
          return signInReply(app.issueSession, profile, user.id, member?.sessionVersion);
        },
      );
    }),
  );

  await app.register(
    routeGroup('signedIn', async (app) => {
      app.post(
        '/api/auth/sign-out',
        {
          config: { op: 'auth.signOut' },
          schema: {
            tags: ['auth'],
            response: { 204: Type.Null({ description: 'Đã đăng xuất; token này không dùng được nữa' }) },
          },
        },
        async (request, reply) => {
          const { tokenId, memberId } = request.session;
          await signOut(app.db, request.session);
          if (tokenId) app.sessionRechecks.forgetToken(tokenId);
          if (memberId && !tokenId) app.sessionRechecks.forgetMember(memberId);
          return reply.status(204).send(null);
        },
      );

      app.get(
        '/api/me',
        {
          config: { op: 'auth.me' },
          schema: {
            tags: ['auth'],
            response: { 200: MeReply, 401: ErrorBody, 404: ErrorBody },
          },
        },
        async (request) => {
          const { memberId, wardId } = request.session;
          if (memberId) {
            const row = await app.db.withWard(wardId, (client) => findMemberById(client, memberId));
            if (!row)
              throw new AppError(
                'NOT_FOUND',
                'Tài khoản này không còn trong danh sách của phường. Hãy liên hệ cán bộ phụ trách.',
              );
            return { member: toProfile(row) };
          }
          const ward = await app.db.withWard(wardId, (client) => findWardById(client, wardId));
          if (!ward) throw new AppError('WARD_NOT_FOUND');
          return {
            member: {
              id: null,
              fullName: RESIDENT_STAND_IN_NAME,
              role: 'resident' as const,
              unitId: null,
              unitName: null,
              wardId,
              wardName: ward.name,
              wardSlug: ward.slug,
            },
          };
        },
      );
    }),
  );
};

export default authRoutes;
