/**
 * The default reminder rules on a fake clock, with nobody doing anything: the team that ignores its task
 * is reminded a day after assignment and a day before the due time, and once the task is overdue, at
 * 07:30 the team is reminded again and staff and leaders get the escalation, each through the channel
 * Zalo's 7-day window allows (consultation inside it, the template after it, unreachable without Zalo).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { makeEngine } from '../helpers/broadcasts.js';
import { createWard, type WardFixture } from '../helpers/factories.js';
import { FakeZalo } from '../helpers/fake-zalo.js';
import { authHeader } from '../helpers/sessions.js';

process.env.TZ = 'Europe/London'; // ward time must not depend on the process's zone

describe('default reminder rules, nobody acting', () => {
  let t: TestApp;
  let w: WardFixture;
  beforeAll(async () => {
    t = await buildTestApp();
    w = await createWard(t.app.db);
  });
  afterAll(() => t.close());
  const sql = <T = Record<string, unknown>>(text: string, values: unknown[] = []) =>
    t.app.db.withSystem(async (c) => (await c.query(text, values)).rows as T[]);

  it('reminds the team twice before due, then escalates the overdue task to staff at 07:30', async () => {
    // A campaign made the way staff make one: it comes with the default rules.
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/campaigns',
      headers: authHeader(t.app, { memberId: w.staffId, wardId: w.wardId, role: 'staff', unitId: w.unitId }),
      payload: { title: 'Kế hoạch có nhắc việc mặc định', startsOn: '2026-05-18', endsOn: '2026-05-24' },
    });
    const campaignId = created.json().id as string;
    const [task] = await sql<{ id: string }>(
      `INSERT INTO tasks (ward_id, campaign_id, kind, title, due_at)
       VALUES ($1, $2, 'hang_banner', 'Treo băng rôn tại khu phố', '2026-05-21T17:00:00+07:00') RETURNING id`,
      [w.wardId, campaignId],
    );
    await sql(
      `INSERT INTO assignments (ward_id, task_id, unit_id, assigned_at) VALUES ($1, $2, $3, '2026-05-18T09:00:00+07:00')`,
      [w.wardId, task!.id, w.teamId],
    );
    await sql(`UPDATE campaigns SET status = 'active' WHERE id = $1`, [campaignId]);
    // The team member wrote to the OA two days ago; the staff member twelve days ago; the leader never.
    await sql(`UPDATE members SET zalo_oa_user_id = 'oa-team-1', last_oa_interaction_at = $2 WHERE id = $1`, [
      w.teamMemberId,
      new Date('2026-05-17T10:00:00+07:00'),
    ]);
    await sql(
      `UPDATE members SET zalo_oa_user_id = 'oa-staff-1', last_oa_interaction_at = $2 WHERE id = $1`,
      [w.staffId, new Date('2026-05-10T10:00:00+07:00')],
    );

    let now = new Date('2026-05-18T09:00:00+07:00');
    const zalo = new FakeZalo(() => now);
    zalo.csReachable.add('oa-team-1');
    const engine = makeEngine(t.app, zalo, { templateId: 'tpl-nhac-viec' });
    const tick = async (at: string) => {
      now = new Date(at);
      await engine.runOnce(now);
      await engine.runOnce(new Date(now.getTime() + 30_000)); // send what the first pass queued
    };
    const notes = () =>
      sql<{ kind: string; member: string; channel: string; status: string; body: string }>(
        `SELECT kind, member_id AS member, channel, status, body FROM notifications
          WHERE assignment_id IN (SELECT id FROM assignments WHERE task_id = $1) OR (kind = 'escalation' AND ward_id = $2)
          ORDER BY created_at, kind, member_id`,
        [task!.id, w.wardId],
      );

    await tick('2026-05-18T12:00:00+07:00');
    expect(await notes()).toEqual([]);
    // A day after assignment, not acknowledged.
    await tick('2026-05-19T09:00:30+07:00');
    // A day before the due time.
    await tick('2026-05-20T17:00:30+07:00');
    // The morning of the due day: not overdue yet, so no escalation.
    await tick('2026-05-21T07:30:30+07:00');
    const beforeDue = await notes();
    expect(beforeDue.map((n) => [n.kind, n.member, n.channel, n.status])).toEqual([
      ['reminder', w.teamMemberId, 'oa_cs', 'sent'],
      ['reminder', w.teamMemberId, 'oa_cs', 'sent'],
    ]);
    expect(beforeDue[0]!.body).toContain('Treo băng rôn tại khu phố');

    // The next morning the task is overdue: the team again, and the digest for staff and the leader.
    await tick('2026-05-22T07:30:30+07:00');
    const after = await notes();
    const escalations = after.filter((n) => n.kind === 'escalation');
    expect(escalations.map((n) => [n.member, n.channel, n.status]).sort()).toEqual(
      [
        [w.staffId, 'oa_template', 'sent'], // 12 days since they wrote: outside the window, a template
        [w.leaderId, 'unreachable', 'failed'], // no Zalo contact: recorded for a person to call
      ].sort(),
    );
    expect(escalations[0]!.body).toContain('Tổ CNS Khu phố 1: Treo băng rôn tại khu phố');
    expect(after.filter((n) => n.kind === 'reminder')).toHaveLength(3);
    // A second tick in the same slot sends nothing more.
    await tick('2026-05-22T07:35:00+07:00');
    expect(await notes()).toHaveLength(after.length);
  });
});
