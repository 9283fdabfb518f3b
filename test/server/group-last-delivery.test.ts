/**
 * "Lần gửi gần nhất" on Nhóm Zalo: each group's newest delivery, with its state and when it reached
 * that state (sent, shared by the team, or last changed), so staff see a group that stopped receiving.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { createWardWithEveryRow, type WardRows } from '../helpers/factories.js';
import { authHeader, teamMemberHeader } from '../helpers/sessions.js';

describe("a Zalo group's last delivery", () => {
  let t: TestApp;
  let w: WardRows;
  const lastDelivery = async () => {
    const response = await t.app.inject({
      url: '/api/ward/groups',
      headers: authHeader(t.app, { memberId: w.staffId, wardId: w.wardId, role: 'staff', unitId: w.unitId }),
    });
    expect(response.statusCode).toBe(200);
    const groups = response.json().groups as { id: string; lastDelivery: unknown }[];
    return groups.find((g) => g.id === w.groupId)!.lastDelivery;
  };
  const system = <T>(sql: string, values: unknown[]) =>
    t.app.db.withSystem(async (db) => (await db.query(sql, values)).rows as [T, ...T[]]);

  beforeAll(async () => {
    t = await buildTestApp();
    w = await createWardWithEveryRow(t.app.db, 'Phường Xuân Bắc');
  });
  afterAll(() => t?.close());

  it('shows the state and time of the newest delivery: waiting, then shared by the team, then the next day’s post waiting', async () => {
    // The post went to the khu phố group on 18/05 07:00; the team has not shared it yet.
    await system("UPDATE deliveries SET updated_at = '2026-05-18T07:00:00+07:00' WHERE id = $1", [
      w.deliveryId,
    ]);
    expect(await lastDelivery()).toEqual({ status: 'waiting', at: '2026-05-18T00:00:00.000Z' });

    // The team presses "Đã chia sẻ": the group shows when they shared it.
    const shared = await t.app.inject({
      method: 'POST',
      url: `/api/deliveries/${w.deliveryId}/shared`,
      headers: teamMemberHeader(t.app, w),
    });
    expect(shared.statusCode).toBe(200);
    const [{ sharedAt }] = await system<{ sharedAt: Date }>(
      'SELECT shared_at AS "sharedAt" FROM deliveries WHERE id = $1',
      [w.deliveryId],
    );
    expect(sharedAt).toBeInstanceOf(Date);
    expect(await lastDelivery()).toEqual({ status: 'shared', at: sharedAt.toISOString() });

    // The next day's post reached the group too and waits for the team: that one is the last now.
    const [{ id: occurrenceId }] = await system<{ id: string }>(
      `INSERT INTO occurrences (ward_id, schedule_id, post_id, due_at)
       VALUES ($1, $2, $3, '2026-05-19T07:00:00+07:00') RETURNING id`,
      [w.wardId, w.scheduleId, w.postId],
    );
    await system(
      `INSERT INTO deliveries (ward_id, occurrence_id, target_kind, target_key, group_id, responsible_unit_id,
                               status, body, created_at, updated_at)
       VALUES ($1, $2, 'team_share', $3::text, $3::uuid, $4, 'waiting', 'Bài tuyên truyền thử',
               now() + interval '1 minute', '2026-05-19T07:00:30+07:00')`,
      [w.wardId, occurrenceId, w.groupId, w.teamId],
    );
    expect(await lastDelivery()).toEqual({ status: 'waiting', at: '2026-05-19T00:00:30.000Z' });
  });
});
