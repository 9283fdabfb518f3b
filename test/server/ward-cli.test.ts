/**
 * The ward command lines, run as an operator runs them (`npm run ward:create`, `npm run
 * ward:invite-admin`, each its own process on the test database): the printed link opens the mini app
 * in Zalo (MINI_APP_LINK_BASE, never this server's address, which outside Zalo cannot sign anyone in)
 * and signs the admin in; with the Zalo simulator a second link opens this server's page for the demo;
 * a taken slug and bad input are refused in Vietnamese with a non-zero exit and nothing stored, and an
 * expired first-admin link can be replaced from the command line.
 */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../server/src/config.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';

const PUBLIC_URL = 'https://loa.example.vn';
const MINI_APP_LINK_BASE = 'https://zalo.me/s/4318770712345';
/** As a live install runs it: Zalo's app id and secret set (the commands themselves never call Zalo). */
const LIVE = { ZALO_MODE: 'live', ZALO_APP_ID: '4318770712345', ZALO_APP_SECRET: 'bi-mat-thu' };

describe('ward command lines', () => {
  let t: TestApp;

  function npmRun(
    script: string,
    args: string[],
    extraEnv: Record<string, string> = {},
  ): Promise<{ code: number | null; out: string; err: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn('npm', ['run', '--silent', script, '--', ...args], {
        cwd: REPO_ROOT,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? '',
          NODE_ENV: 'test',
          LOG_LEVEL: 'silent',
          DATABASE_URL: t.databaseUrl,
          PUBLIC_URL,
          MINI_APP_LINK_BASE,
          ...extraEnv,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      let err = '';
      child.stdout.on('data', (chunk) => (out += chunk));
      child.stderr.on('data', (chunk) => (err += chunk));
      child.once('error', reject);
      child.once('close', (code) => resolve({ code, out, err }));
    });
  }

  /** The link printed to send through Zalo: on the mini app's host, never on this server's. */
  const linkIn = (out: string) => {
    const lines = out.split('\n').filter((line) => line.includes('invite='));
    const link = new URL(lines[0] ?? '');
    expect(`${link.origin}${link.pathname}`, out).toBe(`${MINI_APP_LINK_BASE}/`);
    expect(link.searchParams.get('invite'), out).toMatch(/^[A-Za-z0-9_-]{32}$/);
    return link.href;
  };

  /** Opens the link as a new Zalo user would: the sign-in the mini app makes with the link's token. */
  async function signInWith(link: string, name: string) {
    const person = await t.app.inject({ method: 'POST', url: '/sim/api/people', payload: { name } });
    return t.app.inject({
      method: 'POST',
      url: '/api/auth/invite',
      payload: { invite: link.split('invite=')[1], accessToken: person.json().accessToken },
    });
  }

  const wardsWithSlug = (slug: string) =>
    t.app.db.withSystem(
      async (db) =>
        (await db.query('SELECT count(*)::int AS n FROM wards WHERE slug = $1', [slug])).rows[0].n,
    );

  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it('ward:create prints a link that signs the first admin in; a taken slug and bad input are refused', async () => {
    const made = await npmRun(
      'ward:create',
      [
        '--name',
        'Phường Bình Lộc',
        '--slug',
        'binh-loc',
        '--admin-name',
        'Chị Thu',
        '--admin-phone',
        '0911 222 444',
      ],
      LIVE,
    );
    expect(made.code, made.err).toBe(0);
    expect(made.out).toContain('Đã tạo Phường Bình Lộc (mã binh-loc).');
    // Live: only the Zalo link; this server's address appears nowhere (it cannot sign anyone in).
    expect(made.out).not.toContain(PUBLIC_URL);
    expect(made.out).not.toContain('Bản trình diễn');
    const signIn = await signInWith(linkIn(made.out), 'Chị Thu');
    expect(signIn.statusCode).toBe(200);
    expect(signIn.json().member).toMatchObject({
      fullName: 'Chị Thu',
      role: 'admin',
      wardName: 'Phường Bình Lộc',
    });

    const again = await npmRun('ward:create', ['--name', 'Phường Bình Lộc', '--slug', 'binh-loc']);
    expect(again.code).toBe(1);
    expect(again.err).toContain('Đã có phường với mã "binh-loc"');
    expect(again.err).toContain('npm run ward:invite-admin -- --slug binh-loc');
    expect(again.out).not.toContain('invite=');
    expect(await wardsWithSlug('binh-loc')).toBe(1);

    const badPhone = await npmRun('ward:create', [
      '--name',
      'Phường Hàng Gòn',
      '--slug',
      'hang-gon',
      '--admin-phone',
      '12345',
    ]);
    expect(badPhone.code).toBe(1);
    expect(badPhone.err).toContain('--admin-phone chưa đúng');
    const badSlug = await npmRun('ward:create', ['--name', 'Phường Hàng Gòn', '--slug', 'Hàng Gòn']);
    expect(badSlug.code).toBe(1);
    expect(badSlug.err).toContain('--slug chỉ gồm chữ thường không dấu');
    expect(await wardsWithSlug('hang-gon')).toBe(0);

    const noSlug = await npmRun('ward:create', ['--name', 'Phường Hàng Gòn']);
    expect(noSlug.code).toBe(2);
    expect(noSlug.err).toContain('Cần --name và --slug');
    const unknown = await npmRun('ward:create', ['--name', 'Phường Hàng Gòn', '--slg', 'hang-gon']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('Tham số chưa đúng');
    expect(unknown.err).not.toMatch(/\n\s+at /); // no stack trace
  }, 180_000);

  it('ward:invite-admin replaces an expired first-admin link; a wrong slug or phone is refused', async () => {
    const made = await npmRun('ward:create', [
      '--name',
      'Phường Xuân Lập',
      '--slug',
      'xuan-lap',
      '--admin-name',
      'Anh Tâm',
      '--admin-phone',
      '0933444555',
    ]);
    expect(made.code, made.err).toBe(0);
    const firstLink = linkIn(made.out);
    // Eight days pass and nobody opened it.
    await t.app.db.withSystem((db) =>
      db.query(
        `UPDATE member_invites SET expires_at = now() - interval '1 day'
          WHERE ward_id = (SELECT id FROM wards WHERE slug = 'xuan-lap')`,
      ),
    );
    const expired = await signInWith(firstLink, 'Anh Tâm');
    expect(expired.statusCode).toBe(401);
    expect(expired.json().message).toMatch(/đã hết hạn/);

    const wrongSlug = await npmRun('ward:invite-admin', ['--slug', 'xuan-lapp', '--phone', '0933444555']);
    expect(wrongSlug.code).toBe(1);
    expect(wrongSlug.err).toContain('Không có phường nào với mã "xuan-lapp"');
    const badPhone = await npmRun('ward:invite-admin', ['--slug', 'xuan-lap', '--phone', '0933']);
    expect(badPhone.code).toBe(1);
    expect(badPhone.err).toContain('--phone chưa đúng');
    const notAdmin = await npmRun('ward:invite-admin', ['--slug', 'xuan-lap', '--phone', '0933444556']);
    expect(notAdmin.code).toBe(1);
    expect(notAdmin.err).toContain('không có quản trị viên đang hoạt động với số 0933444556');
    const noSlug = await npmRun('ward:invite-admin', ['--phone', '0933444555']);
    expect(noSlug.code).toBe(2);
    expect(noSlug.err).toContain('Cần --slug');
    for (const refused of [wrongSlug, badPhone, notAdmin, noSlug])
      expect(refused.out).not.toContain('invite=');

    const renewed = await npmRun('ward:invite-admin', ['--slug', 'xuan-lap', '--phone', '0933 444 555']);
    expect(renewed.code, renewed.err).toBe(0);
    expect(renewed.out).toContain('Liên kết đăng nhập mới cho Anh Tâm, quản trị viên Phường Xuân Lập');
    // With the simulator (no Zalo app set), the demo's link too: the same token on this server's page.
    const renewedLink = linkIn(renewed.out);
    const token = new URL(renewedLink).searchParams.get('invite');
    expect(renewed.out).toContain(
      `Bản trình diễn (trình giả lập Zalo): mở trong trình duyệt của máy này:\n${PUBLIC_URL}/?invite=${token}\n`,
    );
    const signIn = await signInWith(renewedLink, 'Anh Tâm');
    expect(signIn.statusCode).toBe(200);
    expect(signIn.json().member).toMatchObject({
      fullName: 'Anh Tâm',
      role: 'admin',
      wardName: 'Phường Xuân Lập',
    });
    // One new link: the refusals made none, and the one made is in the ward's audit log.
    const made2 = await t.app.db.withSystem(
      async (db) =>
        (
          await db.query(
            `SELECT (SELECT count(*)::int FROM member_invites i JOIN wards w ON w.id = i.ward_id
                      WHERE w.slug = 'xuan-lap') AS invites,
                    (SELECT count(*)::int FROM audit_log a JOIN wards w ON w.id = a.ward_id
                      WHERE w.slug = 'xuan-lap' AND a.action = 'members.invite') AS audited`,
          )
        ).rows[0],
    );
    expect(made2).toEqual({ invites: 2, audited: 1 });

    // Without --phone, the ward's only admin gets the link.
    const onlyAdmin = await npmRun('ward:invite-admin', ['--slug', 'xuan-lap']);
    expect(onlyAdmin.code, onlyAdmin.err).toBe(0);
    expect(onlyAdmin.out).toContain('Liên kết đăng nhập mới cho Anh Tâm');
  }, 180_000);

  it("ward:connect-oa stores the pair the ward's OA admin granted, and the ward then works through its own OA; bad input is refused, nothing stored", async () => {
    const OA = '5400000000000000004';
    const sim = t.app.zalo.simulator!;
    const grant = sim.issueOaGrant(OA);
    const tokens = ['--access-token', grant.accessToken, '--refresh-token', grant.refreshToken];
    const stored = () =>
      t.app.db.withSystem(
        async (db) =>
          (await db.query('SELECT count(*)::int AS n FROM oa_tokens WHERE oa_id = $1', [OA])).rows[0].n,
      );

    const missing = await npmRun('ward:connect-oa', ['--slug', 'binh-loc', '--oa-id', OA]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/Cần đủ --slug, --oa-id, --access-token và --refresh-token/);
    const unknown = await npmRun('ward:connect-oa', ['--slug', 'khong-co', '--oa-id', OA, ...tokens]);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/Không có phường nào với mã "khong-co"/);
    const badId = await npmRun('ward:connect-oa', ['--slug', 'binh-loc', '--oa-id', 'OA-1', ...tokens]);
    expect(badId.code).toBe(1);
    expect(badId.err).toMatch(/--oa-id chưa đúng/);
    expect(await stored()).toBe(0);

    const connected = await npmRun('ward:connect-oa', ['--slug', 'binh-loc', '--oa-id', OA, ...tokens]);
    expect(connected.code, connected.err).toBe(0);
    expect(connected.out).toMatch(`Đã lưu cặp token OA ${OA} cho Phường Bình Lộc`);
    expect(connected.out + connected.err).not.toContain(grant.refreshToken);
    expect(await stored()).toBe(1);
    // The server now reaches Zalo as that OA, and sees that OA's groups only.
    await t.app.inject({
      method: 'POST',
      url: '/sim/api/groups',
      payload: { groups: [{ groupId: '740000000000000004', name: 'KP1 Bình Lộc (OA)', oaId: OA }] },
    });
    const groups = await t.app.zalo.oas.messenger(OA).getGroupsOfOa();
    expect(groups.groups.map((g) => g.group_id)).toEqual(['740000000000000004']);
    const audit = await t.app.db.withSystem(
      async (db) =>
        (await db.query(`SELECT entity_id FROM audit_log WHERE action = 'zalo.oa_connected'`)).rows,
    );
    expect(audit).toEqual([{ entity_id: OA }]);
  }, 180_000);
});
