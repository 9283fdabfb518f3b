/**
 * The staff escalation digest (the morning message that tells staff and leaders which units are late)
 * names the teams' waiting share tasks too: a post not shared into its khu phố group, a post not read on
 * the loudspeaker. One digest per slot and person, whatever mix of tasks and share tasks is late.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueDueReminders } from '../../server/src/notifications/reminders.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { createWardWithEveryRow } from '../helpers/factories.js';

describe('the escalation digest names waiting share tasks', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());
  const sql = async <T = Record<string, unknown>>(text: string, values: unknown[] = []) =>
    t.app.db.withSystem(async (db) => (await db.query(text, values)).rows as T[]);
  const tick = (at: string) =>
    t.app.db.withSystem((db) => queueDueReminders(db, new Date(at), 6 * 3_600_000));

  /** A ward whose only late work is the team's share task (opened 18/5 08:00) and, if asked, a loudspeaker read. */
  async function wardWithWaitingShare(options: { loudspeaker?: boolean } = {}) {
    const w = await createWardWithEveryRow(t.app.db);
    await sql(`UPDATE campaigns SET status = 'active' WHERE id = $1`, [w.campaignId]);
    // The defaults every campaign made through the API gets: remind a day after, escalate at 07:30.
    await sql(
      `INSERT INTO reminder_rules (ward_id, campaign_id, kind, offset_minutes, time_of_day, escalate)
       VALUES ($1, $2, 'after_assigned', 1440, NULL, false), ($1, $2, 'overdue_daily_at', NULL, '07:30', true)`,
      [w.wardId, w.campaignId],
    );
    await sql(`UPDATE assignments SET status = 'submitted' WHERE id = $1`, [w.assignmentId]);
    await sql(`UPDATE deliveries SET updated_at = '2026-05-18T08:00:00+07:00' WHERE id = $1`, [w.deliveryId]);
    if (options.loudspeaker) {
      await sql(
        `INSERT INTO deliveries (ward_id, occurrence_id, target_kind, target_key, responsible_unit_id, status, body, updated_at)
         VALUES ($1, $2, 'loudspeaker', $3, $4, 'waiting', 'Bài tuyên truyền thử', '2026-05-18T08:00:00+07:00')`,
        [w.wardId, w.occurrenceId, w.teamId, w.teamId],
      );
    }
    return w;
  }
  const digests = (wardId: string) =>
    sql<{ member: string; body: string }>(
      `SELECT member_id AS member, body FROM notifications
        WHERE ward_id = $1 AND kind = 'escalation' ORDER BY created_at, member_id`,
      [wardId],
    );

  it('tells staff and the leader, the morning after a whole day of waiting, which group a team has not shared into', async () => {
    const w = await wardWithWaitingShare();
    // Less than a day since it opened: the team is reminded, staff are not bothered yet.
    await tick('2026-05-19T07:30:30+07:00');
    expect(await digests(w.wardId)).toEqual([]);

    await tick('2026-05-20T07:30:30+07:00');
    await tick('2026-05-20T07:31:30+07:00'); // a second tick in the same slot
    const sent = await digests(w.wardId);
    expect(sent.map((d) => d.member).sort()).toEqual([w.staffId, w.leaderId].sort());
    expect(sent[0]!.body).toBe(
      'Tổng hợp chậm tiến độ: 1 đơn vị chưa xong việc — Tổ CNS Khu phố 1: chia sẻ bài “Bài tuyên truyền thử” vào Nhóm Zalo Khu phố 1. Mở Loa Phường để nhắc các đơn vị.',
    );

    // Shared: the next morning's digest has nothing to say, so none is sent.
    await sql(`UPDATE deliveries SET status = 'shared' WHERE id = $1`, [w.deliveryId]);
    await tick('2026-05-21T07:30:30+07:00');
    expect(await digests(w.wardId)).toHaveLength(2);
  });

  it('puts an overdue task, a group share and a loudspeaker read into one digest per person', async () => {
    const w = await wardWithWaitingShare({ loudspeaker: true });
    // The team's own task is overdue too (due 20/5 17:00, still only acknowledged on the 21st).
    await sql(`UPDATE assignments SET status = 'acknowledged' WHERE id = $1`, [w.assignmentId]);
    await tick('2026-05-21T07:30:30+07:00');
    const sent = await digests(w.wardId);
    expect(sent).toHaveLength(2);
    const body = sent[0]!.body;
    expect(body).toContain('1 đơn vị chưa xong việc');
    expect(body).toContain('Tổ CNS Khu phố 1: Phát thanh');
    expect(body).toContain('Tổ CNS Khu phố 1: chia sẻ bài “Bài tuyên truyền thử” vào Nhóm Zalo Khu phố 1');
    expect(body).toContain('Tổ CNS Khu phố 1: đọc bài “Bài tuyên truyền thử” trên loa');
  });

  it('shortens a long post to its first 40 characters in the digest', async () => {
    const w = await wardWithWaitingShare();
    const long = 'Hưởng ứng Ngày Khoa học và Công nghệ Việt Nam 18/5, phường Dầu Giây tổ chức';
    await sql(`UPDATE posts SET body = $2 WHERE id = $1`, [w.postId, long]);
    await tick('2026-05-20T07:30:30+07:00');
    const [first] = await digests(w.wardId);
    expect(first!.body).toContain(`chia sẻ bài “${long.slice(0, 40)}…” vào Nhóm Zalo Khu phố 1`);
  });
});
