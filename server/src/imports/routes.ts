/**
 * Importing a plan document: staff send pasted text or a .docx/.pdf and get a draft back (nothing is
 * stored); after checking it they save it, which creates the campaign, missing units and tasks.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, PlanDraft, PlanImportRequest, PlanImportSave, PlanImportSaved } from '@loa/shared';
import { routeGroup } from '../http/access.js';
import { draftPlan, savePlan } from './service.js';

/** Beyond the kit's usual answers: a file too large, not a plan file, or a scanned PDF. */
const fileErrors = { 413: ErrorBody, 415: ErrorBody, 422: ErrorBody };

const importRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(
    routeGroup('officeWriters', async (app) => {
      app.post(
        '/api/campaigns/import',
        {
          // A 10 MB document is about 13.4 MB of base64.
          bodyLimit: 15 * 1024 * 1024,
          config: { op: 'imports.draft' },
          schema: {
            tags: ['campaigns'],
            body: PlanImportRequest,
            response: { 200: PlanDraft, ...fileErrors },
          },
        },
        async (request) =>
          app.db.withWard(request.session.wardId, (db) => draftPlan(db, request.session, request.body)),
      );

      app.post(
        '/api/campaigns/import/save',
        {
          bodyLimit: 2 * 1024 * 1024,
          config: { op: 'imports.save' },
          schema: {
            tags: ['campaigns'],
            body: PlanImportSave,
            response: { 201: PlanImportSaved, 413: ErrorBody },
          },
        },
        async (request, reply) => {
          const saved = await app.db.withWard(request.session.wardId, (db) =>
            savePlan(db, request.session, request.body),
          );
          return reply.status(201).send(saved);
        },
      );
    }),
  );
};

export default importRoutes;
