/**
 * Pages anyone may read (a resident opening the mini app from a khu phố group): the ward's current
 * campaign. No session; the ward comes from the query or the server's default ward.
 */

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, PublicCampaignQuery, PublicCampaignReply } from '@loa/shared';
import { AppError } from '../errors.js';
import { findCurrentCampaign, findWardBySlug } from './sql.js';

const publicRoutes: FastifyPluginAsyncTypebox<{ defaultWardSlug: string }> = async (app, options) => {
  app.get(
    '/api/public/campaign',
    {
      config: { op: 'public.campaign' },
      schema: {
        tags: ['public'],
        summary: 'Chiến dịch hiện tại của phường',
        querystring: PublicCampaignQuery,
        response: { 200: PublicCampaignReply, 404: ErrorBody },
      },
    },
    async (request) => {
      const slug = request.query.ward ?? options.defaultWardSlug;
      const ward = await app.db.withSystem((client) => findWardBySlug(client, slug));
      if (!ward) throw new AppError('WARD_NOT_FOUND');
      const campaign = await app.db.withWard(ward.id, (client) => findCurrentCampaign(client));
      return { ward, campaign: campaign ?? null };
    },
  );
};

export default publicRoutes;
