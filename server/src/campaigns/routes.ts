/**
 * Campaigns (kế hoạch): staff write and run them, leaders approve them. Every query runs in the
 * member's ward; an id from another ward is simply not found.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  Campaign,
  CampaignFields,
  CampaignList,
  CampaignListQuery,
  CampaignPatch,
  IdParams,
  UnitList,
} from '@loa/shared';
import { routeGroup } from '../http/access.js';
import { createCampaign, editCampaign, readCampaign, transitionCampaign } from './service.js';
import { listCampaigns, listUnits } from './sql.js';

const campaignRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(
    routeGroup('office', async (app) => {
      app.get(
        '/api/campaigns',
        {
          config: { op: 'campaigns.list' },
          schema: {
            tags: ['campaigns'],
            querystring: CampaignListQuery,
            response: { 200: CampaignList },
          },
        },
        async (request) => ({
          campaigns: await app.db.withWard(request.session.wardId, (db) =>
            listCampaigns(db, request.query.status),
          ),
        }),
      );

      app.get(
        '/api/campaigns/:id',
        {
          config: { op: 'campaigns.get' },
          schema: {
            tags: ['campaigns'],
            params: IdParams,
            response: { 200: Campaign },
          },
        },
        async (request) =>
          app.db.withWard(request.session.wardId, (db) => readCampaign(db, request.params.id)),
      );

      app.get(
        '/api/units',
        {
          config: { op: 'units.list' },
          schema: {
            tags: ['campaigns'],
            response: { 200: UnitList },
          },
        },
        async (request) => ({ units: await app.db.withWard(request.session.wardId, (db) => listUnits(db)) }),
      );
    }),
  );

  await app.register(
    routeGroup('officeWriters', async (app) => {
      app.post(
        '/api/campaigns',
        {
          config: { op: 'campaigns.create' },
          schema: {
            tags: ['campaigns'],
            body: CampaignFields,
            response: { 201: Campaign },
          },
        },
        async (request, reply) => {
          const campaign = await app.db.withWard(request.session.wardId, (db) =>
            createCampaign(db, request.session, request.body),
          );
          return reply.status(201).send(campaign);
        },
      );

      app.patch(
        '/api/campaigns/:id',
        {
          config: { op: 'campaigns.update' },
          schema: {
            tags: ['campaigns'],
            params: IdParams,
            body: CampaignPatch,
            response: { 200: Campaign },
          },
        },
        async (request) =>
          app.db.withWard(request.session.wardId, (db) =>
            editCampaign(db, request.session, request.params.id, request.body),
          ),
      );
    }),
  );
  /** Approve (leaders), activate and close (the office's writers): each a state change of its own. */
  const transition =
    (verb: 'approve' | 'activate' | 'close'): FastifyPluginAsyncTypebox =>
    async (app) => {
      app.post(
        `/api/campaigns/:id/${verb}`,
        {
          config: { op: `campaigns.${verb}` },
          schema: { tags: ['campaigns'], params: IdParams, response: { 200: Campaign } },
        },
        async (request) =>
          app.db.withWard(request.session.wardId, (db) =>
            transitionCampaign(db, request.session, request.params.id, verb),
          ),
      );
    };
  await app.register(routeGroup('leaders', transition('approve')));
  await app.register(routeGroup('officeWriters', transition('activate')));
  await app.register(routeGroup('officeWriters', transition('close')));
};

export default campaignRoutes;
