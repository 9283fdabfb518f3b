/**
 * The fuzz test: every operation of the OpenAPI document (/docs, read at run time, so new routes are
 * covered without editing this file) gets malformed and boundary requests (see helpers/api-fuzz.ts)
 * as every role, no session and a forged one. Every answer must be below 500; every 4xx must carry a
 * Vietnamese message and leave the database exactly as it was (row counts and a checksum of every
 * table); a case that breaks the schema or reaches past the caller's rights must be a 4xx.
 *
 * `npm test` runs a few cases per operation with a fixed seed; `npm run fuzz` runs many more.
 * FUZZ_SEED and FUZZ_RUNS (cases per operation) change either.
 */
import type { InjectOptions } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuzzCases, type Operation, operationsOf, sample } from '../helpers/api-fuzz.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { createWardWithEveryRow, type WardRows, wardRowOf } from '../helpers/factories.js';
import { authHeader } from '../helpers/sessions.js';

const LONG = process.env.npm_lifecycle_event === 'fuzz';
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const RUNS = Number(process.env.FUZZ_RUNS ?? (LONG ? 60 : 4));

/** A Vietnamese sentence: it has at least one letter only Vietnamese writes. */
const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹáàãéèíìóòõúùýĂÂĐÊÔƠƯ]/;

describe('fuzzing every operation of /docs', () => {
  let t: TestApp;
  let own: WardRows;
  let other: WardRows;
  let client: pg.Client;
  let fingerprintSql: string;

  beforeAll(async () => {
    t = await buildTestApp();
    own = await createWardWithEveryRow(t.app.db, 'Phường Thử Nghiệm');
    other = await createWardWithEveryRow(t.app.db, 'Phường Bên Cạnh');
    client = new pg.Client({ connectionString: t.databaseUrl });
    await client.connect();
    const { rows } = await client.query<{ name: string }>(
      `SELECT relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY 1`,
    );
    fingerprintSql = rows
      // The scheduler's own claims: its timers write them (jobs that run even with SCHEDULER=false).
      .filter(({ name }) => name !== 'job_runs')
      .map(
        ({ name }) =>
          `SELECT '${name}' AS t, count(*)::int AS n, md5(coalesce(string_agg(x::text, E'\\n' ORDER BY x::text), '')) AS h FROM "${name}" x`,
      )
      .join(' UNION ALL ');
  });
  afterAll(async () => {
    await client?.end();
    await t?.close();
  });

  /** Row count and content checksum of every table, as one string per table. */
  const fingerprint = async () =>
    Object.fromEntries(
      (await client.query<{ t: string; n: number; h: string }>(fingerprintSql)).rows.map((r) => [
        r.t,
        `${r.n} ${r.h}`,
      ]),
    );

  const headersFor = (role: string, ward: WardRows = own): Record<string, string> => {
    if (role === 'anonymous') return {};
    if (role === 'forged')
      return { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoiYWRtaW4ifQ.Zm9yZ2Vk' };
    const team = role.startsWith('team');
    const memberId = team ? ward.teamMemberId : role === 'leader' ? ward.leaderId : ward.staffId;
    return authHeader(t.app, {
      memberId,
      wardId: ward.wardId,
      role: role as 'admin',
      unitId: team ? ward.teamId : ward.unitId,
    });
  };
  const idFor = (op: Operation, param: string, ward: 'own' | 'other') => {
    const kind = wardRowOf(op.path, param);
    // An id kind this test does not know: a well-formed id of nothing (the route must still refuse).
    if (!kind)
      return ward === 'own' ? '3f0c1a52-7a1b-4e43-9d0e-6b2f8c9a1d11' : '5e2d8b47-1c3a-4f6e-8b9d-0a7c6e5f4b22';
    return String((ward === 'own' ? own : other)[kind]);
  };

  it(`answers every case below 500, refuses with a Vietnamese message and stores nothing (seed ${SEED}, ${RUNS} per operation)`, async () => {
    const docs = t.app.swagger() as Parameters<typeof operationsOf>[0];
    const operations = operationsOf(docs);
    expect(operations.length).toBeGreaterThan(60);
    const failures: string[] = [];
    let sent = 0;
    for (const op of operations) {
      for (const c of fuzzCases(op, { idFor, headersFor }, SEED, RUNS)) {
        const before = await fingerprint();
        const response = await t.app.inject({
          method: c.method as 'POST',
          url: c.url,
          headers: c.headers,
          ...(c.payload === undefined ? {} : { payload: c.payload }),
        });
        sent += 1;
        const status = response.statusCode;
        const where = `${op.name} [${c.what.join('; ')}] → ${status}`;
        if (status >= 500) {
          failures.push(`${where}: server error ${response.body.slice(0, 200)}`);
          continue;
        }
        if (c.mustRefuse.length && (status < 400 || status >= 500))
          failures.push(`${where}: must be refused (${c.mustRefuse.join(', ')})`);
        if (status >= 400) {
          // JSON answers carry `message`; the residents' web pages (/w/...) answer a Vietnamese page.
          let message = response.body.slice(0, 5_000);
          try {
            message = String(response.json().message ?? '');
          } catch {
            if (!String(response.headers['content-type']).startsWith('text/html')) message = '';
          }
          if (!VIETNAMESE.test(message))
            failures.push(`${where}: no Vietnamese message (${response.body.slice(0, 120)})`);
          const after = await fingerprint();
          const changed = Object.keys(after).filter((table) => after[table] !== before[table]);
          if (changed.length) failures.push(`${where}: refused but changed ${changed.join(', ')}`);
        }
      }
    }
    expect(sent).toBeGreaterThan(operations.length);
    expect(failures).toEqual([]);
  }, 600_000);

  // The 5xx the fuzzer found, kept as fixed cases (each was a 500 or 503, or an English message).
  it('keeps the cases it found answered with a Vietnamese 4xx and nothing stored', async () => {
    const docs = t.app.swagger() as Parameters<typeof operationsOf>[0];
    const op = (name: string) => operationsOf(docs).find((o) => o.name === name)!;
    // A ward of its own: the fuzz cases above may have archived or changed the shared one's rows.
    const fresh = await createWardWithEveryRow(t.app.db, 'Phường Ca Lỗi');
    const before = await fingerprint();
    const cases: [string, InjectOptions, number, RegExp][] = [
      [
        'a post version beyond bigint (was 500)',
        {
          method: 'PATCH',
          url: `/api/posts/${fresh.postId}`,
          headers: headersFor('staff', fresh),
          payload: { ...(sample(op('PATCH /api/posts/{id}').body) as object), version: 2 ** 53 + 2 },
        },
        400,
        /số quá lớn/,
      ],
      [
        'a unit named "\\u0000" (was 500)',
        {
          method: 'POST',
          url: '/api/ward/units',
          headers: headersFor('staff', fresh),
          payload: { ...(sample(op('POST /api/ward/units').body) as object), name: '\u0000' },
        },
        400,
        /“nội dung.name” có ký tự NUL/,
      ],
      [
        'a NUL in a query (%00)',
        { method: 'GET', url: '/api/posts?campaignId=%00', headers: headersFor('staff', fresh) },
        400,
        /NUL/,
      ],
      [
        'a path whose escapes are not UTF-8 (was English)',
        { method: 'GET', url: '/api/posts/%ED%A0%80', headers: headersFor('staff', fresh) },
        400,
        /Địa chỉ có ký tự không hợp lệ/,
      ],
      [
        'a 5,000-character path segment (was English)',
        {
          method: 'PATCH',
          url: `/api/ward/units/${'Ω'.repeat(5_000)}`,
          headers: headersFor('admin', fresh),
          payload: {},
        },
        414,
        /đường dẫn quá dài/,
      ],
      [
        "the OA's groups while the ward has no OA connected (was 503: retry later)",
        { method: 'GET', url: '/api/ward/groups/zalo', headers: headersFor('admin', fresh) },
        409,
        /OA của phường chưa được kết nối/,
      ],
    ];
    for (const [name, request, status, message] of cases) {
      const response = await t.app.inject(request);
      expect(response.statusCode, `${name}: ${response.body.slice(0, 200)}`).toBe(status);
      expect(response.json().message, name).toMatch(message);
    }
    expect(await fingerprint()).toEqual(before);
  });
});
