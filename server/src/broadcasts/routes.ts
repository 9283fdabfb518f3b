/**
 * Posts, schedules and the delivery ledger over HTTP. Staff and leaders write and schedule posts, a
 * leader who is not the author approves, teams see and confirm their share tasks.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ApproveInput,
  DeliveryList,
  ErrorBody,
  GroupOptionList,
  IdParams,
  LoudspeakerDoneInput,
  NotificationIssueList,
  OccurrenceUpdate,
  Post,
  PostInput,
  PostList,
  PostListQuery,
  PostUpdate,
  ScheduleInput,
  ScheduleList,
  ScheduleStatusInput,
  ShareTaskList,
} from '@loa/shared';
import { Type } from '@sinclair/typebox';
import { AppError } from '../errors.js';
import { listGroups, listNotificationIssues, listPostDeliveries, listShareTasks } from './deliveries-sql.js';
import * as service from './service.js';
import * as sql from './sql.js';
import { completeDelivery } from './team-tasks.js';

const Ok = Type.Object({ ok: Type.Boolean() });
const Created = Type.Object({ id: Type.String() });
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const notFound = () => new AppError('NOT_FOUND', 'Không tìm thấy bài đăng này.');

const broadcastRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const linkBase = app.config.miniAppLinkBase;
  const office = { onRequest: [app.authenticate, app.requireRole('admin', 'staff', 'leader')] };
  const tags = ['posts'];

  app.get(
    '/api/posts',
    {
      ...office,
      config: { op: 'posts.list' },
      schema: { tags, querystring: PostListQuery, response: { 200: PostList, ...errors } },
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
      ...office,
      config: { op: 'posts.get' },
      schema: { tags, params: IdParams, response: { 200: Post, ...errors } },
    },
    async (request) => {
      const post = await app.db.withWard(request.session.wardId, (db) => sql.findPost(db, request.params.id));
      if (!post) throw notFound();
      return service.withPreview(post, linkBase);
    },
  );

  app.post(
    '/api/posts',
    {
      ...office,
      config: { op: 'posts.create' },
      schema: { tags, body: PostInput, response: { 201: Post, ...errors } },
    },
    async (request, reply) => {
      const { wardId, memberId } = request.session;
      const input = request.body;
      const body = service.checkedBody(input.body, input.linkPath ?? null, linkBase);
      const post = await app.db.withWard(wardId, async (db) => {
        if (!(await sql.findCampaignWindow(db, input.campaignId)))
          throw new AppError('NOT_FOUND', 'Không tìm thấy kế hoạch này.');
        const id = await sql.insertPost(db, {
          wardId,
          campaignId: input.campaignId,
          body,
          imageSha256: input.imageSha256 ?? null,
          linkPath: input.linkPath ?? null,
          createdBy: memberId ?? null,
        });
        return sql.findPost(db, id);
      });
      return reply.code(201).send(service.withPreview(post!, linkBase));
    },
  );

  app.patch(
    '/api/posts/:id',
    {
      ...office,
      config: { op: 'posts.update' },
      schema: { tags, params: IdParams, body: PostUpdate, response: { 200: Post, ...errors } },
    },
    async (request) => {
      const post = await app.db.withWard(request.session.wardId, async (db) => {
        const current = await sql.findPost(db, request.params.id, true);
        if (!current) throw notFound();
        if (current.status === 'archived') throw new AppError('POST_NOT_EDITABLE');
        const linkPath = request.body.linkPath === undefined ? current.linkPath : request.body.linkPath;
        const body = service.checkedBody(request.body.body ?? current.body, linkPath, linkBase);
        const imageSha256 =
          request.body.imageSha256 === undefined ? current.imageSha256 : request.body.imageSha256;
        if (!(await sql.updatePost(db, current.id, request.body.version, { body, imageSha256, linkPath })))
          throw new AppError('CONFLICT');
        return sql.findPost(db, current.id);
      });
      return service.withPreview(post!, linkBase);
    },
  );

  app.delete(
    '/api/posts/:id',
    {
      ...office,
      config: { op: 'posts.archive' },
      schema: { tags, params: IdParams, response: { 200: Ok, ...errors } },
    },
    async (request) => {
      const archived = await app.db.withWard(request.session.wardId, (db) =>
        sql.archivePost(db, request.params.id),
      );
      if (!archived) throw notFound();
      return { ok: true };
    },
  );

  app.post(
    '/api/posts/:id/approve',
    {
      onRequest: [app.authenticate, app.requireRole('leader')],
      config: { op: 'posts.approve' },
      schema: { tags, params: IdParams, body: ApproveInput, response: { 200: Post, ...errors } },
    },
    async (request) => {
      const { wardId, memberId } = request.session;
      const post = await app.db.withWard(wardId, (db) =>
        service.approve(db, request.params.id, request.body.version, memberId),
      );
      return service.withPreview(post, linkBase);
    },
  );

  app.get(
    '/api/posts/:id/schedules',
    {
      ...office,
      config: { op: 'schedules.list' },
      schema: { tags, params: IdParams, response: { 200: ScheduleList, ...errors } },
    },
    async (request) => ({
      schedules: await app.db.withWard(request.session.wardId, async (db) => {
        await service.assertPostExists(db, request.params.id);
        return sql.listSchedules(db, request.params.id);
      }),
    }),
  );

  app.post(
    '/api/posts/:id/schedules',
    {
      ...office,
      config: { op: 'schedules.create' },
      schema: { tags, params: IdParams, body: ScheduleInput, response: { 201: Created, ...errors } },
    },
    async (request, reply) => {
      const id = await app.db.withWard(request.session.wardId, (db) =>
        service.createSchedule(db, request.session, request.params.id, request.body, new Date()),
      );
      return reply.code(201).send({ id });
    },
  );

  app.patch(
    '/api/schedules/:id',
    {
      ...office,
      config: { op: 'schedules.setStatus' },
      schema: { tags, params: IdParams, body: ScheduleStatusInput, response: { 200: Ok, ...errors } },
    },
    async (request) => {
      const changed = await app.db.withWard(request.session.wardId, (db) =>
        sql.setScheduleStatus(db, request.params.id, request.body.status, new Date()),
      );
      if (!changed) throw new AppError('NOT_FOUND', 'Không tìm thấy lịch gửi này, hoặc lịch đã hủy.');
      return { ok: true };
    },
  );

  app.patch(
    '/api/occurrences/:id',
    {
      ...office,
      config: { op: 'occurrences.update' },
      schema: { tags, params: IdParams, body: OccurrenceUpdate, response: { 200: Ok, ...errors } },
    },
    async (request) => {
      await app.db.withWard(request.session.wardId, (db) =>
        service.editOccurrence(db, request.params.id, request.body, new Date(), linkBase),
      );
      return { ok: true };
    },
  );

  app.get(
    '/api/posts/:id/deliveries',
    {
      ...office,
      config: { op: 'deliveries.list' },
      schema: { tags, params: IdParams, response: { 200: DeliveryList, ...errors } },
    },
    async (request) => ({
      deliveries: await app.db.withWard(request.session.wardId, async (db) => {
        await service.assertPostExists(db, request.params.id);
        return listPostDeliveries(db, request.params.id);
      }),
    }),
  );

  app.get(
    '/api/zalo-groups',
    {
      ...office,
      config: { op: 'groups.list' },
      schema: { tags, response: { 200: GroupOptionList, ...errors } },
    },
    async (request) => ({
      groups: await app.db.withWard(request.session.wardId, (db) => listGroups(db)),
    }),
  );

  app.get(
    '/api/notifications/issues',
    {
      ...office,
      config: { op: 'notifications.issues' },
      schema: { tags, response: { 200: NotificationIssueList, ...errors } },
    },
    async (request) => ({
      notifications: await app.db.withWard(request.session.wardId, (db) => listNotificationIssues(db)),
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
      await completeDelivery(app, request.session, request.params.id, 'team_share', null);
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
        app,
        request.session,
        request.params.id,
        'loudspeaker',
        request.body.broadcastCount,
      );
      return { ok: true };
    },
  );
};

export default broadcastRoutes;
