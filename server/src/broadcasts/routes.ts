/**
 * The ledger over HTTP: what became of a post in each group, and the teams' part (share tasks, and the
 * confirmation "Đã chia sẻ" or the number of loudspeaker broadcasts).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DeliveryList, ErrorBody, IdParams, LoudspeakerDoneInput, ShareTaskList } from '@loa/shared';
import { Type } from '@sinclair/typebox';
import { assertPostExists } from '../posts/service.js';
import { listPostDeliveries, listShareTasks } from './deliveries-sql.js';
import { completeDelivery } from './team-deliveries.js';

const Ok = Type.Object({ ok: Type.Boolean() });
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

const deliveryRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const office = { onRequest: [app.authenticate, app.requireRole('admin', 'staff', 'leader')] };
  const tags = ['posts'];

  app.get(
    '/api/posts/:id/deliveries',
    {
      ...office,
      config: { op: 'deliveries.list' },
      schema: { tags, params: IdParams, response: { 200: DeliveryList, ...errors } },
    },
    async (request) => ({
      deliveries: await app.db.withWard(request.session.wardId, async (db) => {
        await assertPostExists(db, request.params.id);
        return listPostDeliveries(db, request.params.id);
      }),
    }),
  );

  const team = {
    onRequest: [app.authenticate, app.requireRole('team_lead', 'team_member', 'staff', 'admin')],
  };

  app.get(
    '/api/share-tasks',
    {
      ...team,
      config: { op: 'shareTasks.list' },
      schema: { tags, response: { 200: ShareTaskList, ...errors } },
    },
    async (request) => {
      const { wardId, unitId } = request.session;
      if (!unitId) return { tasks: [] };
      return { tasks: await app.db.withWard(wardId, (db) => listShareTasks(db, unitId)) };
    },
  );

  app.post(
    '/api/deliveries/:id/shared',
    {
      ...team,
      config: { op: 'deliveries.shared' },
      schema: { tags, params: IdParams, response: { 200: Ok, ...errors } },
    },
    async (request) => {
      await completeDelivery(app.db, request.session, request.params.id, 'team_share', null);
      return { ok: true };
    },
  );

  app.post(
    '/api/deliveries/:id/broadcast',
    {
      ...team,
      config: { op: 'deliveries.broadcast' },
      schema: { tags, params: IdParams, body: LoudspeakerDoneInput, response: { 200: Ok, ...errors } },
    },
    async (request) => {
      await completeDelivery(
        app.db,
        request.session,
        request.params.id,
        'loudspeaker',
        request.body.broadcastCount,
      );
      return { ok: true };
    },
  );
};

export default deliveryRoutes;
