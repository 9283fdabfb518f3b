/**
 * Issue 12 items 4–5: editing a post after approval, sending it back with a reason, the exact preview,
 * an image sent through the OA's upload into the simulator's group, schedules changed only in the
 * future, and the loudspeaker script with its play log (and the report's count).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zaloTextLength } from '@loa/shared';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { addGroups } from '../helpers/broadcasts.js';
import { createWard, type WardFixture } from '../helpers/factories.js';
import { authHeader, teamMemberHeader } from '../helpers/sessions.js';
import { seededSim } from '../helpers/zalo.js';

const year = new Date().getUTCFullYear() + 1;
const START = `${year}-05-18`;
const END = `${year}-05-24`;
const PHOTO = readFileSync(join(import.meta.dirname, '../fixtures/photos/orientation-6-landscape.jpg'));
const SIM_GROUP = '700998877665540001';

describe('editing posts, sending back, images, schedules and the loudspeaker', () => {
  let t: TestApp;
  let ward: WardFixture;
  let staff: { authorization: string };
  let leader: { authorization: string };
  let member: { authorization: string };
  let oaGroupId: string;
  let shareGroups: Awaited<ReturnType<typeof addGroups>>;

  beforeAll(async () => {
    t = await buildTestApp({ seed: true });
    ward = await createWard(t.app.db);
    shareGroups = await addGroups(t.app.db, ward, 0, 1);
    // An OA group the simulator knows, so the real client sends into it.
    const sim = await seededSim(t.app);
    sim.groups.set(SIM_GROUP, {
      groupId: SIM_GROUP,
      name: 'Khu phố Thử',
      oaGroup: true,
      status: 'enabled',
      memberIds: [],
    });
    // A ward sends only through its own OA: the test ward takes the demo ward's OA over (the one the
    // simulator grants at first start), as it sends into an OA group of that OA.
    const connectedOa = await t.app.zalo.defaultOaId();
    oaGroupId = await t.app.db.withSystem(async (c) => {
      await c.query(`UPDATE wards SET zalo_oa_id = NULL WHERE zalo_oa_id = $1`, [connectedOa]);
      await c.query(`UPDATE wards SET zalo_oa_id = $1 WHERE id = $2`, [connectedOa, ward.wardId]);
      await c.query(`UPDATE campaigns SET starts_on = $2, ends_on = $3 WHERE id = $1`, [
        ward.campaignId,
        START,
        END,
      ]);
      const { rows } = await c.query<{ id: string }>(
        `INSERT INTO zalo_groups (ward_id, khu_pho_unit_id, name, delivery_mode, zalo_group_id)
         VALUES ($1, $2, 'Khu phố Thử', 'oa_group', $3) RETURNING id`,
        [ward.wardId, ward.teamId, SIM_GROUP],
      );
      return rows[0]!.id;
    });
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
  const audit = (action: string, entityId: string) =>
    t.app.db.withSystem(
      async (c) =>
        (
          await c.query(
            `SELECT actor_member_id AS actor, before, after FROM audit_log WHERE action = $1 AND entity_id = $2 ORDER BY id`,
            [action, entityId],
          )
        ).rows,
    );
  const createPost = async (payload: object) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/posts',
      headers: staff,
      payload: { campaignId: ward.campaignId, linkPath: '/chien-dich', ...payload },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const approve = async (id: string, version: number) => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/posts/${id}/approve`,
      headers: leader,
      payload: { version },
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const upload = (payload: Buffer | string, contentType = 'image/jpeg') =>
    t.app.inject({
      method: 'POST',
      url: '/api/post-images',
      headers: { ...staff, 'content-type': contentType },
      payload,
    });

  it('previews exactly the text the server saves, the "Xem chi tiết" line and its count included', async () => {
    const body = 'Chào mừng Ngày Khoa học và Công nghệ Việt Nam 18/5';
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/posts/preview',
      headers: staff,
      payload: { body: `  ${body}  `, linkPath: '/chien-dich' },
    });
    expect(res.statusCode).toBe(200);
    const preview = res.json();
    const saved = await createPost({ body });
    expect(preview.text).toBe(saved.preview);
    expect(preview.text).toMatch(/\n\nXem chi tiết: https:\/\/\S+\/chien-dich$/);
    expect(preview.length).toBe(zaloTextLength(saved.preview));
    expect(preview.max).toBe(2000);
  });

  it('a new post linking to its own page is saved with the id and text its preview showed', async () => {
    const preview = async (payload: object) =>
      (await t.app.inject({ method: 'POST', url: '/api/posts/preview', headers: staff, payload })).json();
    const first = await preview({ body: 'Bài có trang riêng' });
    expect(first.postId).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.text).toContain(`post=${first.postId}`);
    const again = await preview({ body: 'Bài có trang riêng', id: first.postId });
    expect(again.text).toBe(first.text);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/posts',
      headers: staff,
      payload: { campaignId: ward.campaignId, body: 'Bài có trang riêng', id: first.postId },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ id: first.postId, preview: first.text });
    const reused = await t.app.inject({
      method: 'POST',
      url: '/api/posts',
      headers: staff,
      payload: { campaignId: ward.campaignId, body: 'Bài khác', id: first.postId },
    });
    expect(reused.statusCode).toBe(409);
  });

  it('an edit after approval returns the post to draft, needs approval again, and is audited', async () => {
    const post = await createPost({ body: 'Bài đã duyệt' });
    const approved = await approve(post.id, post.version);
    expect(approved.status).toBe('approved');
    const edited = await t.app.inject({
      method: 'PATCH',
      url: `/api/posts/${post.id}`,
      headers: staff,
      payload: { body: 'Bài đã duyệt, sửa lại', version: approved.version },
    });
    expect(edited.json()).toMatchObject({ status: 'draft', approvedBy: null, body: 'Bài đã duyệt, sửa lại' });
    const rows = await audit('posts.update', post.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actor: ward.staffId,
      before: { status: 'approved', body: 'Bài đã duyệt' },
      after: { status: 'draft', body: 'Bài đã duyệt, sửa lại' },
    });
    // Nothing of a draft is scheduled.
    const scheduled = await t.app.inject({
      method: 'POST',
      url: `/api/posts/${post.id}/schedules`,
      headers: staff,
      payload: { kind: 'once', runAt: `${START}T08:00:00+07:00`, targets: { groupIds: [oaGroupId] } },
    });
    expect(scheduled.statusCode).toBe(409);
  });

  it('a leader sends a post back with a reason the author sees; the next edit clears it; audited', async () => {
    const post = await createPost({ body: 'Bài cần sửa' });
    const empty = await t.app.inject({
      method: 'POST',
      url: `/api/posts/${post.id}/send-back`,
      headers: leader,
      payload: { version: post.version, reason: '   ' },
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().message).toMatch(/lý do/);
    const byStaff = await t.app.inject({
      method: 'POST',
      url: `/api/posts/${post.id}/send-back`,
      headers: staff,
      payload: { version: post.version, reason: 'Sai ngày' },
    });
    expect(byStaff.statusCode).toBe(403);

    const sent = await t.app.inject({
      method: 'POST',
      url: `/api/posts/${post.id}/send-back`,
      headers: leader,
      payload: { version: post.version, reason: 'Ghi rõ giờ ra quân là 7 giờ 30.' },
    });
    expect(sent.statusCode).toBe(200);
    expect(sent.json()).toMatchObject({
      status: 'draft',
      sentBackReason: 'Ghi rõ giờ ra quân là 7 giờ 30.',
      sentBackByName: expect.any(String),
      sentBackAt: expect.any(String),
    });
    // The author sees it on the post.
    const seen = (await t.app.inject({ url: `/api/posts/${post.id}`, headers: staff })).json();
    expect(seen.sentBackReason).toBe('Ghi rõ giờ ra quân là 7 giờ 30.');
    expect(await audit('posts.sendBack', post.id)).toEqual([
      expect.objectContaining({
        actor: ward.leaderId,
        after: expect.objectContaining({ reason: seen.sentBackReason }),
      }),
    ]);
    // An approved post can be sent back too: its approval is withdrawn.
    const fixed = await t.app.inject({
      method: 'PATCH',
      url: `/api/posts/${post.id}`,
      headers: staff,
      payload: { body: 'Bài đã sửa: ra quân lúc 7 giờ 30', version: seen.version },
    });
    expect(fixed.json().sentBackReason).toBeNull();
    const approved = await approve(post.id, fixed.json().version);
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/posts/${post.id}/send-back`,
      headers: leader,
      payload: { version: approved.version, reason: 'Chờ xác nhận địa điểm.' },
    });
    expect(again.json()).toMatchObject({ status: 'draft', approvedBy: null });
  });

  it('refuses an upload that is not an image, or too big, in Vietnamese, and stores nothing', async () => {
    const before = await count('post_images');
    const text = await upload('không phải ảnh', 'text/plain');
    expect(text.statusCode).toBe(415);
    expect(text.json().message).toMatch(/không phải ảnh/);
    const html = await upload(Buffer.from('<html><body>x</body></html>'), 'image/jpeg');
    expect(html.statusCode).toBe(415);
    expect(html.json().message).toMatch(/JPEG, PNG hoặc WebP/);
    const big = await upload(Buffer.alloc(11 * 1024 * 1024, 1));
    expect(big.statusCode).toBe(413);
    expect(big.json().message).toMatch(/quá giới hạn 10 MB/);
    const cut = await upload(PHOTO.subarray(0, PHOTO.length / 2));
    expect([415, 422]).toContain(cut.statusCode);
    expect(await count('post_images')).toBe(before);
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/posts',
      headers: staff,
      payload: { campaignId: ward.campaignId, body: 'x', imageSha256: 'b'.repeat(64) },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toMatch(/ảnh/);
  });

  it('attaches a decoded image that reaches the group through the OA upload, shown in the preview', async () => {
    const res = await upload(PHOTO);
    expect(res.statusCode, res.body).toBe(201);
    const image = res.json();
    // Decoded and turned upright (orientation 6: the stored JPEG is portrait), under Zalo's 1 MB.
    const meta = await sharp(PHOTO).metadata();
    expect([image.width, image.height]).toEqual([meta.height, meta.width]);
    expect(image.bytes).toBeLessThanOrEqual(1024 * 1024);

    const post = await createPost({ body: 'Bài có ảnh', imageSha256: image.sha256 });
    expect(post.imageSha256).toBe(image.sha256);
    const shown = await t.app.inject({ url: `/api/posts/${post.id}/image`, headers: staff });
    expect(shown.statusCode).toBe(200);
    expect(shown.headers['content-type']).toBe('image/jpeg');
    expect(createHash('sha256').update(shown.rawPayload).digest('hex')).toBe(image.sha256);

    const approved = await approve(post.id, post.version);
    const runAt = `${START}T08:00:00+07:00`;
    const scheduled = await t.app.inject({
      method: 'POST',
      url: `/api/posts/${post.id}/schedules`,
      headers: staff,
      payload: { kind: 'once', runAt, targets: { groupIds: [oaGroupId] } },
    });
    expect(scheduled.statusCode, scheduled.body).toBe(201);
    expect(approved.status).toBe('approved');
    await t.app.broadcasts.runOnce(new Date(runAt));

    const sim = t.app.zalo.simulator!;
    const sent = (sim.byGroup.get(SIM_GROUP) ?? []).at(-1);
    expect(sent).toMatchObject({
      from: 'oa',
      text: post.preview,
      attachment: { type: 'image', attachmentId: expect.stringMatching(/^simatt_/) },
    });
    // The simulator received the very bytes we stored and showed.
    expect(sim.uploads.get(sent!.attachment!.attachmentId!)).toMatchObject({
      mimeType: 'image/jpeg',
      sha256: image.sha256,
    });
    const ledger = (await t.app.inject({ url: `/api/posts/${post.id}/deliveries`, headers: staff })).json();
    expect(ledger.deliveries[0]).toMatchObject({ status: 'sent', zaloMessageId: sent!.messageId });
  });

  it('pauses, resumes, cancels and edits only future sends; sent ones stay; exactly once per send', async () => {
    const post = await createPost({ body: 'Lịch gửi ba ngày' });
    await approve(post.id, post.version);
    const scheduled = await t.app.inject({
      method: 'POST',
      url: `/api/posts/${post.id}/schedules`,
      headers: staff,
      payload: {
        kind: 'daily',
        timesOfDay: ['07:00'],
        startsOn: START,
        endsOn: `${year}-05-20`,
        targets: { groupIds: [oaGroupId] },
      },
    });
    const scheduleId = scheduled.json().id;
    const list = async () =>
      (await t.app.inject({ url: `/api/posts/${post.id}/schedules`, headers: staff })).json().schedules[0];
    const [first, second, third] = (await list()).occurrences;
    const sim = t.app.zalo.simulator!;
    const sentCount = () =>
      (sim.byGroup.get(SIM_GROUP) ?? []).filter((m) => m.text.startsWith('Lịch gửi ba ngày')).length;

    // Day 1 goes out; the clock is then past it.
    await t.app.broadcasts.runOnce(new Date(first.dueAt));
    expect(sentCount()).toBe(1);

    // A send that went out is read-only.
    const pastEdit = await t.app.inject({
      method: 'PATCH',
      url: `/api/occurrences/${first.id}`,
      headers: staff,
      payload: { dueAt: `${year}-05-21T09:00:00+07:00` },
    });
    expect(pastEdit.statusCode).toBe(409);
    const pastText = await t.app.inject({
      method: 'PATCH',
      url: `/api/occurrences/${first.id}`,
      headers: staff,
      payload: { bodyOverride: 'Bản sửa sau khi đã gửi' },
    });
    expect(pastText.statusCode).toBe(409);
    expect(pastText.json().message).toMatch(/đã gửi hoặc đã hủy/);
    expect((await list()).occurrences[0].bodyOverride).toBeNull();

    const paused = await t.app.inject({
      method: 'PATCH',
      url: `/api/schedules/${scheduleId}`,
      headers: staff,
      payload: { status: 'paused' },
    });
    expect(paused.statusCode).toBe(200);
    await t.app.broadcasts.runOnce(new Date(second.dueAt));
    expect(sentCount()).toBe(1); // nothing while paused
    // Day 2 falls due while paused (the routes use the real clock): resuming must not send it late.
    await t.app.db.withSystem((c) =>
      c.query(`UPDATE occurrences SET due_at = now() - interval '1 minute' WHERE id = $1`, [second.id]),
    );

    const resumed = await t.app.inject({
      method: 'PATCH',
      url: `/api/schedules/${scheduleId}`,
      headers: staff,
      payload: { status: 'active' },
    });
    expect(resumed.statusCode).toBe(200);
    const moved = await t.app.inject({
      method: 'PATCH',
      url: `/api/occurrences/${third.id}`,
      headers: staff,
      payload: { dueAt: `${year}-05-20T17:30:00+07:00` },
    });
    expect(moved.statusCode).toBe(200);
    await t.app.broadcasts.runOnce(new Date(`${year}-05-20T17:30:00+07:00`));
    await t.app.broadcasts.runOnce(new Date(`${year}-05-20T17:31:00+07:00`));
    expect(sentCount()).toBe(2); // the moved send once, the paused day never

    const cancelled = await t.app.inject({
      method: 'PATCH',
      url: `/api/schedules/${scheduleId}`,
      headers: staff,
      payload: { status: 'cancelled' },
    });
    expect(cancelled.statusCode).toBe(200);
    const after = await list();
    expect(after.status).toBe('cancelled');
    const statuses = Object.fromEntries(
      after.occurrences.map((o: { id: string; status: string }) => [o.id, o.status]),
    );
    expect(statuses[first.id]).toBe('dispatched');
    expect(statuses[second.id]).toBe('cancelled');
    expect(statuses[third.id]).toBe('dispatched');
    const lateEdit = await t.app.inject({
      method: 'PATCH',
      url: `/api/occurrences/${second.id}`,
      headers: staff,
      payload: { cancel: true },
    });
    expect(lateEdit.statusCode).toBe(409);
    const deliveries = await t.app.db.withSystem(
      async (c) =>
        (
          await c.query(
            `SELECT d.occurrence_id FROM deliveries d JOIN occurrences o ON o.id = d.occurrence_id WHERE o.post_id = $1`,
            [post.id],
          )
        ).rows,
    );
    expect(deliveries).toHaveLength(2); // one ledger row per send that went out, no more
    const actions = await t.app.db.withSystem(async (c) =>
      (
        await c.query(
          `SELECT after->>'status' AS status FROM audit_log WHERE action = 'schedules.setStatus' AND entity_id = $1 ORDER BY id`,
          [scheduleId],
        )
      ).rows.map((r) => r.status),
    );
    expect(actions).toEqual(['paused', 'active', 'cancelled']);
    expect(await audit('occurrences.update', third.id)).toHaveLength(1);
  });

  it('checks the loudspeaker script, reads it with its own text, and logs each play for the report', async () => {
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/posts',
      headers: staff,
      payload: {
        campaignId: ward.campaignId,
        body: 'Bài có loa',
        loudspeakerScript: 'Bà con xem tại https://zalo.me/s/loa 📢',
      },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toMatch(/đường dẫn/);
    expect(refused.json().message).toMatch(/biểu tượng/);

    const noScript = await createPost({ body: 'Bài không có bài đọc loa' });
    await approve(noScript.id, noScript.version);
    const needsScript = await t.app.inject({
      method: 'POST',
      url: `/api/posts/${noScript.id}/schedules`,
      headers: staff,
      payload: {
        kind: 'once',
        runAt: `${START}T17:00:00+07:00`,
        targets: { groupIds: [], loudspeaker: true },
      },
    });
    expect(needsScript.statusCode).toBe(400);
    expect(needsScript.json().message).toMatch(/bài đọc loa/);

    const preview = await t.app.inject({
      method: 'POST',
      url: '/api/posts/preview',
      headers: staff,
      payload: { body: 'x', loudspeakerScript: 'Ngày 18/5 ra quân lúc 7h30.' },
    });
    expect(preview.json().loudspeaker).toMatchObject({
      spoken: 'ngày mười tám tháng năm ra quân lúc bảy giờ ba mươi phút.',
      seconds: expect.any(Number),
      problems: [expect.objectContaining({ kind: 'digits', blocking: false })],
    });

    const script = 'Thông báo của Ủy ban nhân dân phường: ngày mười tám tháng năm ra quân.';
    const post = await createPost({ body: 'Bài có loa', loudspeakerScript: script });
    await approve(post.id, post.version);
    const runAt = `${START}T17:00:00+07:00`;
    const scheduled = await t.app.inject({
      method: 'POST',
      url: `/api/posts/${post.id}/schedules`,
      headers: staff,
      payload: { kind: 'once', runAt, targets: { groupIds: [], loudspeaker: true } },
    });
    expect(scheduled.statusCode, scheduled.body).toBe(201);
    await t.app.broadcasts.runOnce(new Date(runAt));
    // Plays are reported after the send falls due by the real clock (the routes use it).
    await t.app.db.withSystem((c) =>
      c.query(`UPDATE occurrences SET due_at = now() - interval '10 minutes' WHERE post_id = $1`, [post.id]),
    );
    const task = (await t.app.inject({ url: '/api/share-tasks', headers: member }))
      .json()
      .tasks.find((x: { postId: string }) => x.postId === post.id);
    expect(task).toMatchObject({ targetKind: 'loudspeaker', status: 'waiting', body: script });

    const future = await t.app.inject({
      method: 'POST',
      url: `/api/deliveries/${task.id}/plays`,
      headers: member,
      payload: { playedAt: new Date(Date.now() + 3_600_000).toISOString() },
    });
    expect(future.statusCode).toBe(400);
    for (const expected of [1, 2]) {
      const play = await t.app.inject({
        method: 'POST',
        url: `/api/deliveries/${task.id}/plays`,
        headers: member,
        payload: {},
      });
      expect(play.statusCode).toBe(201);
      expect(play.json()).toEqual({ total: expected });
    }
    const otherTeam = authHeader(t.app, {
      memberId: ward.staffId,
      wardId: ward.wardId,
      role: 'team_member',
      unitId: ward.unitId,
    });
    const notTheirs = await t.app.inject({
      method: 'POST',
      url: `/api/deliveries/${task.id}/plays`,
      headers: otherTeam,
      payload: {},
    });
    expect(notTheirs.statusCode).toBe(404);
    const log = (await t.app.inject({ url: `/api/deliveries/${task.id}/plays`, headers: staff })).json();
    expect(log.plays).toHaveLength(2);
    expect(await audit('deliveries.reportPlay', task.id)).toHaveLength(2);
    const ledger = (await t.app.inject({ url: `/api/posts/${post.id}/deliveries`, headers: staff })).json();
    expect(ledger.deliveries[0]).toMatchObject({
      targetKind: 'loudspeaker',
      status: 'done',
      broadcastCount: 2,
    });

    // The report's loudspeaker figure counts the plays.
    const { selectChannelFigures } = await import('../../server/src/reports/sql.js');
    const figures = await t.app.db.withWard(ward.wardId, (db) => selectChannelFigures(db, ward.campaignId));
    expect(figures.rows.find((r) => r.channel === 'loudspeaker')).toMatchObject({ plays: 2 });
    expect(shareGroups).toHaveLength(1);
  });

  it('keeps the ward loudspeaker slots, for staff to set (audited) and everyone in the office to read', async () => {
    const initial = (await t.app.inject({ url: '/api/loudspeaker/slots', headers: leader })).json();
    expect(initial.timesOfDay).toEqual(['06:00', '17:00']);
    const bad = await t.app.inject({
      method: 'PUT',
      url: '/api/loudspeaker/slots',
      headers: staff,
      payload: { timesOfDay: ['25:00'] },
    });
    expect(bad.statusCode).toBe(400);
    const set = await t.app.inject({
      method: 'PUT',
      url: '/api/loudspeaker/slots',
      headers: staff,
      payload: { timesOfDay: ['17:30', '06:30'] },
    });
    expect(set.json().timesOfDay).toEqual(['06:30', '17:30']);
    expect(
      (await t.app.inject({ url: '/api/loudspeaker/slots', headers: leader })).json().timesOfDay,
    ).toEqual(['06:30', '17:30']);
    expect(await audit('loudspeaker.setSlots', ward.wardId)).toHaveLength(1);
  });
});
