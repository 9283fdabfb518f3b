/** Every new campaign gets the reminder rules a ward would choose; staff can change them, with audit. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { createWard, type WardFixture } from '../helpers/factories.js';
import { authHeader } from '../helpers/sessions.js';

describe('reminder rules of a campaign', () => {
  let t: TestApp;
  let w: WardFixture;
  const staff = () =>
    authHeader(t.app, { memberId: w.staffId, wardId: w.wardId, role: 'staff', unitId: w.unitId });
  beforeAll(async () => {
    t = await buildTestApp();
    w = await createWard(t.app.db);
  });
  afterAll(() => t.close());

  it('starts with: a day after assignment, a day before due, overdue escalation at 07:30; edits are checked', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/campaigns',
      headers: staff(),
      payload: { title: 'Kế hoạch thử nhắc việc', startsOn: '2026-06-01', endsOn: '2026-06-07' },
    });
    expect(created.statusCode).toBe(201);
    const url = `/api/campaigns/${created.json().id}/reminder-rules`;
    const rules = (await t.app.inject({ url, headers: staff() })).json().rules;
    expect(
      rules.map(
        (r: { kind: string; offsetMinutes: number | null; timeOfDay: string | null; escalate: boolean }) => [
          r.kind,
          r.offsetMinutes,
          r.timeOfDay,
          r.escalate,
        ],
      ),
    ).toEqual([
      ['after_assigned', 1440, null, false],
      ['before_due', 1440, null, false],
      ['overdue_daily_at', null, '07:30', true],
    ]);
    const bad = await t.app.inject({
      method: 'PUT',
      url,
      headers: staff(),
      payload: {
        rules: [{ kind: 'daily_at', offsetMinutes: null, timeOfDay: null, escalate: false, active: true }],
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/cần giờ nhắc/);
    const edited = await t.app.inject({
      method: 'PUT',
      url,
      headers: staff(),
      payload: {
        rules: [{ kind: 'daily_at', offsetMinutes: null, timeOfDay: '17:00', escalate: false, active: true }],
      },
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().rules).toHaveLength(1);
  });
  it('refuses a wait of 0 or over 30 days and a time that is not a time, in Vietnamese, saving nothing; a change is audited', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/campaigns',
      headers: staff(),
      payload: { title: 'Kế hoạch thử sửa giờ nhắc', startsOn: '2026-06-01', endsOn: '2026-06-07' },
    });
    const campaignId = created.json().id as string;
    const url = `/api/campaigns/${campaignId}/reminder-rules`;
    const rules = (await t.app.inject({ url, headers: staff() })).json().rules as Record<string, unknown>[];
    const audits = async () =>
      t.app.db.withSystem(
        async (db) =>
          (
            await db.query(
              `SELECT actor_member_id AS actor, before, after FROM audit_log
                WHERE action = 'reminder_rules.replace' AND entity_id = $1 ORDER BY id`,
              [campaignId],
            )
          ).rows,
      );
    const put = (change: (rule: Record<string, unknown>) => Record<string, unknown>) =>
      t.app.inject({ method: 'PUT', url, headers: staff(), payload: { rules: rules.map(change) } });
    const refusals: [Record<string, unknown>, RegExp][] = [
      [{ offsetMinutes: 0 }, /Quy tắc thứ 2: Thời gian nhắc phải là số nguyên lớn hơn 0/],
      [{ offsetMinutes: 30 * 24 * 60 + 1 }, /offsetMinutes.*nhỏ hơn hoặc bằng 43200/],
      [{ offsetMinutes: -60 }, /offsetMinutes.*lớn hơn hoặc bằng 0/],
      // The schema's type coercion reads a missing wait (null) as 0, which is refused the same way.
      [{ offsetMinutes: null }, /Quy tắc thứ 2: Thời gian nhắc phải là số nguyên lớn hơn 0/],
    ];
    for (const [change, message] of refusals) {
      const bad = await put((r) => (r.kind === 'before_due' ? { ...r, ...change } : r));
      expect(bad.statusCode, JSON.stringify(change)).toBe(400);
      expect(bad.json().message).toMatch(message);
    }
    const badTimes: [string, RegExp][] = [
      ['24:00', /timeOfDay.*sai định dạng/],
      ['7:30', /timeOfDay.*sai định dạng/],
      ['07:30:00', /timeOfDay.*sai định dạng/],
      // An empty time reads as none.
      ['', /Quy tắc thứ 3: Quy tắc nhắc hằng ngày cần giờ nhắc/],
    ];
    for (const [timeOfDay, message] of badTimes) {
      const bad = await put((r) => (r.kind === 'overdue_daily_at' ? { ...r, timeOfDay } : r));
      expect(bad.statusCode, timeOfDay).toBe(400);
      expect(bad.json().message).toMatch(message);
    }
    expect((await t.app.inject({ url, headers: staff() })).json().rules).toEqual(rules);
    expect(await audits()).toEqual([]);

    const edited = await put((r) =>
      r.kind === 'before_due'
        ? { ...r, offsetMinutes: 6 * 60 }
        : r.kind === 'overdue_daily_at'
          ? { ...r, timeOfDay: '06:45' }
          : r,
    );
    expect(edited.statusCode).toBe(200);
    const after = (await t.app.inject({ url, headers: staff() })).json().rules;
    expect(
      after.map((r: { offsetMinutes: number | null; timeOfDay: string | null }) => [
        r.offsetMinutes,
        r.timeOfDay,
      ]),
    ).toEqual([
      [1440, null],
      [360, null],
      [null, '06:45'],
    ]);
    const [entry, ...more] = await audits();
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ actor: w.staffId, before: rules, after });
  });
});
