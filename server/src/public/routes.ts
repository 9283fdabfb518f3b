/**
 * What anyone may read (a resident opening the mini app from a khu phố group): the ward's current
 * campaign and the posts it has SENT. No session, no member data; the ward comes from the address or
 * the server's default ward. The ward's web pages and feed (site-routes.ts) read the same.
 */

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ErrorBody,
  MySentPostsReply,
  PublicCampaignQuery,
  PublicCampaignReply,
  SentPostReply,
  SentPostsQuery,
  SentPostsReply,
  WardPostParams,
  WardSlugParams,
} from '@loa/shared';
import { AppError } from '../errors.js';
import { routeGroup } from '../http/access.js';
import { sentPost, sentPostsPage, wardBySlug } from './sent-posts.js';
import { findCurrentCampaign, findWardById } from './sql.js';

// Residents come back to Trang chủ to see what was just sent: answers are not kept by browsers.
const NO_STORE = 'no-cache';

const publicRoutes: FastifyPluginAsyncTypebox<{ defaultWardSlug: string }> = async (app, options) => {
  const wardOr404 = async (slug: string) => {
    const ward = await wardBySlug(app.db, slug);
    if (!ward) throw new AppError('WARD_NOT_FOUND');
    return ward;
  };

  await app.register(
    routeGroup('public', async (app) => {
      app.get(
        '/api/public/campaign',
        {
          config: { op: 'public.campaign' },
          schema: {
            tags: ['public'],
            querystring: PublicCampaignQuery,
            response: { 200: PublicCampaignReply, 404: ErrorBody },
          },
        },
        async (request, reply) => {
          const ward = await wardOr404(request.query.ward ?? options.defaultWardSlug);
          const campaign = await app.db.withWard(ward.id, findCurrentCampaign);
          const { posts } = await sentPostsPage(app.db, ward);
          reply.header('cache-control', NO_STORE);
          return { ward, campaign: campaign ?? null, posts };
        },
      );

      app.get(
        '/api/public/wards/:slug/posts',
        {
          config: { op: 'public.sentPosts' },
          schema: {
            tags: ['public'],
            params: WardSlugParams,
            querystring: SentPostsQuery,
            response: { 200: SentPostsReply, 404: ErrorBody },
          },
        },
        async (request, reply) => {
          const ward = await wardOr404(request.params.slug);
          const before = request.query.before ? new Date(request.query.before) : undefined;
          const page = await sentPostsPage(app.db, ward, before);
          reply.header('cache-control', NO_STORE);
          return { ward, ...page };
        },
      );

      app.get(
        '/api/public/wards/:slug/posts/:id',
        {
          config: { op: 'public.sentPost' },
          schema: {
            tags: ['public'],
            params: WardPostParams,
            response: { 200: SentPostReply, 404: ErrorBody },
          },
        },
        async (request, reply) => {
          const ward = await wardOr404(request.params.slug);
          const post = await sentPost(app.db, ward, request.params.id);
          // A draft, a post waiting for its time and another ward's post all look the same: not here.
          if (!post)
            throw new AppError(
              'NOT_FOUND',
              `Không tìm thấy bài này trong tin đã gửi của ${ward.name}. Có thể bài chưa được gửi hoặc đã được gỡ.`,
            );
          reply.header('cache-control', NO_STORE);
          return { ward, post };
        },
      );
    }),
  );

  // A member reporting an article task links the piece the ward published: their own ward's sent posts.
  await app.register(
    routeGroup('signedIn', async (app) => {
      app.get(
        '/api/sent-posts',
        {
          config: { op: 'sentPosts.mine' },
          schema: { tags: ['public'], response: { 200: MySentPostsReply } },
        },
        async (request) => {
          const ward = (await app.db.withWard(request.session.wardId, (c) =>
            findWardById(c, request.session.wardId),
          ))!;
          const { posts } = await sentPostsPage(app.db, ward);
          return { ward, posts, publicUrl: app.config.publicUrl };
        },
      );
    }),
  );
};

export default publicRoutes;
