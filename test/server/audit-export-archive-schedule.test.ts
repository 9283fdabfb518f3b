/**
 * Three actions Nhật ký did not record: taking the member list out (every phone number of the ward
 * leaves the system), archiving a post (its future sends are cancelled) and putting a post on a schedule.
 * Each now reads in Vietnamese with its record, and a refused action records nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { addApprovedPost, addGroups } from '../helpers/broadcasts.js';
import { createWard, type WardFixture } from '../helpers/factories.js';
import { authHeader } from '../helpers/sessions.js';

// The schedule must lie in the future and inside the campaign.
const year = new Date().getUTCFullYear() + 1;
const WARD = 'Phường Suối Tre';

interface Entry {
  actorName: string | null;
  action: string;
  actionText: string;
  subject: string | null;
}

describe('audit of the member export, post archiving and schedule creation', () => {
  let t: TestApp;
  let w: WardFixture;
  let groupId: string;
  const as = (role: 'staff' | 'leader') =>
    authHeader(t.app, {
      memberId: role === 'staff' ? w.staffId : w.leaderId,
      wardId: w.wardId,
      role,
      unitId: w.unitId,
    });
  const entries = async (query = '') => {
    const response = await t.app.inject({ url: `/api/audit?limit=200&${query}`, headers: as('staff') });
    expect(response.statusCode).toBe(200);
    return (response.json() as { entries: Entry[] }).entries;
  };
  const stored = (action: string) =>
    t.app.db.withSystem(
      async (db) =>
        (
          await db.query(
            `SELECT actor_member_id AS actor, entity, entity_id AS "entityId", before, after FROM audit_log
              WHERE ward_id = $1 AND action = $2 ORDER BY id`,
            [w.wardId, action],
          )
        ).rows,
    );
  const names = () =>
    t.app.db.withSystem(
      async (db) =>
        (
          await db.query<{ id: string; full_name: string }>(
            'SELECT id, full_name FROM members WHERE id = ANY($1::uuid[])',
            [[w.staffId, w.leaderId]],
          )
        ).rows,
    );

  beforeAll(async () => {
    t = await buildTestApp();
    w = await createWard(t.app.db, WARD);
    groupId = (await addGroups(t.app.db, w, 0, 1))[0]!.id;
    await t.app.db.withSystem((db) =>
      db.query('UPDATE campaigns SET starts_on = $2, ends_on = $3 WHERE id = $1', [
        w.campaignId,
        `${year}-05-18`,
        `${year}-05-24`,
      ]),
    );
  });
  afterAll(() => t?.close());

  it('records who took the member list, in which format and how many people it held', async () => {
    const members = (await t.app.inject({ url: '/api/ward/members', headers: as('staff') })).json().members;
    for (const [role, format] of [
      ['staff', 'xlsx'],
      ['leader', 'csv'],
    ] as const) {
      const file = await t.app.inject({
        url: `/api/ward/members/export?format=${format}`,
        headers: as(role),
      });
      expect(file.statusCode).toBe(200);
    }
    const people = new Map((await names()).map((m) => [m.id, m.full_name]));
    const said = (await entries()).map((e) => `${e.actorName} ${e.actionText} “${e.subject}”`);
    expect(said.slice(0, 2)).toEqual([
      `${people.get(w.leaderId)} tải danh sách thành viên (kèm số điện thoại) của “${WARD}”`,
      `${people.get(w.staffId)} tải danh sách thành viên (kèm số điện thoại) của “${WARD}”`,
    ]);
    expect(await stored('members.export')).toEqual([
      {
        actor: w.staffId,
        entity: 'ward',
        entityId: w.wardId,
        before: null,
        after: { format: 'xlsx', members: members.length },
      },
      {
        actor: w.leaderId,
        entity: 'ward',
        entityId: w.wardId,
        before: null,
        after: { format: 'csv', members: members.length },
      },
    ]);
    // A refused export (a format the route does not make) hands nothing out and records nothing.
    const refused = await t.app.inject({ url: '/api/ward/members/export?format=pdf', headers: as('staff') });
    expect(refused.statusCode).toBe(400);
    expect(await stored('members.export')).toHaveLength(2);
  });

  it('records a schedule put on a post and the archiving of the post, with the sends it cancelled', async () => {
    const postId = await addApprovedPost(t.app.db, w, 'Lịch phát về an toàn giao thông\nNội dung chi tiết');
    const scheduled = await t.app.inject({
      method: 'POST',
      url: `/api/posts/${postId}/schedules`,
      headers: as('staff'),
      payload: {
        kind: 'daily',
        timesOfDay: ['07:00', '17:00'],
        startsOn: `${year}-05-18`,
        endsOn: `${year}-05-19`,
        targets: { groupIds: [groupId] },
      },
    });
    expect(scheduled.statusCode).toBe(201);
    // Refused (the campaign ends on the 24th): no schedule, no entry.
    const outside = await t.app.inject({
      method: 'POST',
      url: `/api/posts/${postId}/schedules`,
      headers: as('staff'),
      payload: { kind: 'once', runAt: `${year}-06-30T07:00:00+07:00`, targets: { groupIds: [groupId] } },
    });
    expect(outside.statusCode).toBe(400);

    const archived = await t.app.inject({
      method: 'DELETE',
      url: `/api/posts/${postId}`,
      headers: as('staff'),
    });
    expect(archived.statusCode).toBe(200);
    const missing = await t.app.inject({
      method: 'DELETE',
      url: `/api/posts/${w.campaignId}`,
      headers: as('staff'),
    });
    expect(missing.statusCode).toBe(404);

    const said = (list: Entry[]) => list.map((e) => `${e.actionText} “${e.subject}”`);
    const expected = [
      'lưu trữ bài đăng (hủy các lượt gửi chưa đến giờ) “Lịch phát về an toàn giao thông”',
      'lên lịch gửi bài “Lịch phát về an toàn giao thông”',
    ];
    expect(said(await entries()).slice(0, 2)).toEqual(expected);
    // Both are found under the post's campaign.
    expect(said(await entries(`campaignId=${w.campaignId}`))).toEqual(expected);

    expect(await stored('schedules.create')).toEqual([
      {
        actor: w.staffId,
        entity: 'schedule',
        entityId: scheduled.json().id,
        before: null,
        after: {
          kind: 'daily',
          timesOfDay: ['07:00', '17:00'],
          startsOn: `${year}-05-18`,
          endsOn: `${year}-05-19`,
          targets: { groupIds: [groupId], loudspeaker: false },
          sends: 4,
        },
      },
    ]);
    expect(await stored('posts.archive')).toEqual([
      {
        actor: w.staffId,
        entity: 'post',
        entityId: postId,
        before: { status: 'approved', version: 1 },
        after: { status: 'archived', cancelledSends: 4 },
      },
    ]);
  });
});
