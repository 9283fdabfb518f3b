/**
 * Posts and their schedules over HTTP: staff and leaders write and schedule posts, a leader who is not
 * the author approves. What the ledger did with them is broadcasts/routes.ts.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ApproveInput,
  GroupOptionList,
  IdParams,
  OccurrenceUpdate,
  Post,
  PostInput,
  PostList,
  PostListQuery,
  PostUpdate,
  ScheduleInput,
  ScheduleList,
  ScheduleStatusInput,
} from '@loa/shared';
import { Type } from '@sinclair/typebox';
import { routeGroup } from '../http/access.js';
import * as schedules from './schedules.js';
import * as schedulesSql from './schedules-sql.js';
import * as service from './service.js';
import * as sql from './sql.js';

const Ok = Type.Object({ ok: Type.Boolean() });
const Created = Type.Object({ id: Type.String() });

const postRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const linkBase = app.config.miniAppLinkBase;
  const tags = ['posts'];

  await app.register(
    routeGroup('office', async (app) => {
      app.get(
        '/api/posts',
        {
          config: { op: 'posts.list' },
          schema: { tags, querystring: PostListQuery, response: { 200: PostList } },
        },
        async (request) => {
          const rows = await app.db.withWard(request.session.wardId, (db) =>
            sql.listPosts(db, request.query.campaignId),
          );
          return { posts: rows.map((row) => service.withPreview(row, linkBase)) };
        },
      );

      app.get(
        '/api/posts/:id',
        {
          config: { op: 'posts.get' },
          schema: { tags, params: IdParams, response: { 200: Post } },
        },
        async (request) => {
          const post = await app.db.withWard(request.session.wardId, (db) =>
            sql.findPost(db, request.params.id),
          );
          if (!post) throw service.postNotFound();
          return service.withPreview(post, linkBase);
        },
      );

      app.post(
        '/api/posts',
        {
          config: { op: 'posts.create' },
          schema: { tags, body: PostInput, response: { 201: Post } },
        },
        async (request, reply) => {
          const post = await app.db.withWard(request.session.wardId, (db) =>
            service.createPost(db, request.session, request.body, linkBase),
          );
          return reply.code(201).send(post);
        },
      );

      app.patch(
        '/api/posts/:id',
        {
          config: { op: 'posts.update' },
          schema: { tags, params: IdParams, body: PostUpdate, response: { 200: Post } },
        },
        async (request) =>
          app.db.withWard(request.session.wardId, (db) =>
            service.updatePost(db, request.session, request.params.id, request.body, linkBase),
          ),
      );

      app.delete(
        '/api/posts/:id',
        {
          config: { op: 'posts.archive' },
          schema: { tags, params: IdParams, response: { 200: Ok } },
        },
        async (request) => {
          await app.db.withWard(request.session.wardId, (db) =>
            service.archivePost(db, request.session, request.params.id),
          );
          return { ok: true };
        },
      );

      app.get(
        '/api/posts/:id/schedules',
        {
          config: { op: 'schedules.list' },
          schema: { tags, params: IdParams, response: { 200: ScheduleList } },
        },
        async (request) => ({
          schedules: await app.db.withWard(request.session.wardId, async (db) => {
            await service.assertPostExists(db, request.params.id);
            return schedulesSql.listSchedules(db, request.params.id);
          }),
        }),
      );

      app.post(
        '/api/posts/:id/schedules',
        {
          config: { op: 'schedules.create' },
          schema: { tags, params: IdParams, body: ScheduleInput, response: { 201: Created } },
        },
        async (request, reply) => {
          const id = await app.db.withWard(request.session.wardId, (db) =>
            schedules.createSchedule(db, request.session, request.params.id, request.body, new Date()),
          );
          return reply.code(201).send({ id });
        },
      );

      app.patch(
        '/api/schedules/:id',
        {
          config: { op: 'schedules.setStatus' },
          schema: { tags, params: IdParams, body: ScheduleStatusInput, response: { 200: Ok } },
        },
        async (request) => {
          const { session } = request;
          await app.db.withWard(session.wardId, (db) =>
            schedules.setScheduleStatus(db, session, request.params.id, request.body.status, new Date()),
          );
          return { ok: true };
        },
      );

      app.patch(
        '/api/occurrences/:id',
        {
          config: { op: 'occurrences.update' },
          schema: { tags, params: IdParams, body: OccurrenceUpdate, response: { 200: Ok } },
        },
        async (request) => {
          const { session } = request;
          await app.db.withWard(session.wardId, (db) =>
            schedules.editOccurrence(db, session, request.params.id, request.body, new Date(), linkBase),
          );
          return { ok: true };
        },
      );

      app.get(
        '/api/zalo-groups',
        {
          config: { op: 'groups.list' },
          schema: { tags, response: { 200: GroupOptionList } },
        },
        async (request) => ({
          groups: await app.db.withWard(request.session.wardId, (db) => sql.listGroups(db)),
        }),
      );
    }),
  );

  await app.register(
    routeGroup('leaders', async (app) => {
      app.post(
        '/api/posts/:id/approve',
        {
          config: { op: 'posts.approve' },
          schema: { tags, params: IdParams, body: ApproveInput, response: { 200: Post } },
        },
        async (request) => {
          const { wardId, memberId } = request.session;
          const post = await app.db.withWard(wardId, (db) =>
            service.approve(db, request.params.id, request.body.version, memberId, wardId),
          );
          return service.withPreview(post, linkBase);
        },
      );
    }),
  );
};

export default postRoutes;
