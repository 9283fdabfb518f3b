/**
 * A group of routes with one access rule, applied once: `routeGroup('office', routes)` registers the
 * routes in their own scope, where every request is authenticated and its role checked before any
 * handler, and where every route is described the same way in /docs: the summary of its operation
 * (operations.ts), the session security and the error answers (errors.ts). A route may still add its
 * own hooks and responses; what it states itself wins.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ROLE_GROUPS, type RoleGroup } from '@loa/shared';
import type { RouteOptions } from 'fastify';
import { errorResponses } from './errors.js';
import { OPERATIONS } from './operations.js';

/** A role group, any signed-in session, or no session at all. */
export type Access = RoleGroup | 'signedIn' | 'public';

export const SESSION_SECURITY = [{ session: [] }];

export function routeGroup<Options extends Record<string, unknown> = Record<never, never>>(
  access: Access,
  routes: FastifyPluginAsyncTypebox<Options>,
): FastifyPluginAsyncTypebox<Options> {
  return async (app, options) => {
    if (access !== 'public') app.addHook('onRequest', app.authenticate);
    if (access !== 'public' && access !== 'signedIn')
      app.addHook('onRequest', app.requireRole(...ROLE_GROUPS[access]));
    app.addHook('onRoute', (route) => describe(route, access));
    await routes(app, options);
  };
}

function describe(route: RouteOptions, access: Access): void {
  route.schema ??= {};
  const schema = route.schema as Record<string, unknown>;
  const op = route.config?.op;
  if (op && schema.summary === undefined) schema.summary = OPERATIONS[op];
  if (access !== 'public') schema.security ??= SESSION_SECURITY;
  const responses = errorResponses({
    method: route.method,
    hasInput: Boolean(schema.body || schema.querystring || schema.params),
    hasParams: Boolean(schema.params),
    authenticated: access !== 'public',
    roleGuarded: access !== 'public' && access !== 'signedIn',
  });
  schema.response = { ...responses, ...(schema.response as object | undefined) };
}
