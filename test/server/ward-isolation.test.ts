/**
 * The isolation matrix: a member of ward A asks every route that takes an id for ward B's ids and gets
 * 404, whatever their role, and ward B is unchanged. Routes come from the OpenAPI document, so a new
 * route with an id parameter is covered without editing this file (or fails until its id kind is named).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../server/src/plugins/auth.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { createWardWithEveryRow, type WardRows, wardRowOf } from '../helpers/factories.js';
import { authHeader } from '../helpers/sessions.js';

type JsonSchema = {
  type?: string;
  format?: string;
  properties?: Record<string, JsonSchema>;
  anyOf?: JsonSchema[];
  pattern?: string;
  nullable?: boolean;
  enum?: unknown[];
  const?: unknown;
  minimum?: number;
  minLength?: number;
};

/** A body that passes validation, so the request reaches the ward check (all properties filled). */
function sample(schema: JsonSchema | undefined): unknown {
  if (!schema) return undefined;
  if (schema.anyOf) {
    // A nullable pattern-checked string (an image hash, a link path): null is the valid sample.
    const value = schema.anyOf.find((s) => s.type !== 'null');
    if (value?.pattern && schema.anyOf.some((s) => s.type === 'null')) return null;
    return sample(value ?? schema.anyOf[0]);
  }
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  switch (schema.type) {
    case 'object':
      return Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([key, value]) => [key, sample(value)]),
      );
    case 'array':
      return [];
    case 'integer':
    case 'number':
      return Math.max(schema.minimum ?? 1, 1);
    case 'boolean':
      return true;
    case 'string':
      if (schema.pattern) {
        if (schema.nullable) return null;
        if (schema.pattern.includes('{64}')) return 'a'.repeat(64);
        if (schema.pattern.startsWith('^/')) return '/';
      }
      if (schema.format === 'date') return '2026-05-20';
      if (schema.format === 'date-time') return '2026-05-20T10:00:00+07:00';
      if (schema.format === 'uuid') return '00000000-0000-4000-8000-000000000000';
      return 'Nội dung thử';
    default:
      return null;
  }
}

const roles: Role[] = ['admin', 'staff', 'leader', 'team_lead', 'team_member'];

describe('ward isolation on every route with an id, and on every list', () => {
  let t: TestApp;
  let a: WardRows;
  let b: WardRows;
  const snapshot = () =>
    t.app.db.withSystem(
      async (db) =>
        (
          await db.query(
            `SELECT (SELECT json_agg(c ORDER BY c.id) FROM campaigns c WHERE ward_id = $1) AS campaigns,
                  (SELECT json_agg(x ORDER BY x.id) FROM tasks x WHERE ward_id = $1) AS tasks,
                  (SELECT json_agg(s ORDER BY s.id) FROM assignments s WHERE ward_id = $1) AS assignments,
                  (SELECT count(*) FROM notifications WHERE ward_id = $1) AS notifications,
                  (SELECT json_agg(m ORDER BY m.id) FROM members m WHERE ward_id = $1) AS members,
                  (SELECT json_agg(u ORDER BY u.id) FROM units u WHERE ward_id = $1) AS units,
                  (SELECT json_agg(g ORDER BY g.id) FROM zalo_groups g WHERE ward_id = $1) AS groups,
                  (SELECT json_agg(p ORDER BY p.id) FROM places p WHERE ward_id = $1) AS places,
                  (SELECT json_agg(p ORDER BY p.id) FROM posts p WHERE ward_id = $1) AS posts,
                  (SELECT json_agg(d ORDER BY d.id) FROM deliveries d WHERE ward_id = $1) AS deliveries,
                  (SELECT count(*) FROM loudspeaker_plays WHERE ward_id = $1) AS plays,
                  (SELECT count(*) FROM audit_log WHERE ward_id = $1) AS audit`,
            [b.wardId],
          )
        ).rows[0],
    );

  beforeAll(async () => {
    t = await buildTestApp();
    a = await createWardWithEveryRow(t.app.db, 'Phường A');
    b = await createWardWithEveryRow(t.app.db, 'Phường B');
    // Make B's assignment overdue and its campaign active, so nothing but the ward stops a request.
    await t.app.db.withSystem(async (db) => {
      await db.query(`UPDATE campaigns SET status = 'active' WHERE ward_id = $1`, [b.wardId]);
      await db.query(`UPDATE tasks SET due_at = now() - interval '1 hour' WHERE ward_id = $1`, [b.wardId]);
      // B's post reached a group, so the public routes would show it to anyone asking in B's name.
      await db.query(
        `INSERT INTO deliveries (ward_id, occurrence_id, target_kind, target_key, status, sent_at, body)
         VALUES ($1, $2, 'oa_group', 'g-b', 'sent', now(), 'Bài tuyên truyền thử')`,
        [b.wardId, b.occurrenceId],
      );
    });
  });
  afterAll(() => t.close());

  it('answers 401 on every route but the public ones when nobody is signed in', async () => {
    const spec = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const open = /^\/api\/(public|auth)\//;
    const guarded = Object.entries(spec.paths)
      .filter(([path]) => path.startsWith('/api/') && !open.test(path))
      .flatMap(([path, methods]) => Object.keys(methods).map((method) => ({ path, method })));
    expect(guarded.length).toBeGreaterThanOrEqual(18);
    for (const { path, method } of guarded) {
      const url = path.replace(/\{\w+\}/g, b.assignmentId);
      const res = await t.app.inject({ method: method.toUpperCase() as 'GET', url });
      // The session is checked before the body is even parsed: 401, not a validation error.
      expect(res.statusCode, `${method.toUpperCase()} ${path}`).toBe(401);
      expect(res.json().message).toBe('Bạn cần đăng nhập để tiếp tục.');
    }
  });

  it('answers 404 to ward A for every ward-B id, and ward B is unchanged', async () => {
    const before = await snapshot();
    const spec = t.app.swagger() as {
      paths: Record<
        string,
        Record<string, { requestBody?: { content: Record<string, { schema: JsonSchema }> } }>
      >;
    };
    // Public routes name their ward by slug: asked in A's name (A's slug) for B's ids. A public
    // route with no id but the slug has nothing of B's to ask for.
    const routes = Object.entries(spec.paths)
      .filter(([path]) => path.replace('{slug}', '').includes('{') && path.startsWith('/api/'))
      .flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })));
    expect(routes.length).toBeGreaterThanOrEqual(12);

    const unreached: string[] = [];
    for (const { path, method, op } of routes) {
      const url = path.replace(/\{(\w+)\}/g, (_match, name: string) => {
        if (name === 'slug') return a.slug;
        const kind = wardRowOf(path, name);
        if (!kind)
          throw new Error(
            `${method.toUpperCase()} ${path}: add the id kind of {${name}} to wardRowOf (factories)`,
          );
        return String(b[kind]);
      });
      const payload = sample(op.requestBody?.content['application/json']?.schema) as object | undefined;
      const statuses: number[] = [];
      for (const role of roles) {
        const unitId = role.startsWith('team') ? a.teamId : a.unitId;
        const memberId = role.startsWith('team')
          ? a.teamMemberId
          : role === 'leader'
            ? a.leaderId
            : a.staffId;
        const res = await t.app.inject({
          method: method.toUpperCase() as 'GET',
          url,
          headers: authHeader(t.app, { memberId, wardId: a.wardId, role, unitId }),
          ...(payload === undefined ? {} : { payload }),
        });
        statuses.push(res.statusCode);
        expect([403, 404], `${role} ${method.toUpperCase()} ${url}: ${res.body}`).toContain(res.statusCode);
        if (res.statusCode === 404) expect(res.json().message).toMatch(/Không tìm thấy/);
      }
      if (!statuses.includes(404)) unreached.push(`${method.toUpperCase()} ${path}`);
    }
    // Every route is reachable by some role, which must then get 404 (not merely 403 for everyone).
    expect(unreached).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });

  it("answers every list route without an id, asked as ward A, with none of ward B's rows", async () => {
    const spec = t.app.swagger() as {
      paths: Record<
        string,
        Record<
          string,
          { parameters?: { in: string; name: string; required?: boolean; schema: JsonSchema }[] }
        >
      >;
    };
    // The public routes name their ward by slug (the next test); sign-in options name no ward's rows.
    const open = /^\/api\/(public|auth)\//;
    const lists = Object.entries(spec.paths)
      .filter(([path]) => path.startsWith('/api/') && !path.includes('{') && !open.test(path))
      .flatMap(([path, methods]) => (methods.get ? [{ path, op: methods.get }] : []));
    expect(lists.map((route) => route.path)).toEqual(
      expect.arrayContaining(['/api/ward/members', '/api/ward/units', '/api/ward/groups', '/api/audit']),
    );
    // B's ids and its people's names: none may appear in an answer to A.
    const bNames = await t.app.db.withSystem(async (db) =>
      (
        await db.query<{ name: string }>('SELECT full_name AS name FROM members WHERE ward_id = $1', [
          b.wardId,
        ])
      ).rows.map((row) => row.name),
    );
    const bMarks = [
      ...Object.entries(b)
        .filter(([key]) => key !== 'slug')
        .map(([, id]) => String(id)),
      ...bNames,
    ];
    const aMarks = Object.entries(a)
      .filter(([key]) => key !== 'slug')
      .map(([, id]) => String(id));
    const answered: string[] = [];
    let showedA = 0;
    for (const { path, op } of lists) {
      // A query naming a row (campaignId…) is asked with A's id and with B's; other fields get a valid sample.
      const query = (ward: WardRows) =>
        new URLSearchParams(
          (op.parameters ?? [])
            .filter((param) => param.in === 'query')
            .flatMap((param) => {
              const kind = wardRowOf(`/{${param.name}}`, param.name);
              if (kind) return [[param.name, String(ward[kind])]];
              return param.required ? [[param.name, String(sample(param.schema))]] : [];
            }),
        ).toString();
      for (const ward of [a, b]) {
        const url = query(ward) ? `${path}?${query(ward)}` : path;
        for (const role of roles) {
          const team = role.startsWith('team');
          const memberId = team ? a.teamMemberId : role === 'leader' ? a.leaderId : a.staffId;
          const res = await t.app.inject({
            url,
            headers: authHeader(t.app, {
              memberId,
              wardId: a.wardId,
              role,
              unitId: team ? a.teamId : a.unitId,
            }),
          });
          expect(res.statusCode, `${role} GET ${url}: ${res.body}`).toBeLessThan(500);
          for (const mark of bMarks)
            expect(res.body, `${role} GET ${url} shows B's ${mark}`).not.toContain(mark);
          if (res.statusCode === 200) answered.push(path);
          if (aMarks.some((mark) => res.body.includes(mark))) showedA++;
        }
      }
    }
    // Every list answers some role, and the answers do hold ward A's own rows (the check has teeth).
    // Except the OA's groups from Zalo: ward A has no OA of its own here, so it is refused (409); a ward
    // never sees another OA's groups (wards-setup.test.ts › "a ward whose OA is not this server's…").
    const refusedByDesign = ['/api/ward/groups/zalo'];
    expect(lists.filter((route) => !answered.includes(route.path)).map((route) => route.path)).toEqual(
      refusedByDesign,
    );
    expect(showedA).toBeGreaterThan(lists.length);
  });

  it("shows no ward-B post through ward A's public address, on the API or the website", async () => {
    const spec = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const pages = Object.keys(spec.paths).filter((path) => path.includes('{slug}') && path.includes('{id}'));
    expect(pages).toEqual(
      expect.arrayContaining([
        '/api/public/wards/{slug}/posts/{id}',
        '/w/{slug}/posts/{id}',
        '/w/{slug}/posts/{id}/image',
      ]),
    );
    for (const path of pages) {
      const url = (slug: string) => path.replace('{slug}', slug).replace('{id}', b.postId);
      const res = await t.app.inject({ method: 'GET', url: url(a.slug) });
      expect(res.statusCode, url(a.slug)).toBe(404);
      expect(res.body, url(a.slug)).toMatch(/Không tìm thấy|không có/);
    }
    // The same post is public in B's name: A's 404 is the ward's doing.
    expect((await t.app.inject({ url: `/api/public/wards/${b.slug}/posts/${b.postId}` })).statusCode).toBe(
      200,
    );
    expect((await t.app.inject({ url: `/w/${b.slug}/posts/${b.postId}` })).statusCode).toBe(200);
    for (const url of [`/api/public/wards/${a.slug}/posts`, `/w/${a.slug}`, `/w/${a.slug}/feed.atom`]) {
      const res = await t.app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).not.toContain(b.postId);
    }
  });
});
