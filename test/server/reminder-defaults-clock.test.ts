/**
 * The default reminder rules on a fake clock, with nobody doing anything: the team that ignores its task
 * is reminded a day after assignment and a day before the due time, and once the task is overdue, at
 * 07:30 the team is reminded again and staff and leaders get the escalation, each through the channel
 * Zalo's 7-day window allows (consultation inside it, the template after it, unreachable without Zalo).
 */
import { readFileSync } from 'node:fs';
import type { ReminderRule } from '@loa/shared';
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

  /** Per-test world: a campaign made by staff (default rules), one task of the team, a clock, an engine. */
  async function world(campaign: { startsOn: string; endsOn: string }, dueAt: string, assignedAt: string) {
    const staff = authHeader(t.app, {
      memberId: w.staffId,
      wardId: w.wardId,
      role: 'staff',
      unitId: w.unitId,
    });
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/campaigns',
      headers: staff,
      payload: { title: 'Kế hoạch thử', ...campaign },
    });
    const campaignId = created.json().id as string;
    const [task] = await sql<{ id: string }>(
      `INSERT INTO tasks (ward_id, campaign_id, kind, title, due_at)
       VALUES ($1, $2, 'hang_banner', 'Dán áp phích ở chợ', $3) RETURNING id`,
      [w.wardId, campaignId, dueAt],
    );
    await sql(`INSERT INTO assignments (ward_id, task_id, unit_id, assigned_at) VALUES ($1, $2, $3, $4)`, [
      w.wardId,
      task!.id,
      w.teamId,
      assignedAt,
    ]);
    await sql(`UPDATE campaigns SET status = 'active' WHERE id = $1`, [campaignId]);
    let now = new Date(assignedAt);
    const engine = makeEngine(t.app, new FakeZalo(() => now), { templateId: 'tpl-nhac-viec' });
    const rulesUrl = `/api/campaigns/${campaignId}/reminder-rules`;
    return {
      campaignId,
      tick: async (at: string) => {
        now = new Date(at);
        await engine.runOnce(now);
        await engine.runOnce(new Date(now.getTime() + 30_000));
      },
      /** This campaign's notifications: its team reminders and the digests naming its task. */
      notes: () =>
        sql<{ kind: string; member: string }>(
          `SELECT kind, member_id AS member FROM notifications
            WHERE assignment_id IN (SELECT id FROM assignments WHERE task_id = $1)
               OR (kind = 'escalation' AND body LIKE '%Dán áp phích ở chợ%' AND rule_id IN
                   (SELECT id FROM reminder_rules WHERE campaign_id = $2))
            ORDER BY created_at, kind, member_id`,
          [task!.id, campaignId],
        ),
      rules: async () =>
        (await t.app.inject({ url: rulesUrl, headers: staff })).json().rules as ReminderRule[],
      save: async (rules: object[]) => {
        const res = await t.app.inject({ method: 'PUT', url: rulesUrl, headers: staff, payload: { rules } });
        expect(res.statusCode, res.body).toBe(200);
        return res.json().rules as ReminderRule[];
      },
    };
  }

  it('saving the rules after the morning sends does not send them again, nor does moving the time', async () => {
    const c = await world(
      { startsOn: '2026-07-06', endsOn: '2026-07-12' },
      '2026-07-08T17:00:00+07:00',
      '2026-07-06T09:00:00+07:00',
    );
    await c.tick('2026-07-07T09:00:30+07:00'); // a day after assignment
    await c.tick('2026-07-07T17:00:30+07:00'); // a day before due
    expect(await c.notes()).toHaveLength(2);
    // 18:00: "before due" becomes 25 hours. Its new time (16:00) is past and inside the catch-up window,
    // but the team was already reminded of this deadline by this rule.
    const first = await c.rules();
    await c.save(first.map((r) => (r.kind === 'before_due' ? { ...r, offsetMinutes: 25 * 60 } : r)));
    await c.tick('2026-07-07T18:00:30+07:00');
    expect(await c.notes()).toHaveLength(2);

    await c.tick('2026-07-09T07:30:30+07:00'); // overdue: the team again, and the digest
    const sent = await c.notes();
    expect(sent.filter((n) => n.kind === 'reminder')).toHaveLength(3);
    expect(
      sent
        .filter((n) => n.kind === 'escalation')
        .map((n) => n.member)
        .sort(),
    ).toEqual([w.staffId, w.leaderId].sort());

    // 08:00: staff save the rules as the API takes them (no ids), then as the screen sends them (with ids).
    const before = await c.rules();
    await c.save(before.map(({ id: _id, ...rule }) => rule));
    await c.tick('2026-07-09T08:00:30+07:00');
    expect(await c.notes()).toHaveLength(sent.length);
    const kept = await c.save(await c.rules());
    await c.tick('2026-07-09T08:01:30+07:00');
    expect(await c.notes()).toHaveLength(sent.length);
    expect(kept.map((r) => r.id)).toEqual(first.map((r) => r.id)); // the same rules, edited in place

    // The escalation moves to 07:00: already past and inside the catch-up window, but this morning's
    // reminder and digest went out already.
    await c.save(kept.map((r) => (r.kind === 'overdue_daily_at' ? { ...r, timeOfDay: '07:00' } : r)));
    await c.tick('2026-07-09T08:02:30+07:00');
    expect(await c.notes()).toHaveLength(sent.length);
    // The next morning the new time is the one that fires.
    await c.tick('2026-07-10T06:58:00+07:00');
    expect(await c.notes()).toHaveLength(sent.length);
    await c.tick('2026-07-10T07:00:30+07:00');
    expect((await c.notes()).filter((n) => n.kind === 'escalation')).toHaveLength(4);
  });

  it('a reminder sent before the upgrade to occasion keys is not sent again after it (migration 0311)', async () => {
    const c = await world(
      { startsOn: '2026-09-07', endsOn: '2026-09-13' },
      '2026-09-10T17:00:00+07:00',
      '2026-09-07T09:00:00+07:00',
    );
    await c.tick('2026-09-08T09:00:30+07:00'); // a day after assignment
    await c.tick('2026-09-10T07:30:30+07:00'); // not late yet: nothing
    expect(await c.notes()).toHaveLength(1);
    await c.tick('2026-09-11T07:30:30+07:00'); // late: the team, and the digest
    expect(await c.notes()).toHaveLength(4);
    // Give them the keys the old code wrote (rule, slot time, …), as rows sent before the upgrade.
    const slotOf: Record<string, string> = {
      after_assigned: '2026-09-08T09:00:00+07:00',
      overdue_daily_at: '2026-09-11T07:30:00+07:00',
    };
    for (const [kind, slot] of Object.entries(slotOf))
      await sql(
        `UPDATE notifications n SET dedupe_key = regexp_replace(n.dedupe_key, '^([^:]+:[^:]+):[^:]+:',
                '\\1:' || extract(epoch FROM $2::timestamptz)::bigint || ':')
           FROM reminder_rules r WHERE r.id = n.rule_id AND r.kind = $1 AND r.campaign_id = $3`,
        [kind, slot, c.campaignId],
      );
    const migration = readFileSync(
      new URL('../../migrations/0311_reminder_keys_by_occasion.sql', import.meta.url),
      'utf8',
    );
    await sql(migration);
    await c.tick('2026-09-11T07:40:30+07:00');
    expect(await c.notes()).toHaveLength(4);
  });

  it('escalates a task due on the last day of the campaign, each morning for up to 14 days', async () => {
    const c = await world(
      { startsOn: '2026-08-03', endsOn: '2026-08-09' },
      '2026-08-09T17:00:00+07:00',
      '2026-08-03T09:00:00+07:00',
    );
    await c.tick('2026-08-09T07:30:30+07:00'); // the last day: not late yet
    const escalations = async () => (await c.notes()).filter((n) => n.kind === 'escalation').length;
    expect(await escalations()).toBe(0);
    await c.tick('2026-08-10T07:30:30+07:00'); // the day after the campaign: late, so staff hear of it
    expect(await escalations()).toBe(2);
    await c.tick('2026-08-23T07:30:30+07:00'); // the 14th day after the last day: still
    expect(await escalations()).toBe(4);
    await c.tick('2026-08-24T07:30:30+07:00'); // then the campaign is left to staff to close
    expect(await escalations()).toBe(4);
  });
});
