/**
 * Team side: my team's assignments, acknowledge (idempotent, batched per ward), mark done. Staff and
 * leaders may open any assignment of their ward (the board's cells link here).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  AckReply,
  Assignment,
  AssignmentList,
  DoneInput,
  ErrorBody,
  IdParams,
  isTeamRole,
  TEAM_ROLES,
} from '@loa/shared';
import { AppError } from '../errors.js';
import { applicationRoleStatement } from '../plugins/db.js';
import { createAckBatcher } from './ack-batcher.js';
import { completeAssignment } from './service.js';
import { findAssignment, listUnitAssignments } from './sql.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const security = [{ session: [] }];
const notFound = () => new AppError('NOT_FOUND', 'Không tìm thấy nhiệm vụ này. Có thể nó đã bị xóa.');

const assignmentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const team = [app.authenticate, app.requireRole(...TEAM_ROLES)];
  const acknowledge = createAckBatcher(app.db.pool, await applicationRoleStatement(app.db.pool));

  app.get(
    '/api/me/assignments',
    {
      onRequest: team,
      config: { op: 'assignments.mine' },
      schema: {
        tags: ['assignments'],
        summary: 'Nhiệm vụ của tổ tôi',
        security,
        response: { 200: AssignmentList, ...errors },
      },
    },
    async (request) => {
      const { unitId, wardId } = request.session;
      if (!unitId) return { assignments: [] };
      return { assignments: await app.db.withWard(wardId, (db) => listUnitAssignments(db, unitId)) };
    },
  );

  app.get(
    '/api/assignments/:id',
    {
      onRequest: [app.authenticate, app.requireRole('admin', 'staff', 'leader', ...TEAM_ROLES)],
      config: { op: 'assignments.get' },
      schema: {
        tags: ['assignments'],
        summary: 'Chi tiết một nhiệm vụ được giao',
        security,
        params: IdParams,
        response: { 200: Assignment, ...errors },
      },
    },
    async (request) => {
      const { session } = request;
      const assignment = await app.db.withWard(session.wardId, (db) => findAssignment(db, request.params.id));
      if (!assignment) throw notFound();
      const isTeam = isTeamRole(session.role);
      if (isTeam && assignment.unitId !== session.unitId) throw new AppError('ASSIGNMENT_OTHER_TEAM');
      return assignment;
    },
  );

  app.post(
    '/api/assignments/:id/ack',
    {
      onRequest: team,
      config: { op: 'assignments.ack' },
      schema: {
        tags: ['assignments'],
        summary: 'Xác nhận đã nhận nhiệm vụ (gọi lại không sao)',
        security,
        params: IdParams,
        response: { 200: AckReply, ...errors },
      },
    },
    async (request) => {
      const { session } = request;
      const result = await acknowledge({
        wardId: session.wardId,
        id: request.params.id,
        memberId: session.memberId,
        unitId: session.unitId,
      });
      if (!result) throw notFound();
      if (result.unitId !== session.unitId) throw new AppError('ASSIGNMENT_OTHER_TEAM');
      return { id: result.id, status: result.status, acknowledgedAt: result.acknowledgedAt };
    },
  );

  app.post(
    '/api/assignments/:id/done',
    {
      onRequest: team,
      config: { op: 'assignments.done' },
      schema: {
        tags: ['assignments'],
        summary: 'Báo cáo hoàn thành, kèm ghi chú hoặc con số (ví dụ số lần phát thanh)',
        security,
        params: IdParams,
        body: DoneInput,
        response: { 200: Assignment, ...errors },
      },
    },
    async (request) =>
      app.db.withWard(request.session.wardId, async (db) => {
        await completeAssignment(db, request.session, request.params.id, request.body);
        return (await findAssignment(db, request.params.id))!;
      }),
  );
};

export default assignmentRoutes;
