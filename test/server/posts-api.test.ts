import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { addGroups, makeEngine } from '../helpers/broadcasts.js';
import { createWard, type WardFixture } from '../helpers/factories.js';
import { FakeZalo } from '../helpers/fake-zalo.js';
import { authHeader, teamMemberHeader } from '../helpers/sessions.js';

const year = new Date().getUTCFullYear() + 1;
const START = `${year}-05-18`;
const END = `${year}-05-24`;

describe('posts, schedules and share tasks API', () => {
  let t: TestApp;
  let ward: WardFixture;
  let staff: { authorization: string };
  let leader: { authorization: string };
  let member: { authorization: string };
  let groups: Awaited<ReturnType<typeof addGroups>>;

  beforeAll(async () => {
    t = await buildTestApp();
    ward = await createWard(t.app.db);
    groups = await addGroups(t.app.db, ward, 1, 1);
    await t.app.db.withSystem((c) =>
      c.query(`UPDATE campaigns SET starts_on = $2, ends_on = $3 WHERE id = $1`, [
        ward.campaignId,
        START,
        END,
      ]),
    );
    staff = authHeader(t.app, {
      memberId: ward.staffId,
      wardId: ward.wardId,
      role: 'staff',
      unitId: ward.unitId,
    });
    leader = authHeader(t.app, {
      memberId: ward.leaderId,
      wardId: ward.wardId,
      role: 'leader',
      unitId: ward.unitId,
    });
    member = teamMemberHeader(t.app, ward);
  });
  afterAll(() => t.close());

  const count = async (table: string) =>
    t.app.db.withSystem(
      async (c) =>
        (await c.query(`SELECT count(*)::int AS n FROM ${table} WHERE ward_id = $1`, [ward.wardId])).rows[0]
          .n as number,
    );
  const createPost = (
    body: string,
    headers = staff,
    linkPath: string | null = '/chien-dich',
    loudspeakerScript?: string,
  ) =>
    t.app.inject({
      method: 'POST',
      url: '/api/posts',
      headers,
      payload: { campaignId: ward.campaignId, body, linkPath, loudspeakerScript },
    });
  const schedule = (postId: string, payload: object) =>
    t.app.inject({ method: 'POST', url: `/api/posts/${postId}/schedules`, headers: staff, payload });

  it('rejects a post over 2,000 characters after NFC, naming how much to cut, and stores nothing', async () => {
    const before = await count('posts');
    // 1,990 decomposed characters ("e" + combining accent) are 995 after NFC: fine. 2,001 plain ones are not.
    expect((await createPost('ế'.normalize('NFD').repeat(995), staff, null)).statusCode).toBe(201);
    const res = await createPost('a'.repeat(2001), staff, null);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'POST_TOO_LONG' });
    expect(res.json().message).toMatch(/rút gọn 1 ký tự/);
    expect(await count('posts')).toBe(before + 1);
  });

  it('returns the preview exactly as the group will see it, and the author cannot approve', async () => {
    const res = await createPost('Chào mừng Ngày KH&CN 18/5');
    expect(res.statusCode).toBe(201);
    const post = res.json();
    expect(post.preview).toBe(
      'Chào mừng Ngày KH&CN 18/5\n\nXem chi tiết: https://zalo.me/s/loa-phuong/chien-dich',
    );
    const own = authHeader(t.app, { memberId: ward.staffId, wardId: ward.wardId, role: 'leader' });
    const self = await t.app.inject({
      method: 'POST',
      url: `/api/posts/${post.id}/approve`,
      headers: own,
      payload: { version: 1 },
    });
    expect(self.statusCode).toBe(403);
    expect(self.json().message).toMatch(/không được tự duyệt/);
    const byStaff = await t.app.inject({
      method: 'POST',
      url: `/api/posts/${post.id}/approve`,
      headers: staff,
      payload: { version: 1 },
    });
    expect(byStaff.statusCode).toBe(403);
  });

  it('refuses to schedule an unapproved post, outside the campaign, in the past, or to a group without a team', async () => {
    const post = (await createPost('Bài chờ duyệt')).json();
    const targets = { groupIds: [groups[0]!.id] };
    const unapproved = await schedule(post.id, { kind: 'once', runAt: `${START}T07:00:00+07:00`, targets });
    expect(unapproved.statusCode).toBe(409);
    expect(unapproved.json().message).toMatch(/chưa được lãnh đạo duyệt/);

    const approved = await t.app.inject({
      method: 'POST',
      url: `/api/posts/${post.id}/approve`,
      headers: leader,
      payload: { version: 1 },
    });
    expect(approved.json()).toMatchObject({ status: 'approved', approvedByName: expect.any(String) });
    const outside = await schedule(post.id, {
      kind: 'daily',
      timesOfDay: ['07:00'],
      startsOn: START,
      endsOn: `${year}-05-25`,
      targets,
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().message).toMatch(/ngoài thời gian kế hoạch \(18\/05\/\d{4}–24\/05\/\d{4}\)/);
    const past = await schedule(post.id, { kind: 'once', runAt: '2020-05-18T07:00:00+07:00', targets });
    expect(past.statusCode).toBe(400);
    await t.app.db.withSystem((c) =>
      c.query(`UPDATE zalo_groups SET responsible_unit_id = NULL WHERE id = $1`, [groups[1]!.id]),
    );
    const orphan = await schedule(post.id, {
      kind: 'once',
      runAt: `${START}T07:00:00+07:00`,
      targets: { groupIds: [groups[1]!.id] },
    });
    expect(orphan.statusCode).toBe(400);
    expect(orphan.json().code).toBe('GROUP_NOT_USABLE');
    await t.app.db.withSystem((c) =>
      c.query(`UPDATE zalo_groups SET responsible_unit_id = $2 WHERE id = $1`, [groups[1]!.id, ward.teamId]),
    );
    const none = await schedule(post.id, {
      kind: 'once',
      runAt: `${START}T07:00:00+07:00`,
      targets: { groupIds: [] },
    });
    expect(none.statusCode).toBe(400);
    expect(await count('schedules')).toBe(0);
  });

  it('schedules 07:00 and 17:00 daily at ward time, edits and pauses, and editing the post needs a new approval', async () => {
    const post = (
      await createPost('Lịch phát hằng ngày', staff, '/chien-dich', 'Bà con lưu ý lịch phát hằng ngày.')
    ).json();
    await t.app.inject({
      method: 'POST',
      url: `/api/posts/${post.id}/approve`,
      headers: leader,
      payload: { version: 1 },
    });
    const res = await schedule(post.id, {
      kind: 'daily',
      timesOfDay: ['07:00', '17:00'],
      startsOn: START,
      endsOn: END,
      targets: { groupIds: groups.map((g) => g.id), loudspeaker: true },
    });
    expect(res.statusCode).toBe(201);
    const list = (await t.app.inject({ url: `/api/posts/${post.id}/schedules`, headers: staff })).json();
    const occurrences = list.schedules[0].occurrences;
    expect(occurrences).toHaveLength(14);
    expect(new Date(occurrences[0].dueAt).toISOString()).toBe(`${START}T00:00:00.000Z`);
    const moved = await t.app.inject({
      method: 'PATCH',
      url: `/api/occurrences/${occurrences[1].id}`,
      headers: staff,
      payload: { dueAt: `${START}T18:30:00+07:00`, bodyOverride: 'Bản sửa cho buổi chiều' },
    });
    expect(moved.statusCode).toBe(200);
    // A new text for one send is a change to what goes out: the post needs a leader again.
    const overridden = (await t.app.inject({ url: `/api/posts/${post.id}`, headers: staff })).json();
    expect(overridden).toMatchObject({ status: 'draft', approvedBy: null, version: 3 });
    const reapproved = await t.app.inject({
      method: 'POST',
      url: `/api/posts/${post.id}/approve`,
      headers: leader,
      payload: { version: 3 },
    });
    expect(reapproved.json()).toMatchObject({ status: 'approved', version: 4 });
    const outside = await t.app.inject({
      method: 'PATCH',
      url: `/api/occurrences/${occurrences[2].id}`,
      headers: staff,
      payload: { dueAt: `${year}-06-30T07:00:00+07:00` },
    });
    expect(outside.statusCode).toBe(400);
    const paused = await t.app.inject({
      method: 'PATCH',
      url: `/api/schedules/${res.json().id}`,
      headers: staff,
      payload: { status: 'paused' },
    });
    expect(paused.statusCode).toBe(200);

    const edited = await t.app.inject({
      method: 'PATCH',
      url: `/api/posts/${post.id}`,
      headers: staff,
      payload: { body: 'Nội dung mới', version: 4 },
    });
    expect(edited.json()).toMatchObject({ status: 'draft', approvedBy: null, version: 5 });
    const stale = await t.app.inject({
      method: 'PATCH',
      url: `/api/posts/${post.id}`,
      headers: staff,
      payload: { body: 'x', version: 4 },
    });
    expect(stale.statusCode).toBe(409);
    // An occurrence that fell due while the edit waited for approval is dropped, not sent late.
    await t.app.db.withSystem((c) =>
      c.query(`UPDATE occurrences SET due_at = now() - interval '1 hour' WHERE id = $1`, [occurrences[3].id]),
    );
    await t.app.inject({
      method: 'POST',
      url: `/api/posts/${post.id}/approve`,
      headers: leader,
      payload: { version: 5 },
    });
    const after = (await t.app.inject({ url: `/api/posts/${post.id}/schedules`, headers: staff })).json()
      .schedules[0].occurrences;
    expect(after.find((o: { id: string }) => o.id === occurrences[3].id).status).toBe('cancelled');
  });

  it('a team member sees the share task, confirms it once, and the ledger shows who and when', async () => {
    const post = (
      await createPost('Bài cho nhóm chia sẻ', staff, '/chien-dich', 'Bài đọc loa cho bà con khu phố.')
    ).json();
    await t.app.inject({
      method: 'POST',
      url: `/api/posts/${post.id}/approve`,
      headers: leader,
      payload: { version: 1 },
    });
    const runAt = `${START}T08:00:00+07:00`;
    await schedule(post.id, {
      kind: 'once',
      runAt,
      targets: { groupIds: groups.map((g) => g.id), loudspeaker: true },
    });
    const zalo = new FakeZalo();
    await makeEngine(t.app, zalo).runOnce(new Date(runAt));

    const tasks = (await t.app.inject({ url: '/api/share-tasks', headers: member })).json().tasks;
    const share = tasks.find(
      (task: { targetKind: string; postId: string }) =>
        task.targetKind === 'team_share' && task.postId === post.id,
    );
    expect(share).toMatchObject({ status: 'waiting', body: expect.stringContaining('Bài cho nhóm chia sẻ') });
    const other = authHeader(t.app, {
      memberId: ward.staffId,
      wardId: ward.wardId,
      role: 'team_member',
      unitId: ward.unitId,
    });
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/deliveries/${share.id}/shared`, headers: other }))
        .statusCode,
    ).toBe(404); // another team's share task is not theirs to see
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/deliveries/${share.id}/shared`, headers: member }))
        .statusCode,
    ).toBe(200);
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/deliveries/${share.id}/shared`, headers: member }))
        .statusCode,
    ).toBe(409);
    const loud = tasks.find(
      (task: { targetKind: string; postId: string }) =>
        task.targetKind === 'loudspeaker' && task.postId === post.id,
    );
    const bad = await t.app.inject({
      method: 'POST',
      url: `/api/deliveries/${loud.id}/broadcast`,
      headers: member,
      payload: { broadcastCount: 0 },
    });
    expect(bad.statusCode).toBe(400);
    await t.app.inject({
      method: 'POST',
      url: `/api/deliveries/${loud.id}/broadcast`,
      headers: member,
      payload: { broadcastCount: 2 },
    });

    const ledger = (await t.app.inject({ url: `/api/posts/${post.id}/deliveries`, headers: staff })).json()
      .deliveries;
    const byKind = Object.fromEntries(ledger.map((d: { targetKind: string }) => [d.targetKind, d]));
    expect(byKind.oa_group).toMatchObject({ status: 'sent', zaloMessageId: expect.any(String) });
    expect(byKind.team_share).toMatchObject({
      status: 'shared',
      sharedByName: expect.stringContaining('team_member'),
      sharedAt: expect.any(String),
    });
    expect(byKind.loudspeaker).toMatchObject({ status: 'done', broadcastCount: 2 });
  });

  it('another ward sees none of it, and bad times are refused in Vietnamese', async () => {
    const post = (await createPost('Bài riêng của phường')).json();
    const other = await createWard(t.app.db);
    const outsider = authHeader(t.app, {
      memberId: other.staffId,
      wardId: other.wardId,
      role: 'staff',
      unitId: other.unitId,
    });
    expect((await t.app.inject({ url: `/api/posts/${post.id}`, headers: outsider })).statusCode).toBe(404);
    const list = (await t.app.inject({ url: '/api/posts', headers: outsider })).json();
    expect(list.posts).toEqual([]);
    const badTime = await schedule(post.id, {
      kind: 'daily',
      timesOfDay: ['25:00'],
      startsOn: START,
      endsOn: END,
      targets: { groupIds: [] },
    });
    expect(badTime.statusCode).toBe(400);
    expect(badTime.json().message).toMatch(/[À-ỹ]/);
    const anonymous = await t.app.inject({ url: '/api/posts' });
    expect(anonymous.statusCode).toBe(401);
    const asMember = await t.app.inject({
      method: 'POST',
      url: '/api/posts',
      headers: member,
      payload: { campaignId: ward.campaignId, body: 'x' },
    });
    expect(asMember.statusCode).toBe(403);
  });
});
