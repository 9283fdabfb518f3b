/**
 * The fuzz test: every operation of the OpenAPI document (/docs, read at run time, so new routes are
 * covered without editing this file) gets malformed and boundary requests (see helpers/api-fuzz.ts)
 * as every role, no session and a forged one. Every answer must be below 500; every 4xx must carry a
 * Vietnamese message and leave the database exactly as it was (row counts and a checksum of every
 * table, and no photo file); a case that breaks the schema or reaches past the caller's rights must be
 * a 4xx. /docs says which roles may call each operation (`x-roles`, from the route kit): a role not
 * among them must get 403, and one among them must never meet the role check on its own ward's data.
 * Upload routes also get broken multipart (or raw) uploads.
 *
 * `npm test` runs a few cases per operation with a fixed seed; `npm run fuzz` runs many more.
 * FUZZ_SEED and FUZZ_RUNS (cases per operation) change either.
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InjectOptions } from 'fastify';
import pg from 'pg';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type FuzzRequest,
  fuzzCases,
  MAY_BE_TAKEN,
  type Operation,
  operationsOf,
  ROLES,
  sample,
  uploadBody,
  uploadBreaksOf,
} from '../helpers/api-fuzz.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { createWardWithEveryRow, type WardRows, wardRowOf } from '../helpers/factories.js';
import { authHeader } from '../helpers/sessions.js';

const LONG = process.env.npm_lifecycle_event === 'fuzz';
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const RUNS = Number(process.env.FUZZ_RUNS ?? (LONG ? 60 : 4));

/** A Vietnamese sentence: it has at least one letter only Vietnamese writes. */
const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹáàãéèíìóòõúùýĂÂĐÊÔƠƯ]/;

/**
 * 403s that are rules of the work, not of the role: an allowed role may meet them on its own ward's
 * data. Any other 403 for an allowed role (above all the role check's FORBIDDEN) is a failure.
 */
const RULES_OF_THE_WORK: Record<string, string> = {
  MEMBER_ROLE_ADMIN_ONLY: 'only an admin makes, edits or invites an admin',
  CAMPAIGN_SELF_APPROVAL: 'a leader does not approve their own plan',
  POST_SELF_APPROVAL: 'a leader does not approve their own post',
  EVIDENCE_OWN_PHOTO: 'nobody reviews a photo they sent',
  ASSIGNMENT_OTHER_TEAM: "a team acts on its own team's assignments only",
};
/**
 * Refused before the role check: the URL itself (before routing), or the session (a case earlier in
 * the run deactivated the fixture member: sign-in is checked before the role).
 */
const BEFORE_ROLE_CHECK = new Set(['BAD_URL', 'URL_PART_TOO_LONG', 'MEMBER_DEACTIVATED', 'SESSION_REVOKED']);

describe('fuzzing every operation of /docs', () => {
  let t: TestApp;
  let own: WardRows;
  let other: WardRows;
  let client: pg.Client;
  let fingerprintSql: string;
  let photo: Buffer;
  const dataDir = mkdtempSync(join(tmpdir(), 'loa-fuzz-'));
  /** Every file under the photo store (temp files included). */
  const photoFiles = () => {
    try {
      return readdirSync(join(dataDir, 'photos'), { recursive: true }).length;
    } catch {
      return 0;
    }
  };

  beforeAll(async () => {
    t = await buildTestApp({ env: { DATA_DIR: dataDir } });
    photo = await sharp({ create: { width: 96, height: 64, channels: 3, background: '#2a6f4e' } })
      .jpeg()
      .toBuffer();
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
    // A resident signs in with Zalo and is no member: no member id, no team.
    if (role === 'resident') return authHeader(t.app, { wardId: ward.wardId, role: 'resident' });
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

  /** Sends one case and lists what is wrong with its answer (nothing when it is right). */
  const judge = async (op: Operation, c: FuzzRequest): Promise<{ failures: string[]; status: number }> => {
    const before = await fingerprint();
    const filesBefore = photoFiles();
    const response = await t.app.inject({
      method: c.method as 'POST',
      url: c.url,
      headers: c.headers,
      ...(c.payload === undefined ? {} : { payload: c.payload }),
    });
    const status = response.statusCode;
    const where = `${op.name} [${c.what.join('; ')}] → ${status}`;
    if (status >= 500) return { failures: [`${where}: server error ${response.body.slice(0, 200)}`], status };
    const failures: string[] = [];
    let code = '';
    try {
      code = String(response.json().code ?? '');
    } catch {}
    if (c.mustRefuse.length && (status < 400 || status >= 500))
      failures.push(`${where}: must be refused (${c.mustRefuse.join(', ')})`);
    if (c.roleRefused && status !== 403 && !BEFORE_ROLE_CHECK.has(code))
      failures.push(`${where}: ${c.role} is not in x-roles ${JSON.stringify(op.roles)}, must get 403`);
    if (c.allowedOnOwnData && status === 403 && !(code in RULES_OF_THE_WORK))
      failures.push(`${where}: ${c.role} is in x-roles, own ward's data, yet 403 ${code}`);
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
      if (photoFiles() !== filesBefore) failures.push(`${where}: refused but left photo files`);
    }
    return { failures, status };
  };
  const context = {
    idFor,
    headersFor,
    get photo() {
      return photo;
    },
  };

  it(`answers every case below 500, refuses with a Vietnamese message and stores nothing (seed ${SEED}, ${RUNS} per operation)`, async () => {
    const docs = t.app.swagger() as Parameters<typeof operationsOf>[0];
    const operations = operationsOf(docs);
    expect(operations.length).toBeGreaterThan(60);
    const failures: string[] = [];
    let sent = 0;
    for (const op of operations) {
      for (const c of fuzzCases(op, context, SEED, RUNS)) {
        failures.push(...(await judge(op, c)).failures);
        sent += 1;
      }
    }
    expect(sent).toBeGreaterThan(operations.length);
    expect(failures).toEqual([]);
  }, 600_000);

  // Every role against every operation once, with a valid request on its own ward's data: /docs's
  // x-roles must be what the server does.
  it('lets exactly the roles /docs names call each operation (403 for the others)', async () => {
    const docs = t.app.swagger() as Parameters<typeof operationsOf>[0];
    const guarded = operationsOf(docs).filter((op) => !op.public);
    // A ward of its own: the cases above may have archived, deleted or deactivated the shared one's rows.
    own = await createWardWithEveryRow(t.app.db, 'Phường Vai Trò');
    expect(guarded.every((op) => op.roles?.length)).toBe(true);
    const failures: string[] = [];
    for (const op of guarded) {
      for (const role of ROLES) {
        let url = op.path;
        for (const param of op.pathParams) url = url.replace(`{${param}}`, idFor(op, param, 'own'));
        const search = new URLSearchParams();
        for (const q of op.query) {
          const value = sample(q.schema);
          if (q.required && value !== undefined && value !== null) search.set(q.name, String(value));
        }
        if (search.size) url += `?${search}`;
        const headers: Record<string, string> = headersFor(role);
        let payload: string | Buffer | undefined;
        if (op.form || op.raw) {
          const upload = uploadBody(op, 'valid', photo);
          Object.assign(headers, upload.headers);
          payload = upload.payload;
        } else if (op.body) {
          headers['content-type'] = 'application/json';
          payload = JSON.stringify(sample(op.body));
        }
        const allowed = op.roles!.includes(role);
        failures.push(
          ...(
            await judge(op, {
              method: op.method,
              url,
              role,
              headers,
              payload,
              mustRefuse: allowed ? [] : [`${role} not in x-roles`],
              roleRefused: !allowed,
              allowedOnOwnData: allowed,
              what: [`as ${role}`, 'valid request, own ward'],
            })
          ).failures,
        );
      }
    }
    expect(failures).toEqual([]);
  }, 600_000);

  // Every broken upload on every upload route, as a role that may upload, on its own ward's data: each
  // is refused with a Vietnamese message and leaves no row and no file; the valid one is taken.
  it('refuses every broken upload with a Vietnamese message, storing nothing', async () => {
    const docs = t.app.swagger() as Parameters<typeof operationsOf>[0];
    const uploads = operationsOf(docs).filter((op) => uploadBreaksOf(op).length);
    own = await createWardWithEveryRow(t.app.db, 'Phường Tải Ảnh');
    expect(uploads.map((op) => op.name)).toEqual(
      expect.arrayContaining(['POST /api/assignments/{id}/evidence', 'POST /api/post-images']),
    );
    const failures: string[] = [];
    const accepted: string[] = [];
    for (const op of uploads) {
      const role = op.roles!.includes('team_member') ? 'team_member' : op.roles![0]!;
      let url = op.path;
      for (const param of op.pathParams) url = url.replace(`{${param}}`, idFor(op, param, 'own'));
      for (const kind of uploadBreaksOf(op)) {
        const upload = uploadBody(op, kind, photo);
        const c: FuzzRequest = {
          method: op.method,
          url,
          role,
          headers: { ...headersFor(role), ...upload.headers },
          payload: upload.payload,
          mustRefuse: MAY_BE_TAKEN.has(kind) ? [] : [`upload ${kind}`],
          roleRefused: false,
          allowedOnOwnData: true,
          what: [`as ${role}`, `upload: ${kind}`],
        };
        const { failures: wrong, status } = await judge(op, c);
        failures.push(...wrong);
        if (kind === 'valid' && status === 201) accepted.push(op.name);
      }
    }
    expect(failures).toEqual([]);
    expect(accepted).toHaveLength(uploads.length);
  }, 300_000);

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
        /^Phường chưa kết nối OA Zalo của mình/,
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
