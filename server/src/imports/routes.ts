/**
 * Importing a plan document: staff send pasted text or a .docx/.pdf and get a draft back (nothing is
 * stored); after checking it they save it, which creates the campaign, missing units and tasks.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, PlanDraft, PlanImportRequest, PlanImportSave, PlanImportSaved } from '@loa/shared';
import { draftPlan, savePlan } from './service.js';

const errors = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  409: ErrorBody,
  413: ErrorBody,
  415: ErrorBody,
  422: ErrorBody,
};

const importRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const writers = [app.authenticate, app.requireRole('admin', 'staff')];
  const security = [{ session: [] }];

  app.post(
    '/api/campaigns/import',
    {
      onRequest: writers,
      // A 10 MB document is about 13.4 MB of base64.
      bodyLimit: 15 * 1024 * 1024,
      config: { op: 'imports.draft' },
      schema: {
        tags: ['campaigns'],
        summary: 'Đọc văn bản kế hoạch (dán chữ, .docx hoặc .pdf có chữ) thành bản nháp để kiểm tra',
        security,
        body: PlanImportRequest,
        response: { 200: PlanDraft, ...errors },
      },
    },
    async (request) =>
      app.db.withWard(request.session.wardId, (db) => draftPlan(db, request.session, request.body)),
  );

  app.post(
    '/api/campaigns/import/save',
    {
      onRequest: writers,
      bodyLimit: 2 * 1024 * 1024,
      config: { op: 'imports.save' },
      schema: {
        tags: ['campaigns'],
        summary: 'Lưu bản nháp đã sửa: tạo kế hoạch, các đơn vị còn thiếu và các nhiệm vụ',
        security,
        body: PlanImportSave,
        response: { 201: PlanImportSaved, ...errors },
      },
    },
    async (request, reply) => {
      const saved = await app.db.withWard(request.session.wardId, (db) =>
        savePlan(db, request.session, request.body),
      );
      return reply.status(201).send(saved);
    },
  );
};

export default importRoutes;
