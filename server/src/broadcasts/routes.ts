/**
 * The ledger over HTTP: what became of a post in each group, and the teams' part (share tasks, and the
 * confirmation "Đã chia sẻ" or the number of loudspeaker broadcasts).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DeliveryList, IdParams, LoudspeakerDoneInput, ShareTaskList } from '@loa/shared';
import { Type } from '@sinclair/typebox';
import { routeGroup } from '../http/access.js';
import { assertPostExists } from '../posts/service.js';
import { listPostDeliveries, listShareTasks } from './deliveries-sql.js';
import { completeDelivery } from './team-deliveries.js';

const Ok = Type.Object({ ok: Type.Boolean() });

const deliveryRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['posts'];

  await app.register(
    routeGroup('office', async (app) => {
      app.get(
        '/api/posts/:id/deliveries',
        {
          config: { op: 'deliveries.list' },
          schema: { tags, params: IdParams, response: { 200: DeliveryList } },
        },
        async (request) => ({
          deliveries: await app.db.withWard(request.session.wardId, async (db) => {
            await assertPostExists(db, request.params.id);
            return listPostDeliveries(db, request.params.id);
          }),
        }),
      );
    }),
  );

  await app.register(
    routeGroup('teamWork', async (app) => {
      app.get(
        '/api/share-tasks',
        {
          config: { op: 'shareTasks.list' },
          schema: { tags, response: { 200: ShareTaskList } },
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
          config: { op: 'deliveries.shared' },
          schema: { tags, params: IdParams, response: { 200: Ok } },
        },
        async (request) => {
          await completeDelivery(app.db, request.session, request.params.id, 'team_share', null);
          return { ok: true };
        },
      );

      app.post(
        '/api/deliveries/:id/broadcast',
        {
          config: { op: 'deliveries.broadcast' },
          schema: { tags, params: IdParams, body: LoudspeakerDoneInput, response: { 200: Ok } },
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
    }),
  );
};

export default deliveryRoutes;
