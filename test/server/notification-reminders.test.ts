import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { addApprovedPost, addGroups, addSchedule, makeEngine } from '../helpers/broadcasts.js';
import { createWard, type WardFixture } from '../helpers/factories.js';
import { FakeZalo } from '../helpers/fake-zalo.js';
import { authHeader } from '../helpers/sessions.js';

process.env.TZ = 'Europe/London';

describe('notifications: reminders, escalation, urges, share tasks', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  const sql = <T = Record<string, unknown>>(text: string, values: unknown[] = []) =>
    t.app.db.withSystem(async (c) => (await c.query(text, values)).rows as T[]);

  async function reachableWard(): Promise<WardFixture & { oaUser: string }> {
    const ward = await createWard(t.app.db);
    await addGroups(t.app.db, ward, 0); // makes the campaign active
    const oaUser = `oa-${ward.teamMemberId.slice(0, 8)}`;
    await sql(`UPDATE members SET zalo_oa_user_id = $2, last_oa_interaction_at = $3 WHERE id = $1`, [
      ward.teamMemberId,
      oaUser,
      new Date('2026-05-19T09:00:00+07:00'),
    ]);
    return { ...ward, oaUser };
  }
  const notes = (wardId: string) =>
    sql<{
      kind: string;
      status: string;
      channel: string;
      memberId: string;
      body: string;
      errorReason: string;
    }>(
      `SELECT kind, status, channel, member_id AS "memberId", body, error_reason AS "errorReason"
         FROM notifications WHERE ward_id = $1 ORDER BY created_at, kind`,
      [wardId],
    );

  it('reminds only teams not done, at ward time, once per slot, and escalates a digest to staff and leader', async () => {
    const ward = await reachableWard();
    await sql(
      `INSERT INTO reminder_rules (ward_id, campaign_id, kind, time_of_day, offset_minutes, escalate)
       VALUES ($1, $2, 'daily_at', '08:00', NULL, false), ($1, $2, 'after_due', NULL, 240, true)`,
      [ward.wardId, ward.campaignId],
    );
    const zalo = new FakeZalo(() => new Date('2026-05-20T08:00:00+07:00'));
    zalo.csReachable.add(ward.oaUser);
    const engine = makeEngine(t.app, zalo);
    await engine.runOnce(new Date('2026-05-20T07:59:00+07:00'));
    expect(await notes(ward.wardId)).toEqual([]);
    await engine.runOnce(new Date('2026-05-20T08:00:30+07:00'));
    await engine.runOnce(new Date('2026-05-20T08:05:00+07:00')); // a second tick in the same slot
    const morning = await notes(ward.wardId);
    expect(morning).toHaveLength(1);
    expect(morning[0]).toMatchObject({
      kind: 'reminder',
      status: 'sent',
      channel: 'oa_cs',
      memberId: ward.teamMemberId,
    });
    expect(morning[0]?.body).toContain('Phát thanh');
    expect(morning[0]?.body).toContain('17:00 20/05/2026');

    // Task due 17:00; 4 h overdue at 21:00 → team reminded again, staff and leader get the digest.
    await engine.runOnce(new Date('2026-05-20T21:01:00+07:00'));
    const evening = await notes(ward.wardId);
    expect(evening.filter((n) => n.kind === 'reminder')).toHaveLength(2);
    const digests = evening.filter((n) => n.kind === 'escalation');
    expect(digests.map((d) => d.memberId).sort()).toEqual([ward.staffId, ward.leaderId].sort());
    expect(digests[0]?.body).toContain('Tổ CNS Khu phố 1');
    // Staff have no Zalo contact in this ward: recorded as unreachable with what to do.
    expect(digests[0]).toMatchObject({ status: 'failed', channel: 'unreachable' });
    expect(digests[0]?.errorReason).toMatch(/gọi điện/);
    // …and staff see it in the list of messages that need a person.
    const staff = authHeader(t.app, { memberId: ward.staffId, wardId: ward.wardId, role: 'staff' });
    const issues = (await t.app.inject({ url: '/api/notifications/issues', headers: staff })).json()
      .notifications;
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'escalation',
          channel: 'unreachable',
          errorReason: expect.stringMatching(/gọi điện/),
        }),
      ]),
    );

    // Once the team submits, the next morning reminds no one.
    await sql(`UPDATE assignments SET status = 'submitted' WHERE id = $1`, [ward.assignmentId]);
    await engine.runOnce(new Date('2026-05-21T08:01:00+07:00'));
    expect(await notes(ward.wardId)).toHaveLength(evening.length);
  });

  it('picks the channel per member: consultation, else template by user id, else ZNS by phone', async () => {
    const ward = await reachableWard();
    const zalo = new FakeZalo(() => new Date('2026-05-30T00:00:00+07:00'));
    zalo.csReachable.add(ward.oaUser);
    const engine = makeEngine(t.app, zalo, { templateId: 'tpl-1', znsTemplateId: 'zns-1' });
    await sql(`UPDATE members SET phone = '84901234567' WHERE id = $1`, [ward.staffId]);
    await sql(
      // As the board queues an urge (due at once; the fake clock is behind the database's now()).
      `INSERT INTO notifications (ward_id, kind, member_id, dedupe_key, body, next_attempt_at) VALUES
         ($1, 'urge', $2, 'u1', 'Đề nghị tổ hoàn thành nhiệm vụ', '2026-05-01'), ($1, 'urge', $3, 'u2', 'Nhắc staff', '2026-05-01')`,
      [ward.wardId, ward.teamMemberId, ward.staffId],
    );
    // 11 days after the last interaction: consultation is closed, the template goes by user id.
    await engine.runOnce(new Date('2026-05-30T00:00:00+07:00'));
    await engine.runOnce(new Date('2026-05-30T00:01:00+07:00'));
    const rows = await notes(ward.wardId);
    expect(rows.map((r) => [r.body, r.status, r.channel])).toEqual(
      expect.arrayContaining([
        ['Đề nghị tổ hoàn thành nhiệm vụ', 'sent', 'oa_template'],
        ['Nhắc staff', 'sent', 'zns'],
      ]),
    );
    expect(zalo.accepted.filter((m) => m.text.includes('Đề nghị tổ'))).toHaveLength(1);
  });

  it('an urge whose answer was lost stays unknown for staff, never resent', async () => {
    const ward = await reachableWard();
    const zalo = new FakeZalo();
    zalo.csReachable.add(ward.oaUser);
    zalo.failNext('accept_then_unknown');
    const engine = makeEngine(t.app, zalo);
    await sql(
      `INSERT INTO notifications (ward_id, kind, member_id, dedupe_key, body, next_attempt_at) VALUES ($1, 'urge', $2, 'u', 'Nhắc lần 1', '2026-05-01')`,
      [ward.wardId, ward.teamMemberId],
    );
    const now = new Date('2026-05-20T10:00:00+07:00');
    await engine.runOnce(now);
    await engine.runOnce(new Date(now.getTime() + 3_600_000));
    expect((await notes(ward.wardId)).map((n) => n.status)).toEqual(['unknown']);
    expect(zalo.countTo(ward.oaUser)).toBe(1);
  });

  it('a team_share group opens a share task for every member of its team', async () => {
    const ward = await reachableWard();
    const groups = await addGroups(t.app.db, ward, 0, 1);
    const postId = await addApprovedPost(t.app.db, ward, 'Bài chia sẻ vào nhóm khu phố');
    await addSchedule(
      t.app.db,
      ward,
      postId,
      { runAt: '2026-05-19T07:00:00+07:00' },
      { groupIds: [groups[0]!.id], loudspeaker: true },
    );
    const zalo = new FakeZalo();
    zalo.csReachable.add(ward.oaUser);
    const engine = makeEngine(t.app, zalo);
    await engine.runOnce(new Date('2026-05-19T07:00:00+07:00'));
    const rows = await sql<{ targetKind: string; status: string }>(
      `SELECT target_kind AS "targetKind", status FROM deliveries WHERE ward_id = $1 ORDER BY target_kind`,
      [ward.wardId],
    );
    expect(rows).toEqual([
      { targetKind: 'loudspeaker', status: 'waiting' },
      { targetKind: 'team_share', status: 'waiting' },
    ]);
    const tasks = (await notes(ward.wardId)).filter((n) => n.kind === 'share_task');
    expect(tasks).toHaveLength(2);
    expect(tasks.every((n) => n.memberId === ward.teamMemberId && n.status === 'sent')).toBe(true);
    expect(tasks.map((n) => n.body).join(' ')).toMatch(/Chia sẻ vào nhóm.*|.*đọc trên loa/);
  });
});
