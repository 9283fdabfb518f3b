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
import { routeGroup } from '../http/access.js';
import groupRoutes from './groups-routes.js';
import inviteRoutes from './invite-routes.js';
import memberRoutes from './members-routes.js';
import { createPlace, createUnit, editPlace, editUnit, editWard, getWard, listPlaces } from './service.js';
import { listSetupUnits } from './sql.js';

/** The ward office reads (admin, staff, leaders). */
const reads: FastifyPluginAsyncTypebox = async (app) => {
  const inWard = <T>(wardId: string, work: Parameters<typeof app.db.withWard<T>>[1]) =>
    app.db.withWard(wardId, work);

  app.get(
    '/api/ward',
    {
      config: { op: 'wards.get' },
      schema: {
        tags: ['wards'],
        response: { 200: WardSettings },
      },
    },
    async (request) => inWard(request.session.wardId, (db) => getWard(db, request.session.wardId)),
  );

  app.get(
    '/api/ward/places',
    {
      config: { op: 'places.list' },
      schema: {
        tags: ['wards'],
        response: { 200: PlaceList },
      },
    },
    async (request) => ({ places: await inWard(request.session.wardId, (db) => listPlaces(db)) }),
  );

  app.get(
    '/api/ward/units',
    {
      config: { op: 'units.setup_list' },
      schema: {
        tags: ['wards'],
        response: { 200: SetupUnitList },
      },
    },
    async (request) => ({ units: await inWard(request.session.wardId, (db) => listSetupUnits(db)) }),
  );
};

/** Admin and staff write. */
const writes: FastifyPluginAsyncTypebox = async (app) => {
  const inWard = <T>(wardId: string, work: Parameters<typeof app.db.withWard<T>>[1]) =>
    app.db.withWard(wardId, work);

  app.patch(
    '/api/ward',
    {
      config: { op: 'wards.update' },
      schema: {
        tags: ['wards'],
        body: WardSettingsPatch,
        response: { 200: WardSettings },
      },
    },
    async (request) => inWard(request.session.wardId, (db) => editWard(db, request.session, request.body)),
  );

  app.post(
    '/api/ward/places',
    {
      config: { op: 'places.create' },
      schema: {
        tags: ['wards'],
        body: PlaceFields,
        response: { 201: Place },
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
      config: { op: 'places.update' },
      schema: {
        tags: ['wards'],
        params: IdParams,
        body: PlacePatch,
        response: { 200: Place },
      },
    },
    async (request) =>
      inWard(request.session.wardId, (db) => editPlace(db, request.session, request.params.id, request.body)),
  );

  app.post(
    '/api/ward/units',
    {
      config: { op: 'units.create' },
      schema: {
        tags: ['wards'],
        body: SetupUnitFields,
        response: { 201: SetupUnit },
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
      config: { op: 'units.update' },
      schema: {
        tags: ['wards'],
        params: IdParams,
        body: SetupUnitPatch,
        response: { 200: SetupUnit },
      },
    },
    async (request) =>
      inWard(request.session.wardId, (db) => editUnit(db, request.session, request.params.id, request.body)),
  );
};

// Summaries, security and error answers come from the route kit (http/).
const wardRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(routeGroup('office', reads));
  await app.register(routeGroup('officeWriters', writes));
  await app.register(memberRoutes);
  await app.register(groupRoutes);
  await app.register(inviteRoutes);
};

export default wardRoutes;
