/**
 * Setting a ward up in the app: the ward itself, its places and its units. Admin and staff write,
 * leaders read. Members and Zalo groups are registered from members-routes.ts and groups-routes.ts.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  IdParams,
  Place,
  PlaceFields,
  PlaceList,
  PlacePatch,
  SetupUnit,
  SetupUnitFields,
  SetupUnitList,
  SetupUnitPatch,
  WardSettings,
  WardSettingsPatch,
} from '@loa/shared';
import groupRoutes from './groups-routes.js';
import inviteRoutes from './invite-routes.js';
import memberRoutes from './members-routes.js';
import { errors, security } from './route-common.js';
import { createPlace, createUnit, editPlace, editUnit, editWard, getWard, listPlaces } from './service.js';
import { listSetupUnits } from './sql.js';

const wardRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const readers = [app.authenticate, app.requireRole('admin', 'staff', 'leader')];
  const writers = [app.authenticate, app.requireRole('admin', 'staff')];
  const inWard = <T>(wardId: string, work: Parameters<typeof app.db.withWard<T>>[1]) =>
    app.db.withWard(wardId, work);

  app.get(
    '/api/ward',
    {
      onRequest: readers,
      config: { op: 'wards.get' },
      schema: {
        tags: ['wards'],
        summary: 'Thông tin phường',
        security,
        response: { 200: WardSettings, ...errors },
      },
    },
    async (request) => inWard(request.session.wardId, (db) => getWard(db, request.session.wardId)),
  );

  app.patch(
    '/api/ward',
    {
      onRequest: writers,
      config: { op: 'wards.update' },
      schema: {
        tags: ['wards'],
        summary: 'Sửa thông tin phường (tên, OA, vùng kiểm tra vị trí)',
        security,
        body: WardSettingsPatch,
        response: { 200: WardSettings, ...errors },
      },
    },
    async (request) => inWard(request.session.wardId, (db) => editWard(db, request.session, request.body)),
  );

  app.get(
    '/api/ward/places',
    {
      onRequest: readers,
      config: { op: 'places.list' },
      schema: {
        tags: ['wards'],
        summary: 'Địa điểm treo băng rôn, chụp ảnh',
        security,
        response: { 200: PlaceList, ...errors },
      },
    },
    async (request) => ({ places: await inWard(request.session.wardId, (db) => listPlaces(db)) }),
  );

  app.post(
    '/api/ward/places',
    {
      onRequest: writers,
      config: { op: 'places.create' },
      schema: {
        tags: ['wards'],
        summary: 'Thêm địa điểm',
        security,
        body: PlaceFields,
        response: { 201: Place, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await inWard(request.session.wardId, (db) => createPlace(db, request.session, request.body))),
  );

  app.patch(
    '/api/ward/places/:id',
    {
      onRequest: writers,
      config: { op: 'places.update' },
      schema: {
        tags: ['wards'],
        summary: 'Sửa hoặc ngừng dùng địa điểm',
        security,
        params: IdParams,
        body: PlacePatch,
        response: { 200: Place, ...errors },
      },
    },
    async (request) =>
      inWard(request.session.wardId, (db) => editPlace(db, request.session, request.params.id, request.body)),
  );

  app.get(
    '/api/ward/units',
    {
      onRequest: readers,
      config: { op: 'units.setup_list' },
      schema: {
        tags: ['wards'],
        summary: 'Đơn vị và tổ của phường (cả đơn vị đã ngừng)',
        security,
        response: { 200: SetupUnitList, ...errors },
      },
    },
    async (request) => ({ units: await inWard(request.session.wardId, (db) => listSetupUnits(db)) }),
  );

  app.post(
    '/api/ward/units',
    {
      onRequest: writers,
      config: { op: 'units.create' },
      schema: {
        tags: ['wards'],
        summary: 'Thêm đơn vị hoặc Tổ Công nghệ số (tổ thuộc một khu phố)',
        security,
        body: SetupUnitFields,
        response: { 201: SetupUnit, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await inWard(request.session.wardId, (db) => createUnit(db, request.session, request.body))),
  );

  app.patch(
    '/api/ward/units/:id',
    {
      onRequest: writers,
      config: { op: 'units.update' },
      schema: {
        tags: ['wards'],
        summary: 'Sửa hoặc ngừng đơn vị',
        security,
        params: IdParams,
        body: SetupUnitPatch,
        response: { 200: SetupUnit, ...errors },
      },
    },
    async (request) =>
      inWard(request.session.wardId, (db) => editUnit(db, request.session, request.params.id, request.body)),
  );

  await app.register(memberRoutes);
  await app.register(groupRoutes);
  await app.register(inviteRoutes);
};

export default wardRoutes;
