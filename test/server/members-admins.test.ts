/**
 * A ward always keeps an admin who can act: the first admin `ward:create` makes without a phone can be
 * edited and locked like anyone; nobody locks or demotes themselves (in the app or through their own
 * row of an imported list); and no change leaves the ward without an active admin, even two admins
 * locking each other at the same moment.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWardWithAdmin } from '../../server/src/wards/create-ward.js';
import { readMemberList } from '../../server/src/wards/member-list.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { authHeader } from '../helpers/sessions.js';

describe('the ward keeps an active admin', () => {
  let t: TestApp;
  let wardId: string;
  let firstAdminId: string;
  let secondAdminId: string;
  let officeId: string;

  const as = (memberId: string, role: 'admin' | 'staff' = 'admin') =>
    authHeader(t.app, { memberId, wardId, role, unitId: officeId });
  const patch = (memberId: string, by: string, payload: object) =>
    t.app.inject({ method: 'PATCH', url: `/api/ward/members/${memberId}`, headers: as(by), payload });
  const importCsv = (by: string, lines: string[], commit: boolean) =>
    t.app.inject({
      method: 'POST',
      url: '/api/ward/members/import',
      headers: as(by),
      payload: {
        fileName: 'ds.csv',
        contentBase64: Buffer.from(
          ['Họ tên;Số điện thoại;Vai trò;Tổ/đơn vị;Trạng thái', ...lines].join('\r\n'),
        ).toString('base64'),
        commit,
      },
    });
  const row = async (id: string) =>
    t.app.db.withSystem(
      async (db) =>
        (await db.query('SELECT role, active, phone, title FROM members WHERE id = $1', [id])).rows[0] as {
          role: string;
          active: boolean;
          phone: string | null;
          title: string | null;
        },
    );
  const activeAdmins = async () =>
    t.app.db.withSystem(
      async (db) =>
        (
          await db.query(
            `SELECT count(*)::int AS n FROM members WHERE ward_id = $1 AND role = 'admin' AND active`,
            [wardId],
          )
        ).rows[0].n as number,
    );

  beforeAll(async () => {
    t = await buildTestApp();
    // As an operator runs it without --admin-phone: the first admin has no phone.
    const made = await createWardWithAdmin(
      t.app.db,
      {
        name: 'Phường Bảo Vinh',
        slug: 'bao-vinh',
        province: 'Đồng Nai',
        adminName: 'Chị Lan',
        adminPhone: undefined,
      },
      { miniApp: 'https://zalo.me/s/4318' },
    );
    wardId = made.wardId;
    firstAdminId = made.adminId;
    ({ secondAdminId, officeId } = await t.app.db.withSystem(async (db) => {
      const office = (await db.query('SELECT unit_id FROM members WHERE id = $1', [firstAdminId])).rows[0]
        .unit_id;
      const second = await db.query(
        `INSERT INTO members (ward_id, unit_id, role, full_name, phone)
         VALUES ($1, $2, 'admin', 'Anh Minh', '84911000222') RETURNING id`,
        [wardId, office],
      );
      return { secondAdminId: second.rows[0].id as string, officeId: office as string };
    }));
  });
  afterAll(() => t.close());

  it('edits and locks the phoneless first admin, who keeps no phone', async () => {
    const titled = await patch(firstAdminId, secondAdminId, { title: 'Phó Chủ tịch' });
    expect(titled.statusCode, titled.body).toBe(200);
    expect(titled.json()).toMatchObject({ phone: null, title: 'Phó Chủ tịch', active: true });
    const locked = await patch(firstAdminId, secondAdminId, { active: false });
    expect(locked.statusCode, locked.body).toBe(200);
    expect(await row(firstAdminId)).toMatchObject({ active: false, phone: null });
    const unlocked = await patch(firstAdminId, secondAdminId, { active: true });
    expect(unlocked.statusCode).toBe(200);
    // A phone given is still checked.
    const wrong = await patch(firstAdminId, secondAdminId, { phone: '0912' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().message).toMatch(/Số điện thoại chưa đúng/);
    expect((await row(firstAdminId)).phone).toBeNull();
  });

  it('refuses to lock or demote oneself, and nothing changes', async () => {
    const demote = await patch(secondAdminId, secondAdminId, { role: 'staff' });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().message).toBe('Bạn không thể tự đổi vai trò của mình. Nhờ một quản trị viên khác.');
    const lock = await patch(secondAdminId, secondAdminId, { active: false });
    expect(lock.statusCode).toBe(409);
    expect(lock.json().message).toMatch(/không thể tự khóa/);
    // Saving one's own row unchanged (as the edit form does) is fine.
    const same = await patch(secondAdminId, secondAdminId, { role: 'admin', title: 'Quản trị' });
    expect(same.statusCode, same.body).toBe(200);
    expect(await row(secondAdminId)).toMatchObject({ role: 'admin', active: true, title: 'Quản trị' });
  });

  it("shows the problem on the importer's own row (demoted or locked) and saves nothing", async () => {
    const demoted = await importCsv(secondAdminId, ['Anh Minh;0911000222;Cán bộ;Văn phòng;'], false);
    expect(demoted.statusCode).toBe(200);
    expect(demoted.json().ok).toBe(false);
    expect(demoted.json().rows[0]).toMatchObject({
      line: 2,
      action: null,
      problems: ['Dòng này là của chính bạn: bạn không thể tự đổi vai trò. Nhờ một quản trị viên khác.'],
    });
    const locked = await importCsv(secondAdminId, ['Anh Minh;0911000222;Quản trị;Văn phòng;Đã khóa'], true);
    expect(locked.statusCode).toBe(422);
    expect(locked.json().details).toEqual([
      {
        field: 'Dòng 2',
        message: 'Dòng này là của chính bạn: bạn không thể tự khóa tài khoản. Nhờ một quản trị viên khác.',
      },
    ]);
    expect(await row(secondAdminId)).toMatchObject({ role: 'admin', active: true });
    // The same row unchanged is not a problem.
    const same = await importCsv(secondAdminId, ['Anh Minh;0911000222;Quản trị;Văn phòng;'], true);
    expect(same.json()).toMatchObject({ ok: true, saved: true, updated: 1 });
  });

  it('two admins locking each other at once: one is refused, one admin stays', async () => {
    const [a, b] = await Promise.all([
      patch(firstAdminId, secondAdminId, { active: false }),
      patch(secondAdminId, firstAdminId, { active: false }),
    ]);
    const codes = [a.statusCode, b.statusCode].sort();
    expect(codes[0], `${a.body} ${b.body}`).toBe(200);
    // The later one is refused: its admin was just locked (401) or it would lock the last one (409).
    expect([401, 409]).toContain(codes[1]);
    const refused = a.statusCode === 200 ? b : a;
    if (refused.statusCode === 409)
      expect(refused.json().message).toMatch(/không còn quản trị viên nào đang hoạt động/);
    expect(await activeAdmins()).toBe(1);
  });

  it('a list that takes away the last active admin is refused on that row', async () => {
    // The preview as a staff member's import would read it, in a ward whose one admin has a phone.
    const { rows } = await readMemberList(
      'ds.csv',
      Buffer.from(
        [
          'Họ tên;Số điện thoại;Vai trò;Tổ/đơn vị;Trạng thái',
          'Anh Minh;0911000222;Quản trị;;Đã khóa',
          'Chị Hoa;0911000333;Cán bộ;;',
        ].join('\n'),
      ),
      {
        units: new Map(),
        mayGrantAdmin: true,
        existingPhones: new Map([['84911000222', { role: 'admin', active: true }]]),
        phonelessNames: new Map(),
        selfPhone: undefined,
        phonelessActiveAdmins: 0,
      },
    );
    expect(rows.map((r) => [r.line, r.action, r.problems])).toEqual([
      [
        2,
        null,
        [
          'Sau khi nhập, phường không còn quản trị viên nào đang hoạt động. Giữ ít nhất một người vai trò Quản trị, trạng thái Đang hoạt động.',
        ],
      ],
      [3, 'create', []],
    ]);
  });
});
