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
import { routeGroup } from '../http/access.js';
import { editGroup, fetchOaGroups, markRegistered, registerGroup } from './groups-service.js';
import { listGroups } from './groups-sql.js';

/** The ward office reads (admin, staff, leaders). */
const reads: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/ward/groups',
    {
      config: { op: 'groups.setup_list' },
      schema: {
        tags: ['wards'],
        response: { 200: SetupGroupList },
      },
    },
    async (request) => ({ groups: await app.db.withWard(request.session.wardId, (db) => listGroups(db)) }),
  );
};

/** Admin and staff write. */
const writes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/ward/groups/zalo',
    {
      config: { op: 'groups.fetch_oa' },
      schema: {
        tags: ['wards'],
        response: { 200: OaGroupList, 409: ErrorBody, 503: ErrorBody },
      },
    },
    async (request) => {
      const groups = await fetchOaGroups(app, request.session.wardId);
      return app.db.withWard(request.session.wardId, (db) => markRegistered(db, groups));
    },
  );

  app.post(
    '/api/ward/groups',
    {
      config: { op: 'groups.create' },
      schema: {
        tags: ['wards'],
        body: GroupFields,
        response: { 201: SetupGroup, 503: ErrorBody },
      },
    },
    async (request, reply) => {
      // An OA group must be one of the ward's own OA's groups (a ward without a connected OA: 409).
      const oaGroupIds =
        request.body.deliveryMode === 'oa_group' && request.body.zaloGroupId
          ? new Set((await fetchOaGroups(app, request.session.wardId)).map((group) => group.zaloGroupId))
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
      config: { op: 'groups.update' },
      schema: {
        tags: ['wards'],
        params: IdParams,
        body: GroupPatch,
        response: { 200: SetupGroup },
      },
    },
    async (request) =>
      app.db.withWard(request.session.wardId, (db) =>
        editGroup(db, request.session, request.params.id, request.body),
      ),
  );
};

// Summaries, security and error answers come from the route kit (http/).
const groupRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(routeGroup('office', reads));
  await app.register(routeGroup('officeWriters', writes));
};

export default groupRoutes;
