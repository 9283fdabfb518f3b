/**
 * Setting a ward up through the API: the ward, places, units, members (add, edit, deactivate: access
 * lost at once), the .xlsx/.csv list import (preview, refusal saves nothing, then the fixed list), the
 * export, and the Zalo groups (the OA's from getgroupsofoa, khu phố groups a team shares into).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWardWithAdmin } from '../../server/src/wards/create-ward.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { addApprovedPost, addGroups, addSchedule, deliveryRows, makeEngine } from '../helpers/broadcasts.js';
import { createWard, type WardFixture } from '../helpers/factories.js';
import { FakeZalo } from '../helpers/fake-zalo.js';
import { fortyMembers, membersXlsx, readXlsx } from '../helpers/member-lists.js';
import { authHeader } from '../helpers/sessions.js';

const XUAN_THO_OA = '123456789';

describe('ward set-up', () => {
  let t: TestApp;
  let w: WardFixture;
  let adminId: string;
  const admin = () =>
    authHeader(t.app, { memberId: adminId, wardId: w.wardId, role: 'admin', unitId: w.unitId });
  const staff = () =>
    authHeader(t.app, { memberId: w.staffId, wardId: w.wardId, role: 'staff', unitId: w.unitId });
  const api = (method: string, url: string, payload?: object, headers = admin()) =>
    t.app.inject({ method: method as 'GET', url, headers, ...(payload ? { payload } : {}) });
  const count = async (sql: string) =>
    t.app.db.withSystem(async (db) => (await db.query(sql, [w.wardId])).rows[0].n as number);

  beforeAll(async () => {
    // This server's one OA is Xuân Thọ's (the id the first test gives the ward), not the seeded ward's.
    t = await buildTestApp({ seed: true, env: { ZALO_OA_ID: XUAN_THO_OA } });
    w = await createWard(t.app.db, 'Phường Xuân Thọ');
    adminId = await t.app.db.withSystem(
      async (db) =>
        (
          await db.query(
            `INSERT INTO members (ward_id, unit_id, role, full_name, phone) VALUES ($1, $2, 'admin', 'Quản trị Xuân Thọ', '84900000001') RETURNING id`,
            [w.wardId, w.unitId],
          )
        ).rows[0].id,
    );
  });
  afterAll(() => t.close());

  it('edits the ward and its location circle, refusing half a circle, and audits it', async () => {
    const half = await api('PATCH', '/api/ward', { centerLat: 10.95 });
    expect(half.statusCode).toBe(400);
    expect(half.json().message).toMatch(/cần đủ ba giá trị/);
    const ok = await api('PATCH', '/api/ward', {
      centerLat: 10.95,
      centerLng: 107.15,
      radiusM: 3000,
      zaloOaId: XUAN_THO_OA,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ name: 'Phường Xuân Thọ', radiusM: 3000, zaloOaId: XUAN_THO_OA });
    expect(
      await count(`SELECT count(*)::int AS n FROM audit_log WHERE ward_id = $1 AND action = 'wards.update'`),
    ).toBe(1);
    const bad = await api('PATCH', '/api/ward', { radiusM: 'xa' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/[ạ-ỹ]/);
  });

  it("refuses an OA id that belongs to another ward, saying so; only an admin changes the ward's OA id", async () => {
    const other = await createWard(t.app.db, 'Phường Xuân Đường');
    await t.app.db.withSystem((db) =>
      db.query(`UPDATE wards SET zalo_oa_id = '987654321' WHERE id = $1`, [other.wardId]),
    );
    const taken = await api('PATCH', '/api/ward', { zaloOaId: '987654321' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'WARD_OA_TAKEN' });
    expect(taken.json().message).toMatch(/Mã OA này đã thuộc phường khác/);

    const byStaff = await api('PATCH', '/api/ward', { zaloOaId: '555555555' }, staff());
    expect(byStaff.statusCode).toBe(403);
    expect(byStaff.json().message).toMatch(/Chỉ quản trị viên mới đổi được mã OA/);
    // Staff still save the rest of the form, the unchanged OA id included.
    const rest = await api('PATCH', '/api/ward', { name: 'Phường Xuân Thọ', zaloOaId: XUAN_THO_OA }, staff());
    expect(rest.statusCode, rest.body).toBe(200);
    expect((await api('GET', '/api/ward')).json().zaloOaId).toBe(XUAN_THO_OA);
  });

  it('adds banner places and units; a team needs its khu phố', async () => {
    const place = await api('POST', '/api/ward/places', {
      name: 'Trụ sở UBND phường',
      lat: 10.95,
      lng: 107.15,
      radiusM: 80,
    });
    expect(place.statusCode).toBe(201);
    const again = await api('POST', '/api/ward/places', {
      name: 'Trụ sở UBND phường',
      lat: 10.9,
      lng: 107.1,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toMatch(/đã có địa điểm/);

    const noKhuPho = await api('POST', '/api/ward/units', { kind: 'digital_team', name: 'Tổ CNS Khu phố 2' });
    expect(noKhuPho.statusCode).toBe(400);
    expect(noKhuPho.json().message).toMatch(/khu phố/);
    for (const n of [2, 3, 4]) {
      const team = await api('POST', '/api/ward/units', {
        kind: 'digital_team',
        name: `Tổ CNS Khu phố ${n}`,
        khuPhoName: `Khu phố ${n}`,
      });
      expect(team.statusCode).toBe(201);
      expect(team.json()).toMatchObject({ kind: 'digital_team', khuPhoName: `Khu phố ${n}` });
    }
    const units = (await api('GET', '/api/ward/units')).json().units as { name: string; kind: string }[];
    expect(units.filter((u) => u.kind === 'khu_pho').map((u) => u.name)).toEqual([
      'Khu phố 2',
      'Khu phố 3',
      'Khu phố 4',
    ]);
  });

  it('adds, edits and deactivates a member; the deactivated member loses access on the next request', async () => {
    const created = await api('POST', '/api/ward/members', {
      fullName: 'Phạm Thị Dung',
      phone: '0903 123 456',
      role: 'team_member',
      unitId: w.teamId,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      phone: '0903123456',
      role: 'team_member',
      active: true,
      linked: false,
    });
    const id = created.json().id as string;

    const wrongPhone = await api('POST', '/api/ward/members', {
      fullName: 'A',
      phone: '12345',
      role: 'staff',
      unitId: null,
    });
    expect(wrongPhone.statusCode).toBe(400);
    expect(wrongPhone.json().message).toMatch(/Số điện thoại chưa đúng/);
    const samePhone = await api('POST', '/api/ward/members', {
      fullName: 'B',
      phone: '0903123456',
      role: 'staff',
      unitId: null,
    });
    expect(samePhone.statusCode).toBe(409);
    const teamless = await api('POST', '/api/ward/members', {
      fullName: 'C',
      phone: '0903123457',
      role: 'team_member',
      unitId: null,
    });
    expect(teamless.statusCode).toBe(400);
    const staffMakesAdmin = await api(
      'POST',
      '/api/ward/members',
      { fullName: 'D', phone: '0903123458', role: 'admin', unitId: null },
      staff(),
    );
    expect(staffMakesAdmin.statusCode).toBe(403);

    const herSession = authHeader(t.app, {
      memberId: id,
      wardId: w.wardId,
      role: 'team_member',
      unitId: w.teamId,
    });
    expect((await t.app.inject({ url: '/api/me/assignments', headers: herSession })).statusCode).toBe(200);
    const off = await api('PATCH', `/api/ward/members/${id}`, { active: false });
    expect(off.statusCode).toBe(200);
    expect(off.json().active).toBe(false);
    const after = await t.app.inject({ url: '/api/me/assignments', headers: herSession });
    expect(after.statusCode).toBe(401);
    expect(after.json().message).toMatch(/đã bị khóa/);

    const self = await api('PATCH', `/api/ward/members/${adminId}`, { active: false });
    expect(self.statusCode).toBe(409);
    const actions = await t.app.db.withSystem(
      async (db) =>
        (await db.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`, [id])).rows,
    );
    expect(actions.map((row) => row.action)).toEqual(['members.create', 'members.deactivate']);
  });

  it('previews a 40-member .xlsx, refuses it whole while three rows are wrong, then saves the fixed list', async () => {
    const teams = ['Tổ CNS Khu phố 2', 'Tổ CNS Khu phố 3', 'Tổ CNS Khu phố 4'];
    const rows = fortyMembers(teams, 'Phòng Văn hóa - Xã hội');
    const broken = rows.map((row) => [...row] as typeof row);
    broken[5]![1] = '09123'; // too short
    broken[12]![2] = 'Trưởng ban'; // unknown role
    broken[30]![3] = 'Tổ CNS Khu phố 9'; // no such team
    const send = async (list: typeof rows, commit: boolean) =>
      api('POST', '/api/ward/members/import', {
        fileName: 'danh-sach.xlsx',
        contentBase64: (await membersXlsx(list)).toString('base64'),
        commit,
      });
    const before = await count(`SELECT count(*)::int AS n FROM members WHERE ward_id = $1`);

    const preview = await send(broken, false);
    expect(preview.statusCode).toBe(200);
    const body = preview.json();
    expect(body.ok).toBe(false);
    expect(body.rows).toHaveLength(40);
    const wrong = body.rows.filter((row: { problems: string[] }) => row.problems.length > 0);
    expect(wrong.map((row: { line: number }) => row.line)).toEqual([7, 14, 32]);
    expect(wrong[0].problems[0]).toMatch(/Số điện thoại "09123" chưa đúng/);
    expect(wrong[1].problems[0]).toMatch(/Vai trò "Trưởng ban" không rõ/);
    expect(wrong[2].problems[0]).toMatch(/Không có tổ\/đơn vị "Tổ CNS Khu phố 9"/);

    const refused = await send(broken, true);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().message).toMatch(/3 dòng chưa đúng nên chưa lưu người nào/);
    expect(refused.json().details.map((d: { field: string }) => d.field)).toEqual([
      'Dòng 7',
      'Dòng 14',
      'Dòng 32',
    ]);
    expect(await count(`SELECT count(*)::int AS n FROM members WHERE ward_id = $1`)).toBe(before);

    const saved = await send(rows, true);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ ok: true, saved: true, created: 40, updated: 0 });
    expect(await count(`SELECT count(*)::int AS n FROM members WHERE ward_id = $1`)).toBe(before + 40);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM audit_log WHERE ward_id = $1 AND action = 'members.import_create'`,
      ),
    ).toBe(40);
    // Importing the same list again updates, never duplicates.
    const again = await send(rows, false);
    expect(again.json()).toMatchObject({ ok: true, created: 0, updated: 40 });
  });

  it('reads a .csv with ";" and Vietnamese headers, and refuses a file without the columns', async () => {
    const csv =
      '\uFEFFHọ và tên;SĐT;Vai trò;Tổ/đơn vị\r\nĐỗ Văn Em;+84 912 555 666;Thành viên tổ;Tổ CNS Khu phố 2\r\n';
    const res = await api('POST', '/api/ward/members/import', {
      fileName: 'ds.csv',
      contentBase64: Buffer.from(csv).toString('base64'),
      commit: true,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ saved: true, created: 1 });
    const noHeader = await api('POST', '/api/ward/members/import', {
      fileName: 'ds.csv',
      contentBase64: Buffer.from('a,b\r\n1,2\r\n').toString('base64'),
      commit: false,
    });
    expect(noHeader.statusCode).toBe(400);
    expect(noHeader.json().message).toMatch(/thiếu cột: Họ tên, Số điện thoại, Vai trò, Tổ\/đơn vị/);
    const notXlsx = await api('POST', '/api/ward/members/import', {
      fileName: 'ds.xlsx',
      contentBase64: Buffer.from('không phải excel').toString('base64'),
      commit: false,
    });
    expect(notXlsx.statusCode).toBe(400);
    expect(notXlsx.json().message).toMatch(/Không đọc được tệp/);
  });

  it('exports the list in the columns the import reads', async () => {
    const res = await api('GET', '/api/ward/members/export?format=xlsx');
    expect(res.statusCode).toBe(200);
    const rows = await readXlsx(res.rawPayload);
    expect(rows[0]).toEqual(['Họ tên', 'Số điện thoại', 'Vai trò', 'Tổ/đơn vị', 'Trạng thái']);
    expect(rows).toContainEqual([
      'Đỗ Văn Em',
      '0912555666',
      'Thành viên tổ',
      'Tổ CNS Khu phố 2',
      'Đang hoạt động',
    ]);
    const csv = await api('GET', '/api/ward/members/export?format=csv');
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body).toContain('Phạm Thị Dung,0903123456,Thành viên tổ,Tổ CNS Khu phố 1,Đã khóa');
  });

  it('imports the exported list back without unlocking anyone; Trạng thái locks or unlocks, as the preview says', async () => {
    const isActive = async (phone: string) =>
      t.app.db.withSystem(
        async (db) =>
          (await db.query('SELECT active FROM members WHERE ward_id = $1 AND phone = $2', [w.wardId, phone]))
            .rows[0].active as boolean,
      );
    const importList = (fileName: string, content: Buffer, commit: boolean) =>
      api('POST', '/api/ward/members/import', {
        fileName,
        contentBase64: content.toString('base64'),
        commit,
      });
    const DUNG = '84903123456'; // locked in the test above
    const EM = '84912555666';
    expect(await isActive(DUNG)).toBe(false);

    // The export as it is, straight back in: nobody's access changes.
    const exported = (await api('GET', '/api/ward/members/export?format=xlsx')).rawPayload;
    const preview = await importList('thanh-vien.xlsx', exported, false);
    expect(preview.statusCode).toBe(200);
    expect(preview.json().ok).toBe(true);
    expect(preview.json().rows.filter((r: { activeChange: string | null }) => r.activeChange)).toEqual([]);
    // People who signed in through Zalo and have no phone are listed with none: the import leaves them be.
    expect(preview.json().rows.filter((r: { action: string }) => r.action === 'keep').length).toBeGreaterThan(
      0,
    );
    expect((await importList('thanh-vien.xlsx', exported, true)).json().saved).toBe(true);
    expect(await isActive(DUNG)).toBe(false);
    expect(await isActive(EM)).toBe(true);

    // The export edited as a CSV: without the Trạng thái column, everyone keeps their state.
    const rows = await readXlsx(exported);
    const csv = (cells: string[][]) => Buffer.from(cells.map((row) => row.join(';')).join('\r\n'));
    expect((await importList('ds.csv', csv(rows.map((row) => row.slice(0, 4))), true)).json().saved).toBe(
      true,
    );
    expect(await isActive(DUNG)).toBe(false);

    // Staff unlock Dung and lock Em in the file: the preview names both, saving does it.
    const flipped = rows.map((row) =>
      row[1] === '0903123456'
        ? [...row.slice(0, 4), 'Đang hoạt động']
        : row[1] === '0912555666'
          ? [...row.slice(0, 4), 'đã khoá']
          : row,
    );
    const changes = (await importList('ds.csv', csv(flipped), false))
      .json()
      .rows.filter((r: { activeChange: string | null }) => r.activeChange)
      .map((r: { fullName: string; activeChange: string }) => [r.fullName, r.activeChange]);
    expect(changes.sort()).toEqual([
      ['Phạm Thị Dung', 'unlock'],
      ['Đỗ Văn Em', 'lock'],
    ]);
    expect((await importList('ds.csv', csv(flipped), true)).json().saved).toBe(true);
    expect([await isActive(DUNG), await isActive(EM)]).toEqual([true, false]);

    // A state the import does not know is a problem of its row, and nothing is saved.
    const odd = flipped.map((row) => (row[1] === '0912555666' ? [...row.slice(0, 4), 'Tạm nghỉ'] : row));
    const refused = await importList('ds.csv', csv(odd), true);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().details[0].message).toMatch(/Trạng thái "Tạm nghỉ" không rõ/);
    expect(await isActive(EM)).toBe(false);

    // Em's team stops ("Ngừng dùng"): its members are still exported, and the export reads back as it
    // is; nobody new or moved is put into the stopped team, and the row says why.
    const unitOf = async (phone: string) =>
      t.app.db.withSystem(
        async (db) =>
          (await db.query('SELECT unit_id FROM members WHERE ward_id = $1 AND phone = $2', [w.wardId, phone]))
            .rows[0].unit_id as string,
      );
    const emTeam = await unitOf(EM);
    expect((await api('PATCH', `/api/ward/units/${emTeam}`, { active: false })).statusCode).toBe(200);
    const withStopped = (await api('GET', '/api/ward/members/export?format=xlsx')).rawPayload;
    const back = await importList('thanh-vien.xlsx', withStopped, false);
    expect(back.json().ok, back.body).toBe(true);
    expect((await importList('thanh-vien.xlsx', withStopped, true)).json().saved).toBe(true);
    expect(await unitOf(EM)).toBe(emTeam);

    const listed = await readXlsx(withStopped);
    const emRow = listed.find((row) => row[1] === '0912555666')!;
    const other = listed.find((row) => row[1] && row[2] === emRow[2] && row[3] !== emRow[3])!;
    const intoStopped = [...listed, ['Ngô Văn Mới', '0987000111', emRow[2]!, emRow[3]!]].map((row) =>
      row === other ? [other[0]!, other[1]!, other[2]!, emRow[3]!] : row.slice(0, 4),
    );
    const stoppedPreview = (await importList('ds.csv', csv(intoStopped), false)).json();
    expect(stoppedPreview.ok).toBe(false);
    const refusedRows = stoppedPreview.rows
      .filter((r: { problems: string[] }) => r.problems.length > 0)
      .map((r: { fullName: string; problems: string[] }) => [r.fullName, r.problems]);
    expect(refusedRows.sort()).toEqual(
      [
        [
          other[0],
          [
            `Tổ/đơn vị "${emRow[3]}" đã ngừng dùng: chọn tổ/đơn vị khác, hoặc bật lại đơn vị trong Thiết lập phường.`,
          ],
        ],
        [
          'Ngô Văn Mới',
          [
            `Tổ/đơn vị "${emRow[3]}" đã ngừng dùng: chọn tổ/đơn vị khác, hoặc bật lại đơn vị trong Thiết lập phường.`,
          ],
        ],
      ].sort(),
    );
    expect((await api('PATCH', `/api/ward/units/${emTeam}`, { active: true })).statusCode).toBe(200);
  });

  it("lists the OA's groups from Zalo, registers one as oa_group and a khu phố group as team_share", async () => {
    await t.app.inject({
      method: 'POST',
      url: '/sim/api/groups',
      payload: { groups: [{ groupId: '880000000000000077', name: 'KP2 Xuân Thọ (OA)' }] },
    });
    const fetched = await api('GET', '/api/ward/groups/zalo');
    expect(fetched.statusCode).toBe(200);
    const oaGroup = fetched
      .json()
      .groups.find((g: { zaloGroupId: string }) => g.zaloGroupId === '880000000000000077');
    expect(oaGroup).toMatchObject({ name: 'KP2 Xuân Thọ (OA)', registeredId: null });

    const units = (await api('GET', '/api/ward/units')).json().units as { id: string; name: string }[];
    const kp2 = units.find((u) => u.name === 'Khu phố 2')!.id;
    const kp3 = units.find((u) => u.name === 'Khu phố 3')!.id;
    const team3 = units.find((u) => u.name === 'Tổ CNS Khu phố 3')!.id;
    const notOa = await api('POST', '/api/ward/groups', {
      name: 'Nhóm lạ',
      deliveryMode: 'oa_group',
      zaloGroupId: '123456',
      khuPhoUnitId: kp2,
    });
    expect(notOa.statusCode).toBe(400);
    expect(notOa.json().message).toMatch(/không có trong các nhóm của OA/);
    const registered = await api('POST', '/api/ward/groups', {
      name: 'KP2 Xuân Thọ (OA)',
      deliveryMode: 'oa_group',
      zaloGroupId: '880000000000000077',
      khuPhoUnitId: kp2,
    });
    expect(registered.statusCode).toBe(201);
    // The same Zalo group under another name would make every post reach its residents twice.
    const twice = await api('POST', '/api/ward/groups', {
      name: 'KP2 (đăng ký lần hai)',
      deliveryMode: 'oa_group',
      zaloGroupId: '880000000000000077',
      khuPhoUnitId: kp2,
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'GROUP_NAME_TAKEN' });
    expect(twice.json().message).toMatch(/mã nhóm này/);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM zalo_groups WHERE ward_id = $1 AND zalo_group_id = '880000000000000077'`,
      ),
    ).toBe(1);
    const noTeam = await api('POST', '/api/ward/groups', {
      name: 'Khu phố 3 - Xuân Thọ',
      deliveryMode: 'team_share',
      khuPhoUnitId: kp3,
    });
    expect(noTeam.statusCode).toBe(400);
    expect(noTeam.json().message).toMatch(/tổ phụ trách/);
    const shared = await api('POST', '/api/ward/groups', {
      name: 'Khu phố 3 - Xuân Thọ',
      deliveryMode: 'team_share',
      khuPhoUnitId: kp3,
      responsibleUnitId: team3,
    });
    expect(shared.statusCode).toBe(201);
    expect(shared.json()).toMatchObject({ responsibleUnitName: 'Tổ CNS Khu phố 3', lastDelivery: null });
    const list = (await api('GET', '/api/ward/groups')).json().groups;
    expect(list.map((g: { name: string }) => g.name).sort()).toEqual([
      'KP2 Xuân Thọ (OA)',
      'Khu phố 3 - Xuân Thọ',
    ]);
    expect((await api('GET', '/api/ward/groups/zalo')).json().groups).toContainEqual({
      zaloGroupId: '880000000000000077',
      name: 'KP2 Xuân Thọ (OA)',
      registeredId: registered.json().id,
    });
  });

  it("a ward whose OA is not this server's cannot see, register or send into the OA's groups", async () => {
    const other = await createWard(t.app.db, 'Phường Bình Lộc');
    const otherStaff = authHeader(t.app, {
      memberId: other.staffId,
      wardId: other.wardId,
      role: 'staff',
      unitId: other.unitId,
    });
    const groupsOf = (wardId: string) =>
      t.app.db.withSystem(
        async (db) => (await db.query('SELECT name FROM zalo_groups WHERE ward_id = $1', [wardId])).rows,
      );
    const khuPho = await t.app.db.withSystem(
      async (db) =>
        (
          await db.query(
            `INSERT INTO units (ward_id, kind, name) VALUES ($1, 'khu_pho', 'Khu phố 1') RETURNING id`,
            [other.wardId],
          )
        ).rows[0].id as string,
    );

    // Xuân Thọ's OA groups are not Bình Lộc's to list.
    const fetched = await api('GET', '/api/ward/groups/zalo', undefined, otherStaff);
    expect(fetched.statusCode).toBe(409);
    expect(fetched.json().message).toMatch(/^Phường chưa kết nối OA Zalo của mình/);
    expect(fetched.body).not.toContain('880000000000000077');
    // Nor to register and post into; nothing is stored.
    const taken = await api(
      'POST',
      '/api/ward/groups',
      { name: 'KP2 (OA)', deliveryMode: 'oa_group', zaloGroupId: '880000000000000077', khuPhoUnitId: khuPho },
      otherStaff,
    );
    expect(taken.statusCode).toBe(409);
    expect(taken.json().message).toMatch(/nhóm khu phố thường do tổ chia sẻ/);
    expect(await groupsOf(other.wardId)).toEqual([]);
    // Its ordinary khu phố groups, shared by its teams, are registered as before.
    const shared = await api(
      'POST',
      '/api/ward/groups',
      {
        name: 'Khu phố 1 - Bình Lộc',
        deliveryMode: 'team_share',
        khuPhoUnitId: khuPho,
        responsibleUnitId: other.teamId,
      },
      otherStaff,
    );
    expect(shared.statusCode).toBe(201);
    // The OA's own ward still lists them.
    expect((await api('GET', '/api/ward/groups/zalo')).statusCode).toBe(200);

    // An OA group of Bình Lộc already in the table (registered before this guard) is never sent into
    // through Xuân Thọ's OA: its delivery fails with the reason, while Xuân Thọ's own goes out.
    const [strange] = await addGroups(t.app.db, other, 1);
    // A campaign of its own, so the ward's campaign the later tests edit stays a draft.
    const sending = {
      ...w,
      campaignId: await t.app.db.withSystem(
        async (db) =>
          (
            await db.query(
              `INSERT INTO campaigns (ward_id, title, theme, starts_on, ends_on) VALUES ($1, 'Gửi thử', 'Thử', '2026-05-18', '2026-05-24') RETURNING id`,
              [w.wardId],
            )
          ).rows[0].id as string,
      ),
    };
    const [own] = await addGroups(t.app.db, sending, 1);
    const due = '2026-05-19T08:00:00+07:00';
    const strangePost = await addApprovedPost(t.app.db, other, 'Bài của Bình Lộc');
    const ownPost = await addApprovedPost(t.app.db, sending, 'Bài của Xuân Thọ');
    await addSchedule(t.app.db, other, strangePost, { runAt: due }, { groupIds: [strange!.id] });
    await addSchedule(t.app.db, sending, ownPost, { runAt: due }, { groupIds: [own!.id] });
    const clock = new Date(new Date(due).getTime() + 1_000);
    const zalo = new FakeZalo(() => clock);
    // The server's rule for a row's OA (its ward's own, connected), with the fake in place of Zalo.
    const engine = makeEngine(t.app, zalo, {
      messengerFor: async (oaId) => {
        await t.app.zalo.oas.connected(oaId);
        return zalo;
      },
    });
    await engine.runOnce(clock);
    await engine.runOnce(clock);
    const [refused] = await deliveryRows(t.app.db, strangePost);
    expect(refused).toMatchObject({ status: 'failed' });
    expect(refused!.errorReason).toMatch(/^Phường chưa kết nối OA Zalo của mình/);
    expect(zalo.countTo(strange!.zaloGroupId!)).toBe(0);
    expect((await deliveryRows(t.app.db, ownPost))[0]).toMatchObject({ status: 'sent' });
    expect(zalo.countTo(own!.zaloGroupId!)).toBe(1);
  });

  it('edits a group: name, khu phố, team and on/off, audited; a wrong khu phố or a team group without its team is refused', async () => {
    const units = (await api('GET', '/api/ward/units')).json().units as { id: string; name: string }[];
    const unit = (name: string) => units.find((u) => u.name === name)!.id;
    const groups = (await api('GET', '/api/ward/groups')).json().groups as { id: string; name: string }[];
    const group = groups.find((g) => g.name === 'Khu phố 3 - Xuân Thọ')!;
    const audits = () =>
      count(`SELECT count(*)::int AS n FROM audit_log WHERE ward_id = $1 AND action = 'groups.update'`);
    const auditsBefore = await audits();

    const notKhuPho = await api('PATCH', `/api/ward/groups/${group.id}`, {
      khuPhoUnitId: unit('Tổ CNS Khu phố 3'),
    });
    expect(notKhuPho.statusCode).toBe(400);
    expect(notKhuPho.json().message).toMatch(/Khu phố được chọn không có trong phường/);
    const noTeam = await api('PATCH', `/api/ward/groups/${group.id}`, { responsibleUnitId: null });
    expect(noTeam.statusCode).toBe(400);
    expect(noTeam.json().message).toMatch(/tổ phụ trách/);
    expect(await audits()).toBe(auditsBefore);

    const edited = await api('PATCH', `/api/ward/groups/${group.id}`, {
      name: 'Khu phố 4 - Xuân Thọ',
      khuPhoUnitId: unit('Khu phố 4'),
      responsibleUnitId: unit('Tổ CNS Khu phố 4'),
      status: 'disabled',
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({
      name: 'Khu phố 4 - Xuân Thọ',
      khuPhoName: 'Khu phố 4',
      responsibleUnitName: 'Tổ CNS Khu phố 4',
      status: 'disabled',
    });
    const listed = (await api('GET', '/api/ward/groups'))
      .json()
      .groups.find((g: { id: string }) => g.id === group.id);
    expect(listed).toMatchObject({ khuPhoName: 'Khu phố 4', status: 'disabled' });
    expect(await audits()).toBe(auditsBefore + 1);
    const team = await api(
      'PATCH',
      `/api/ward/groups/${group.id}`,
      { status: 'active' },
      authHeader(t.app, {
        memberId: w.teamMemberId,
        wardId: w.wardId,
        role: 'team_member',
        unitId: w.teamId,
      }),
    );
    expect(team.statusCode).toBe(403);
  });

  it('shows the audit log filtered by person and by campaign; team members cannot read it', async () => {
    const mine = await api('GET', `/api/audit?memberId=${adminId}`);
    expect(mine.statusCode).toBe(200);
    expect(mine.json().entries.length).toBeGreaterThan(40);
    expect(new Set(mine.json().entries.map((e: { actorName: string }) => e.actorName))).toEqual(
      new Set(['Quản trị Xuân Thọ']),
    );
    await api('PATCH', `/api/campaigns/${w.campaignId}`, { theme: 'Chủ đề mới' }, staff());
    const campaign = await api('GET', `/api/audit?campaignId=${w.campaignId}`);
    expect(campaign.json().entries.map((e: { action: string }) => e.action)).toEqual(['campaigns.update']);
    const team = await t.app.inject({
      url: '/api/audit',
      headers: authHeader(t.app, {
        memberId: w.teamMemberId,
        wardId: w.wardId,
        role: 'team_member',
        unitId: w.teamId,
      }),
    });
    expect(team.statusCode).toBe(403);
    const bad = await api('GET', '/api/audit?memberId=khong-phai-ma');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/[ạ-ỹ]/);
  });

  it('creates a ward with its first admin, whose one-time link signs them in; staff make links for members', async () => {
    const made = await createWardWithAdmin(
      t.app.db,
      {
        name: 'Phường Long Khánh',
        slug: 'long-khanh',
        province: 'Đồng Nai',
        adminName: 'Chị Hạnh',
        adminPhone: '0911222333',
      },
      { miniApp: 'https://zalo.me/s/4318' },
    );
    // The mini app in Zalo, as Zalo documents its links (zalo.me/s/<app>/?key=value): no demo link live.
    expect(made.link).toMatch(/^https:\/\/zalo\.me\/s\/4318\/\?invite=[A-Za-z0-9_-]{32}$/);
    expect(made.demoLink).toBeUndefined();
    const invite = made.link.split('invite=')[1]!;
    const person = await t.app.inject({
      method: 'POST',
      url: '/sim/api/people',
      payload: { name: 'Chị Hạnh' },
    });
    const signIn = (accessToken: string) =>
      t.app.inject({ method: 'POST', url: '/api/auth/invite', payload: { invite, accessToken } });
    const first = await signIn(person.json().accessToken);
    expect(first.statusCode).toBe(200);
    expect(first.json().member).toMatchObject({
      fullName: 'Chị Hạnh',
      role: 'admin',
      wardName: 'Phường Long Khánh',
      wardSlug: 'long-khanh',
    });
    const ward = await t.app.inject({
      url: '/api/ward',
      headers: { authorization: `Bearer ${first.json().token}` },
    });
    expect(ward.json()).toMatchObject({
      slug: 'long-khanh',
      name: 'Phường Long Khánh',
      placeName: 'Long Khánh',
    });
    // The link works once.
    const other = await t.app.inject({
      method: 'POST',
      url: '/sim/api/people',
      payload: { name: 'Người khác' },
    });
    const again = await signIn(other.json().accessToken);
    expect(again.statusCode).toBe(401);
    expect(again.json().message).toMatch(/đã dùng hoặc đã hết hạn/);
    // Signing in with Zalo later finds the same member by the linked account.
    const zalo = await t.app.inject({
      method: 'POST',
      url: '/api/auth/zalo',
      payload: { accessToken: person.json().accessToken },
    });
    expect(zalo.json().member).toMatchObject({ id: made.adminId, role: 'admin' });

    const link = await api('POST', `/api/ward/members/${w.teamMemberId}/invite`, undefined, staff());
    expect(link.statusCode).toBe(200);
    // The mini app's link; with the simulator (this test server), also this server's page for the demo.
    const token = link.json().link.split('invite=')[1];
    expect(link.json()).toMatchObject({
      link: `https://zalo.me/s/loa-phuong/?invite=${token}`,
      demoLink: `${t.app.config.publicUrl}/?invite=${token}`,
    });
    expect(
      (await api('POST', `/api/ward/members/${made.adminId}/invite`, undefined, staff())).statusCode,
    ).toBe(404);
  });
});
