/**
 * Staff side of tasks: create tasks in a campaign, assign them, watch the board and urge late teams.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  AssignReply,
  AssignTargets,
  Board,
  ErrorBody,
  IdParams,
  Task,
  TaskInput,
  TaskList,
  UrgeReply,
} from '@loa/shared';
import { getCampaign } from '../campaigns/service.js';
import { AppError } from '../errors.js';
import { loadBoard } from './board-sql.js';
import { assignTask, createTask, urge, urgeOne } from './service.js';
import { listTasks } from './sql.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const security = [{ session: [] }];
const campaignNotFound = () => new AppError('NOT_FOUND', 'Không tìm thấy kế hoạch này. Có thể nó đã bị xóa.');

const taskRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const readers = [app.authenticate, app.requireRole('admin', 'staff', 'leader')];
  const writers = [app.authenticate, app.requireRole('admin', 'staff')];

  app.get(
    '/api/campaigns/:id/tasks',
    {
      onRequest: readers,
      config: { op: 'tasks.list' },
      schema: {
        tags: ['tasks'],
        summary: 'Nhiệm vụ của kế hoạch',
        security,
        params: IdParams,
        response: { 200: TaskList, ...errors },
      },
    },
    async (request) =>
      app.db.withWard(request.session.wardId, async (db) => {
        await getCampaign(db, request.params.id);
        return { tasks: await listTasks(db, request.params.id) };
      }),
  );

  app.post(
    '/api/campaigns/:id/tasks',
    {
      onRequest: writers,
      config: { op: 'tasks.create' },
      schema: {
        tags: ['tasks'],
        summary: 'Thêm nhiệm vụ (và giao ngay nếu có "assign")',
        security,
        params: IdParams,
        body: TaskInput,
        response: { 201: Task, ...errors },
      },
    },
    async (request, reply) => {
      const task = await app.db.withWard(request.session.wardId, (db) =>
        createTask(db, request.session, request.params.id, request.body),
      );
      return reply.status(201).send(task);
    },
  );

  app.post(
    '/api/tasks/:id/assignments',
    {
      onRequest: writers,
      config: { op: 'tasks.assign' },
      schema: {
        tags: ['tasks'],
        summary: 'Giao nhiệm vụ cho một, nhiều đơn vị hoặc tất cả các tổ',
        security,
        params: IdParams,
        body: AssignTargets,
        response: { 200: AssignReply, ...errors },
      },
    },
    async (request) =>
      app.db.withWard(request.session.wardId, (db) =>
        assignTask(db, request.session, request.params.id, request.body),
      ),
  );

  app.get(
    '/api/campaigns/:id/board',
    {
      onRequest: readers,
      config: { op: 'tasks.board' },
      schema: {
        tags: ['tasks'],
        summary: 'Bảng tiến độ: các tổ × nhiệm vụ',
        security,
        params: IdParams,
        response: { 200: Board, ...errors },
      },
    },
    async (request) => {
      const board = await app.db.withWard(request.session.wardId, (db) => loadBoard(db, request.params.id));
      if (!board) throw campaignNotFound();
      return board;
    },
  );

  app.post(
    '/api/assignments/:id/urge',
    {
      onRequest: writers,
      config: { op: 'assignments.urge' },
      schema: {
        tags: ['tasks'],
        summary: 'Nhắc một tổ chưa hoàn thành',
        security,
        params: IdParams,
        response: { 200: UrgeReply, ...errors },
      },
    },
    async (request) =>
      app.db.withWard(request.session.wardId, (db) =>
        urgeOne(db, app.notifier, request.session, request.params.id),
      ),
  );

  app.post(
    '/api/campaigns/:id/urge-late',
    {
      onRequest: writers,
      config: { op: 'campaigns.urgeLate' },
      schema: {
        tags: ['tasks'],
        summary: 'Nhắc tất cả các tổ trễ hạn',
        security,
        params: IdParams,
        response: { 200: UrgeReply, ...errors },
      },
    },
    async (request) =>
      app.db.withWard(request.session.wardId, async (db) => {
        await getCampaign(db, request.params.id);
        return urge(db, app.notifier, request.session, { campaignId: request.params.id });
      }),
  );
};

export default taskRoutes;
