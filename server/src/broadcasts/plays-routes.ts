/** The loudspeaker play log over HTTP: a team reports each play; the team and the office read the log. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParams, LoudspeakerPlayInput, LoudspeakerPlayList } from '@loa/shared';
import { Type } from '@sinclair/typebox';
import { routeGroup } from '../http/access.js';
import { plays, reportPlay } from './plays.js';

const playRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['posts'];
  await app.register(
    routeGroup('members', async (app) => {
      app.get(
        '/api/deliveries/:id/plays',
        {
          config: { op: 'deliveries.plays' },
          schema: { tags, params: IdParams, response: { 200: LoudspeakerPlayList } },
        },
        async (request) => ({
          plays: await app.db.withWard(request.session.wardId, (db) =>
            plays(db, request.session, request.params.id),
          ),
        }),
      );
    }),
  );
  await app.register(
    routeGroup('teamWork', async (app) => {
      app.post(
        '/api/deliveries/:id/plays',
        {
          config: { op: 'deliveries.reportPlay' },
          schema: {
            tags,
            params: IdParams,
            body: LoudspeakerPlayInput,
            response: { 201: Type.Object({ total: Type.Integer() }) },
          },
        },
        async (request, reply) => {
          const result = await app.db.withWard(request.session.wardId, (db) =>
            reportPlay(db, request.session, request.params.id, request.body.playedAt, new Date()),
          );
          return reply.code(201).send(result);
        },
      );
    }),
  );
};

export default playRoutes;
