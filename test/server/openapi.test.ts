/**
 * The OpenAPI document at /docs is the contract with the mini app: every operation says what it does,
 * who may call it and which errors it answers. The route kit (server/src/http) fills these in for a
 * route group; this test catches a route registered outside it that forgot them.
 */

import { ROLE_NAMES_VI, ROLES } from '@loa/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATIONS } from '../../server/src/http/operations.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';

/** Operations anyone may call: no session, so no security and no 401/403. */
const PUBLIC = new Set([
  'GET /health',
  'GET /api/public/campaign',
  'GET /api/public/wards/{slug}/posts',
  'GET /api/public/wards/{slug}/posts/{id}',
  'GET /w/site.css',
  'GET /w/{slug}',
  'GET /w/{slug}/feed.atom',
  'GET /w/{slug}/posts/{id}',
  'GET /w/{slug}/posts/{id}/image',
  'POST /api/auth/zalo',
  'POST /api/auth/invite',
  'GET /api/auth/options',
  'POST /webhooks/zalo',
]);
/** Signed in is enough (no role): 401 but never 403. */
const SIGNED_IN = new Set(['GET /api/me', 'POST /api/auth/sign-out', 'GET /api/sent-posts']);

interface Operation {
  summary?: string;
  description?: string;
  'x-roles'?: string[];
  security?: unknown[];
  parameters?: { in: string }[];
  requestBody?: { content: Record<string, { schema?: { required?: string[]; properties?: object } }> };
  responses: Record<string, unknown>;
}

describe('the OpenAPI document', () => {
  let t: TestApp;
  let operations: [string, Operation][];
  beforeAll(async () => {
    t = await buildTestApp();
    const docs = (await t.app.inject({ url: '/docs/json' })).json() as {
      paths: Record<string, Record<string, Operation>>;
    };
    operations = Object.entries(docs.paths)
      // The simulator stands in for Zalo's own hosts; it is not this server's API.
      .filter(([path]) => !path.startsWith('/sim/'))
      .flatMap(([path, item]) =>
        Object.entries(item).map(
          ([method, op]) => [`${method.toUpperCase()} ${path}`, op] as [string, Operation],
        ),
      );
  });
  afterAll(() => t.close());

  it('lists the product routes', () => {
    expect(operations.length).toBeGreaterThan(40);
    expect(operations.map(([name]) => name)).toEqual(
      expect.arrayContaining(['POST /api/posts', 'GET /api/share-tasks', 'GET /api/notifications/issues']),
    );
  });

  it('gives every operation a summary from the catalogue or its own', () => {
    const catalogue = new Set<string>(Object.values(OPERATIONS));
    const missing = operations.filter(([, op]) => !op.summary?.trim()).map(([name]) => name);
    expect(missing).toEqual([]);
    const uncatalogued = operations
      .filter(([, op]) => !catalogue.has(op.summary ?? ''))
      .map(([name]) => name);
    expect(uncatalogued).toEqual([]);
  });

  it('marks every operation but the public ones as needing a session, with 401 and 403', () => {
    const wrong: string[] = [];
    for (const [name, op] of operations) {
      const codes = Object.keys(op.responses);
      if (PUBLIC.has(name)) {
        if (op.security?.length) wrong.push(`${name}: public but asks for a session`);
        continue;
      }
      if (!op.security?.some((s) => JSON.stringify(s) === '{"session":[]}'))
        wrong.push(`${name}: no security`);
      if (!codes.includes('401')) wrong.push(`${name}: no 401`);
      if (!SIGNED_IN.has(name) && !codes.includes('403')) wrong.push(`${name}: no 403`);
    }
    expect(wrong).toEqual([]);
  });

  // The route kit knows who may call each group of routes; /docs says it, for programs (x-roles, which
  // the fuzz test checks against the server) and in words for a person.
  it('says which roles may call every operation but the public ones', () => {
    const wrong: string[] = [];
    for (const [name, op] of operations) {
      const roles = op['x-roles'];
      if (PUBLIC.has(name)) {
        if (roles) wrong.push(`${name}: public but lists roles`);
        continue;
      }
      if (!roles?.length || roles.some((role) => !(ROLES as readonly string[]).includes(role))) {
        wrong.push(`${name}: x-roles ${JSON.stringify(roles)}`);
        continue;
      }
      if (SIGNED_IN.has(name) && roles.length !== ROLES.length)
        wrong.push(`${name}: any session, not all roles`);
      if (!SIGNED_IN.has(name) && roles.includes('resident')) wrong.push(`${name}: open to residents`);
      const words = `Vai trò được gọi: ${roles.map((role) => ROLE_NAMES_VI[role as 'admin']).join(', ')}.`;
      if (!op.description?.includes(words)) wrong.push(`${name}: description does not say "${words}"`);
    }
    expect(wrong).toEqual([]);
    const roles = Object.fromEntries(operations.map(([name, op]) => [name, op['x-roles']]));
    expect(roles['POST /api/posts/{id}/approve']).toEqual(['leader']);
    expect(roles['POST /api/assignments/{id}/evidence']).toEqual([
      'team_lead',
      'team_member',
      'staff',
      'admin',
    ]);
    expect(roles['PUT /api/campaigns/{id}/reminder-rules']).toEqual(['admin', 'staff']);
  });

  it('states the upload bodies: the evidence photo as a multipart form, a post image as its bytes', () => {
    const body = (name: string) => operations.find(([n]) => n === name)?.[1].requestBody?.content;
    const form = body('POST /api/assignments/{id}/evidence')?.['multipart/form-data']?.schema;
    expect(form?.required).toEqual(['photo']);
    expect(form?.properties).toHaveProperty('photo', expect.objectContaining({ format: 'binary' }));
    expect(Object.keys(body('POST /api/post-images') ?? {})).toEqual(['application/octet-stream']);
  });

  it('documents 400 where input is read and 404 where a record is named', () => {
    const wrong: string[] = [];
    for (const [name, op] of operations) {
      const codes = Object.keys(op.responses);
      const input = Boolean(op.requestBody) || Boolean(op.parameters?.length);
      const named = op.parameters?.some((p) => p.in === 'path') ?? false;
      if (input && !codes.includes('400')) wrong.push(`${name}: reads input, no 400`);
      if (named && !codes.includes('404')) wrong.push(`${name}: names a record, no 404`);
    }
    expect(wrong).toEqual([]);
  });
});
