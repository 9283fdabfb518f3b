/**
 * Pages anyone may read (a resident opening the mini app from a khu phố group): the ward's current
 * campaign and its approved posts. No session; the ward comes from the query or the server's default ward.
 */

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, PUBLIC_POSTS_LIMIT, PublicCampaignQuery, PublicCampaignReply } from '@loa/shared';
import { AppError } from '../errors.js';
import { routeGroup } from '../http/access.js';
import { findCurrentCampaign, findWardBySlug, listApprovedPosts } from './sql.js';

const publicRoutes: FastifyPluginAsyncTypebox<{ defaultWardSlug: string }> = async (app, options) => {
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
        async (request) => {
          const slug = request.query.ward ?? options.defaultWardSlug;
          const ward = await app.db.withSystem((client) => findWardBySlug(client, slug));
          if (!ward) throw new AppError('WARD_NOT_FOUND');
          return app.db.withWard(ward.id, async (client) => {
            const campaign = await findCurrentCampaign(client);
            const posts = campaign ? await listApprovedPosts(client, campaign.id, PUBLIC_POSTS_LIMIT) : [];
            return { ward, campaign: campaign ?? null, posts };
          });
        },
      );
    }),
  );
};

export default publicRoutes;
