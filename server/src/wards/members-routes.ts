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
import { membersCsv, membersWorkbook } from './member-list.js';
import { addMember, editMember, importMembers } from './members-service.js';
import { listMembers } from './members-sql.js';
import { errors, security } from './route-common.js';

const memberRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const readers = [app.authenticate, app.requireRole('admin', 'staff', 'leader')];
  const writers = [app.authenticate, app.requireRole('admin', 'staff')];

  app.get(
    '/api/ward/members',
    {
      onRequest: readers,
      config: { op: 'members.list' },
      schema: {
        tags: ['wards'],
        summary: 'Thành viên của phường',
        security,
        response: { 200: MemberList, ...errors },
      },
    },
    async (request) => ({ members: await app.db.withWard(request.session.wardId, (db) => listMembers(db)) }),
  );

  app.post(
    '/api/ward/members',
    {
      onRequest: writers,
      config: { op: 'members.create' },
      schema: {
        tags: ['wards'],
        summary: 'Thêm thành viên',
        security,
        body: MemberFields,
        response: { 201: Member, ...errors },
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
      onRequest: writers,
      config: { op: 'members.update' },
      schema: {
        tags: ['wards'],
        summary: 'Sửa thành viên, hoặc khóa (active: false) — người bị khóa mất quyền truy cập ngay',
        security,
        params: IdParams,
        body: MemberPatch,
        response: { 200: Member, ...errors },
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
      onRequest: writers,
      bodyLimit: 3 * 1024 * 1024,
      config: { op: 'members.import' },
      schema: {
        tags: ['wards'],
        summary:
          'Nhập danh sách thành viên từ .xlsx/.csv (Họ tên, Số điện thoại, Vai trò, Tổ/đơn vị): xem trước, rồi lưu khi không còn dòng lỗi',
        security,
        body: MemberImportBody,
        response: { 200: MemberImportReply, 422: ErrorBody, ...errors },
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

  app.get(
    '/api/ward/members/export',
    {
      onRequest: readers,
      config: { op: 'members.export' },
      schema: {
        tags: ['wards'],
        summary: 'Tải danh sách thành viên (.xlsx hoặc .csv, cùng cột với tệp nhập)',
        security,
        querystring: MemberExportQuery,
        response: {
          200: Type.Unsafe<Buffer | string>({
            type: 'string',
            format: 'binary',
            description: 'Tệp .xlsx/.csv',
          }),
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const members = await app.db.withWard(request.session.wardId, (db) => listMembers(db));
      if (request.query.format === 'csv')
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="thanh-vien.csv"')
          .send(membersCsv(members));
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', 'attachment; filename="thanh-vien.xlsx"')
        .send(await membersWorkbook(members));
    },
  );
};

export default memberRoutes;
