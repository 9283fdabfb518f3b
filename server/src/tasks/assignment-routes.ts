/**
 * A unit's side: my unit's assignments, acknowledge (idempotent, batched per ward), mark done. Teams
 * and office units alike: the UBND office hangs its own banner as a khu phố team shares its posts, so
 * every member acts on their own unit's assignments only. Staff and leaders may open any assignment of
 * their ward (the board's cells link here).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AckReply, Assignment, AssignmentList, DoneInput, IdParams, isTeamRole } from '@loa/shared';
import { AppError } from '../errors.js';
import { routeGroup } from '../http/access.js';
import { applicationRoleStatement } from '../plugins/db.js';
import { createAckBatcher } from './ack-batcher.js';
import { completeAssignment } from './service.js';
import { findAssignment, listUnitAssignments } from './sql.js';

const notFound = () => new AppError('NOT_FOUND', 'Không tìm thấy nhiệm vụ này. Có thể nó đã bị xóa.');

const assignmentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const acknowledge = createAckBatcher(app.db.pool, await applicationRoleStatement(app.db.pool));

  await app.register(
    routeGroup('members', async (app) => {
      app.get(
        '/api/me/assignments',
        {
          config: { op: 'assignments.mine' },
          schema: {
            tags: ['assignments'],
            response: { 200: AssignmentList },
          },
        },
        async (request) => {
          const { unitId, wardId } = request.session;
          if (!unitId) return { assignments: [] };
          return { assignments: await app.db.withWard(wardId, (db) => listUnitAssignments(db, unitId)) };
        },
      );

      app.post(
        '/api/assignments/:id/ack',
        {
          config: { op: 'assignments.ack' },
          schema: {
            tags: ['assignments'],
            params: IdParams,
            response: { 200: AckReply },
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
          if (result.cancelled) throw new AppError('TASK_CANCELLED');
          return { id: result.id, status: result.status, acknowledgedAt: result.acknowledgedAt };
        },
      );

      app.post(
        '/api/assignments/:id/done',
        {
          config: { op: 'assignments.done' },
          schema: {
            tags: ['assignments'],
            params: IdParams,
            body: DoneInput,
            response: { 200: Assignment },
          },
        },
        async (request) =>
          app.db.withWard(request.session.wardId, async (db) => {
            await completeAssignment(db, request.session, request.params.id, request.body);
            return (await findAssignment(db, request.params.id))!;
          }),
      );
    }),
  );

  await app.register(
    routeGroup('members', async (app) => {
      app.get(
        '/api/assignments/:id',
        {
          config: { op: 'assignments.get' },
          schema: {
            tags: ['assignments'],
            params: IdParams,
            response: { 200: Assignment },
          },
        },
        async (request) => {
          const { session } = request;
          const assignment = await app.db.withWard(session.wardId, (db) =>
            findAssignment(db, request.params.id),
          );
          if (!assignment) throw notFound();
          const isTeam = isTeamRole(session.role);
          if (isTeam && assignment.unitId !== session.unitId) throw new AppError('ASSIGNMENT_OTHER_TEAM');
          return assignment;
        },
      );
    }),
  );
};

export default assignmentRoutes;
