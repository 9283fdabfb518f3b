/**
 * A group of routes with one access rule, applied once: `routeGroup('office', routes)` registers the
 * routes in their own scope, where every request is authenticated and its role checked before any
 * handler, and where every route is described the same way in /docs: the summary of its operation
 * (operations.ts), the session security, who may call it (`x-roles`, and a Vietnamese line in the
 * description) and the error answers (errors.ts). A route may still add its own hooks and responses;
 * what it states itself wins.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ROLE_GROUPS, ROLE_NAMES_VI, ROLES, type Role, type RoleGroup } from '@loa/shared';
import type { RouteOptions } from 'fastify';
import { errorResponses } from './errors.js';
import { OPERATIONS } from './operations.js';
import { REQUEST_BODY } from './request-bodies.js';

/** A role group, any signed-in session, or no session at all. */
export type Access = RoleGroup | 'signedIn' | 'public';

export const SESSION_SECURITY = [{ session: [] }];

/** The roles a signed-in caller must have, or undefined for a public route. */
export function rolesOf(access: Access): readonly Role[] | undefined {
  if (access === 'public') return undefined;
  return access === 'signedIn' ? ROLES : ROLE_GROUPS[access];
}

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
  const roles = rolesOf(access);
  if (roles) {
    // Machine-readable for clients and the fuzz test; the same in words for a person reading /docs.
    schema['x-roles'] ??= [...roles];
    const who = `Vai trò được gọi: ${roles.map((role) => ROLE_NAMES_VI[role]).join(', ')}.`;
    if (typeof schema.description !== 'string') schema.description = who;
    else if (!schema.description.includes(who)) schema.description = `${schema.description}\n\n${who}`;
  }
  const responses = errorResponses({
    method: route.method,
    hasInput: Boolean(schema.body || schema.querystring || schema.params || schema[REQUEST_BODY]),
    hasParams: Boolean(schema.params),
    authenticated: access !== 'public',
    roleGuarded: access !== 'public' && access !== 'signedIn',
  });
  schema.response = { ...responses, ...(schema.response as object | undefined) };
}
