/** Members of the ward: list, add, edit, deactivate, import a list (.xlsx/.csv) and export it. */
import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox';
import {
  ErrorBody,
  IdParams,
  Member,
  MemberExportQuery,
  MemberFields,
  MemberImportBody,
  MemberImportReply,
  MemberList,
  MemberPatch,
} from '@loa/shared';
import { routeGroup } from '../http/access.js';
import { addMember, editMember, exportMembers, importMembers } from './members-service.js';
import { listMembers } from './members-sql.js';

/** The ward office reads (admin, staff, leaders). */
const reads: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/ward/members',
    {
      config: { op: 'members.list' },
      schema: {
        tags: ['wards'],
        response: { 200: MemberList },
      },
    },
    async (request) => ({ members: await app.db.withWard(request.session.wardId, (db) => listMembers(db)) }),
  );

  app.get(
    '/api/ward/members/export',
    {
      config: { op: 'members.export' },
      schema: {
        tags: ['wards'],
        querystring: MemberExportQuery,
        response: {
          200: Type.Unsafe<Buffer | string>({
            type: 'string',
            format: 'binary',
            description: 'Tệp .xlsx/.csv',
          }),
        },
      },
    },
    async (request, reply) => {
      const { format } = request.query;
      const file = await app.db.withWard(request.session.wardId, (db) =>
        exportMembers(db, request.session, format),
      );
      if (format === 'csv')
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="thanh-vien.csv"')
          .send(file);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', 'attachment; filename="thanh-vien.xlsx"')
        .send(file);
    },
  );
};

/** Admin and staff write. */
const writes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/ward/members',
    {
      config: { op: 'members.create' },
      schema: {
        tags: ['wards'],
        body: MemberFields,
        response: { 201: Member },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await app.db.withWard(request.session.wardId, (db) => addMember(db, request.session, request.body)),
        ),
  );

  app.patch(
    '/api/ward/members/:id',
    {
      config: { op: 'members.update' },
      schema: {
        tags: ['wards'],
        params: IdParams,
        body: MemberPatch,
        response: { 200: Member },
      },
    },
    async (request) => {
      const member = await app.db.withWard(request.session.wardId, (db) =>
        editMember(db, request.session, request.params.id, request.body),
      );
      // After the commit: their next request reads the new row (a changed role or team ends the session).
      app.sessionRechecks.forgetMember(request.params.id);
      return member;
    },
  );

  app.post(
    '/api/ward/members/import',
    {
      bodyLimit: 3 * 1024 * 1024,
      config: { op: 'members.import' },
      schema: {
        tags: ['wards'],
        body: MemberImportBody,
        response: { 200: MemberImportReply, 422: ErrorBody },
      },
    },
    async (request) => {
      const reply = await app.db.withWard(request.session.wardId, (db) =>
        importMembers(db, request.session, request.body),
      );
      if (reply.saved) app.sessionRechecks.forgetAll();
      return reply;
    },
  );
};

// Summaries, security and error answers come from the route kit (http/).
const memberRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(routeGroup('office', reads));
  await app.register(routeGroup('officeWriters', writes));
};

export default memberRoutes;
