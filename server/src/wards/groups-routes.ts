/** Zalo groups of the ward: list with last delivery, the OA's groups from Zalo, register, edit. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ErrorBody,
  GroupFields,
  GroupPatch,
  IdParams,
  OaGroupList,
  SetupGroup,
  SetupGroupList,
} from '@loa/shared';
import { editGroup, fetchOaGroups, markRegistered, registerGroup } from './groups-service.js';
import { listGroups } from './groups-sql.js';
import { errors, security } from './route-common.js';

const groupRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const readers = [app.authenticate, app.requireRole('admin', 'staff', 'leader')];
  const writers = [app.authenticate, app.requireRole('admin', 'staff')];

  app.get(
    '/api/ward/groups',
    {
      onRequest: readers,
      config: { op: 'groups.setup_list' },
      schema: {
        tags: ['wards'],
        summary: 'Nhóm Zalo của các khu phố, với lần gửi gần nhất',
        security,
        response: { 200: SetupGroupList, ...errors },
      },
    },
    async (request) => ({ groups: await app.db.withWard(request.session.wardId, (db) => listGroups(db)) }),
  );

  app.get(
    '/api/ward/groups/zalo',
    {
      onRequest: writers,
      config: { op: 'groups.fetch_oa' },
      schema: {
        tags: ['wards'],
        summary: 'Lấy các nhóm của OA từ Zalo (getgroupsofoa), đánh dấu nhóm đã đăng ký',
        security,
        response: { 200: OaGroupList, 503: ErrorBody, ...errors },
      },
    },
    async (request) => {
      const groups = await fetchOaGroups(app);
      return app.db.withWard(request.session.wardId, (db) => markRegistered(db, groups));
    },
  );

  app.post(
    '/api/ward/groups',
    {
      onRequest: writers,
      config: { op: 'groups.create' },
      schema: {
        tags: ['wards'],
        summary: 'Đăng ký nhóm: nhóm OA (oa_group) hoặc nhóm khu phố do tổ chia sẻ (team_share)',
        security,
        body: GroupFields,
        response: { 201: SetupGroup, 503: ErrorBody, ...errors },
      },
    },
    async (request, reply) => {
      const oaGroupIds =
        request.body.deliveryMode === 'oa_group' && request.body.zaloGroupId
          ? new Set((await fetchOaGroups(app)).map((group) => group.zaloGroupId))
          : undefined;
      const group = await app.db.withWard(request.session.wardId, (db) =>
        registerGroup(db, request.session, request.body, oaGroupIds),
      );
      return reply.status(201).send(group);
    },
  );

  app.patch(
    '/api/ward/groups/:id',
    {
      onRequest: writers,
      config: { op: 'groups.update' },
      schema: {
        tags: ['wards'],
        summary: 'Đổi tên, tổ phụ trách hoặc tắt/bật nhóm',
        security,
        params: IdParams,
        body: GroupPatch,
        response: { 200: SetupGroup, ...errors },
      },
    },
    async (request) =>
      app.db.withWard(request.session.wardId, (db) =>
        editGroup(db, request.session, request.params.id, request.body),
      ),
  );
};

export default groupRoutes;
