/**
 * A refused form names each field as the form does (its schema's Vietnamese description), never by
 * the JSON key a person has never seen; the key stays in `details` for the app.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { createWard, type WardFixture } from '../helpers/factories.js';
import { authHeader } from '../helpers/sessions.js';

describe('validation messages', () => {
  let t: TestApp;
  let w: WardFixture;
  const addMember = (payload: object) =>
    t.app.inject({
      method: 'POST',
      url: '/api/ward/members',
      headers: authHeader(t.app, { memberId: w.staffId, wardId: w.wardId, role: 'staff', unitId: w.unitId }),
      payload,
    });
  const members = async () =>
    t.app.db.withSystem(
      async (db) =>
        (await db.query('SELECT count(*)::int AS n FROM members WHERE ward_id = $1', [w.wardId])).rows[0]
          .n as number,
    );

  beforeAll(async () => {
    t = await buildTestApp();
    w = await createWard(t.app.db);
  });
  afterAll(() => t.close());

  it('names a too long and an empty field by their Vietnamese names, and stores nothing', async () => {
    const before = await members();
    const res = await addMember({
      fullName: '',
      phone: '0'.repeat(25),
      role: 'team_member',
      unitId: w.teamId,
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.message).toBe(
      'Dữ liệu chưa hợp lệ: “Họ tên” không được để trống; “Số điện thoại” không được dài quá 20 ký tự.',
    );
    expect(body.details).toEqual([
      { field: 'fullName', label: 'Họ tên', message: 'không được để trống' },
      { field: 'phone', label: 'Số điện thoại', message: 'không được dài quá 20 ký tự' },
    ]);
    expect(await members()).toBe(before);
  });

  it('names a missing field by its description, and an unknown one by the key that was sent', async () => {
    const res = await addMember({
      fullName: 'Phạm Thị Dung',
      role: 'team_member',
      unitId: w.teamId,
      nickname: 'Dung',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('“Số điện thoại” là trường bắt buộc, hãy nhập giá trị');
    expect(res.json().message).toContain('“nickname” không được phép, hãy bỏ trường này');
  });
});
