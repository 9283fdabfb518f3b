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
  ErrorBody,
  IdParams,
  UnitList,
} from '@loa/shared';
import { createCampaign, editCampaign, getCampaign, transitionCampaign } from './service.js';
import { listCampaigns, listUnits } from './sql.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

const campaignRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const readers = [app.authenticate, app.requireRole('admin', 'staff', 'leader')];
  const writers = [app.authenticate, app.requireRole('admin', 'staff')];
  const security = [{ session: [] }];

  app.get(
    '/api/campaigns',
    {
      onRequest: readers,
      config: { op: 'campaigns.list' },
      schema: {
        tags: ['campaigns'],
        summary: 'Danh sách kế hoạch (lọc theo trạng thái, ví dụ chờ duyệt = draft)',
        security,
        querystring: CampaignListQuery,
        response: { 200: CampaignList, ...errors },
      },
    },
    async (request) => ({
      campaigns: await app.db.withWard(request.session.wardId, (db) =>
        listCampaigns(db, request.query.status),
      ),
    }),
  );

  app.post(
    '/api/campaigns',
    {
      onRequest: writers,
      config: { op: 'campaigns.create' },
      schema: {
        tags: ['campaigns'],
        summary: 'Tạo kế hoạch (bản nháp)',
        security,
        body: CampaignFields,
        response: { 201: Campaign, ...errors },
      },
    },
    async (request, reply) => {
      const campaign = await app.db.withWard(request.session.wardId, (db) =>
        createCampaign(db, request.session, request.body),
      );
      return reply.status(201).send(campaign);
    },
  );

  app.get(
    '/api/campaigns/:id',
    {
      onRequest: readers,
      config: { op: 'campaigns.get' },
      schema: {
        tags: ['campaigns'],
        summary: 'Chi tiết kế hoạch',
        security,
        params: IdParams,
        response: { 200: Campaign, ...errors },
      },
    },
    async (request) => app.db.withWard(request.session.wardId, (db) => getCampaign(db, request.params.id)),
  );

  app.patch(
    '/api/campaigns/:id',
    {
      onRequest: writers,
      config: { op: 'campaigns.update' },
      schema: {
        tags: ['campaigns'],
        summary: 'Sửa kế hoạch (kế hoạch đã duyệt sẽ quay về chờ duyệt)',
        security,
        params: IdParams,
        body: CampaignPatch,
        response: { 200: Campaign, ...errors },
      },
    },
    async (request) =>
      app.db.withWard(request.session.wardId, (db) =>
        editCampaign(db, request.session, request.params.id, request.body),
      ),
  );

  for (const verb of ['approve', 'activate', 'close'] as const) {
    app.post(
      `/api/campaigns/:id/${verb}`,
      {
        onRequest: verb === 'approve' ? [app.authenticate, app.requireRole('leader')] : writers,
        config: { op: `campaigns.${verb}` },
        schema: {
          tags: ['campaigns'],
          summary: {
            approve: 'Lãnh đạo duyệt kế hoạch',
            activate: 'Triển khai kế hoạch',
            close: 'Kết thúc kế hoạch',
          }[verb],
          security,
          params: IdParams,
          response: { 200: Campaign, ...errors },
        },
      },
      async (request) =>
        app.db.withWard(request.session.wardId, (db) =>
          transitionCampaign(db, request.session, request.params.id, verb),
        ),
    );
  }

  app.get(
    '/api/units',
    {
      onRequest: readers,
      config: { op: 'units.list' },
      schema: {
        tags: ['campaigns'],
        summary: 'Các đơn vị của phường (để chọn đơn vị chủ trì, giao nhiệm vụ)',
        security,
        response: { 200: UnitList, ...errors },
      },
    },
    async (request) => ({ units: await app.db.withWard(request.session.wardId, (db) => listUnits(db)) }),
  );
};

export default campaignRoutes;
