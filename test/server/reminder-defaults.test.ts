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
});
