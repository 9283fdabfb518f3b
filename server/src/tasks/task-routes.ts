/**
 * Staff side of tasks: create, edit, cancel or delete tasks in a campaign, assign them, watch the
 * board and urge late units.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  AssignReply,
  AssignTargets,
  Board,
  IdParams,
  Task,
  TaskCancelInput,
  TaskInput,
  TaskList,
  TaskPatch,
  UrgeReply,
} from '@loa/shared';
import { Type } from '@sinclair/typebox';
import { getCampaign } from '../campaigns/service.js';
import { AppError } from '../errors.js';
import { routeGroup } from '../http/access.js';
import { loadBoard } from './board-sql.js';
import { cancelTask, deleteTask, editTask } from './edit-service.js';
import { assignTask, createTask, urge, urgeOne } from './service.js';
import { listTasks } from './sql.js';

const campaignNotFound = () => new AppError('NOT_FOUND', 'Không tìm thấy kế hoạch này. Có thể nó đã bị xóa.');

const taskRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(
    routeGroup('office', async (app) => {
      app.get(
        '/api/campaigns/:id/tasks',
        {
          config: { op: 'tasks.list' },
          schema: {
            tags: ['tasks'],
            params: IdParams,
            response: { 200: TaskList },
          },
        },
        async (request) =>
          app.db.withWard(request.session.wardId, async (db) => {
            await getCampaign(db, request.params.id);
            return { tasks: await listTasks(db, request.params.id) };
          }),
      );

      app.get(
        '/api/campaigns/:id/board',
        {
          config: { op: 'tasks.board' },
          schema: {
            tags: ['tasks'],
            params: IdParams,
            response: { 200: Board },
          },
        },
        async (request) => {
          const board = await app.db.withWard(request.session.wardId, (db) =>
            loadBoard(db, request.params.id),
          );
          if (!board) throw campaignNotFound();
          return board;
        },
      );
    }),
  );

  await app.register(
    routeGroup('officeWriters', async (app) => {
      app.post(
        '/api/campaigns/:id/tasks',
        {
          config: { op: 'tasks.create' },
          schema: {
            tags: ['tasks'],
            params: IdParams,
            body: TaskInput,
            response: { 201: Task },
          },
        },
        async (request, reply) => {
          const task = await app.db.withWard(request.session.wardId, (db) =>
            createTask(db, request.session, request.params.id, request.body),
          );
          return reply.status(201).send(task);
        },
      );

      app.patch(
        '/api/tasks/:id',
        {
          config: { op: 'tasks.update' },
          schema: { tags: ['tasks'], params: IdParams, body: TaskPatch, response: { 200: Task } },
        },
        async (request) =>
          app.db.withWard(request.session.wardId, (db) =>
            editTask(db, request.session, request.params.id, request.body),
          ),
      );

      app.post(
        '/api/tasks/:id/cancel',
        {
          config: { op: 'tasks.cancel' },
          schema: { tags: ['tasks'], params: IdParams, body: TaskCancelInput, response: { 200: Task } },
        },
        async (request) =>
          app.db.withWard(request.session.wardId, (db) =>
            cancelTask(db, request.session, request.params.id, request.body.reason),
          ),
      );

      app.delete(
        '/api/tasks/:id',
        {
          config: { op: 'tasks.delete' },
          schema: { tags: ['tasks'], params: IdParams, response: { 204: Type.Null() } },
        },
        async (request, reply) => {
          await app.db.withWard(request.session.wardId, (db) =>
            deleteTask(db, request.session, request.params.id),
          );
          return reply.status(204).send(null);
        },
      );

      app.post(
        '/api/tasks/:id/assignments',
        {
          config: { op: 'tasks.assign' },
          schema: {
            tags: ['tasks'],
            params: IdParams,
            body: AssignTargets,
            response: { 200: AssignReply },
          },
        },
        async (request) =>
          app.db.withWard(request.session.wardId, (db) =>
            assignTask(db, request.session, request.params.id, request.body),
          ),
      );

      app.post(
        '/api/assignments/:id/urge',
        {
          config: { op: 'assignments.urge' },
          schema: {
            tags: ['tasks'],
            params: IdParams,
            response: { 200: UrgeReply },
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
          config: { op: 'campaigns.urgeLate' },
          schema: {
            tags: ['tasks'],
            params: IdParams,
            response: { 200: UrgeReply },
          },
        },
        async (request) =>
          app.db.withWard(request.session.wardId, async (db) => {
            await getCampaign(db, request.params.id);
            return urge(db, app.notifier, request.session, { campaignId: request.params.id });
          }),
      );
    }),
  );
};

export default taskRoutes;
