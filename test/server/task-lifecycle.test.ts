/**
 * Every unit finishes its part: an office unit (the staff of Phòng Văn hóa - Xã hội) acknowledges and
 * completes its own task as a team does; "done" waits for the task's photos (or shows them missing when
 * the task allows it); tasks are edited and cancelled with audit, and deleted only while untouched; the
 * reminder rules reach office units and the teams' waiting share tasks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueDueReminders } from '../../server/src/notifications/reminders.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { createWard, createWardWithEveryRow, type WardFixture } from '../helpers/factories.js';
import { authHeader } from '../helpers/sessions.js';

describe('office units finish their tasks; tasks are edited, cancelled, deleted while untouched', () => {
  let t: TestApp;
  let w: WardFixture;
  let otherOfficeId: string;
  let otherStaffId: string;
  const sql = async <T = Record<string, unknown>>(text: string, values: unknown[] = []) =>
    t.app.db.withSystem(async (db) => (await db.query(text, values)).rows as T[]);
  const staff = () =>
    authHeader(t.app, { memberId: w.staffId, wardId: w.wardId, role: 'staff', unitId: w.unitId });
  const otherStaff = () =>
    authHeader(t.app, { memberId: otherStaffId, wardId: w.wardId, role: 'staff', unitId: otherOfficeId });
  const leader = () =>
    authHeader(t.app, { memberId: w.leaderId, wardId: w.wardId, role: 'leader', unitId: w.unitId });
  const teamMember = () =>
    authHeader(t.app, { memberId: w.teamMemberId, wardId: w.wardId, role: 'team_member', unitId: w.teamId });

  /** A task for the fixture's office unit (Phòng VH-XH), made through the API as staff make one. */
  async function officeTask(extra: Record<string, unknown> = {}) {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/campaigns/${w.campaignId}/tasks`,
      headers: staff(),
      payload: {
        kind: 'hang_banner',
        title: 'Treo băng rôn tại Trụ sở UBND phường',
        dueAt: '2026-05-18T08:00:00+07:00',
        evidencePhotoCount: 2,
        evidenceLocationRequired: true,
        place: { name: 'Trụ sở UBND phường', lat: 10.9419, lng: 107.1408, radiusM: 150 },
        assign: { unitIds: [w.unitId] },
        ...extra,
      },
    });
    expect(res.statusCode).toBe(201);
    const taskId = res.json().id as string;
    const [row] = await sql<{ id: string }>('SELECT id FROM assignments WHERE task_id = $1', [taskId]);
    return { taskId, assignmentId: row!.id, task: res.json() };
  }

  async function addPhoto(assignmentId: string, n: number, reviewStatus = 'pending') {
    const sha = `${String(n).padStart(2, '0')}${'ab'.repeat(31)}`;
    await sql(
      `INSERT INTO photo_files (ward_id, sha256, original_key, display_key, thumb_key, mime, bytes, width, height)
       VALUES ($1, $2, 'o', 'd', 't', 'image/jpeg', 1, 1, 1) ON CONFLICT DO NOTHING`,
      [w.wardId, sha],
    );
    await sql(
      `INSERT INTO evidence (ward_id, assignment_id, kind, photo_sha256, uploaded_by, review_status)
       VALUES ($1, $2, 'photo', $3, $4, $5)`,
      [w.wardId, assignmentId, sha, w.staffId, reviewStatus],
    );
  }

  beforeAll(async () => {
    t = await buildTestApp();
    w = await createWard(t.app.db);
    await sql(`UPDATE campaigns SET status = 'active' WHERE id = $1`, [w.campaignId]);
    [{ id: otherOfficeId }] = (await sql<{ id: string }>(
      `INSERT INTO units (ward_id, kind, name) VALUES ($1, 'service_center', 'Trung tâm Phục vụ hành chính công') RETURNING id`,
      [w.wardId],
    )) as [{ id: string }];
    [{ id: otherStaffId }] = (await sql<{ id: string }>(
      `INSERT INTO members (ward_id, unit_id, role, full_name) VALUES ($1, $2, 'staff', 'Cán bộ TTPVHCC') RETURNING id`,
      [w.wardId, otherOfficeId],
    )) as [{ id: string }];
  });
  afterAll(() => t.close());

  it('an office unit lists, acknowledges and completes its own task; the leader sees it on the board', async () => {
    const { assignmentId } = await officeTask({
      evidencePhotoCount: 0,
      title: 'Viết tin bài trên Trang TTĐT',
    });
    const mine = await t.app.inject({ method: 'GET', url: '/api/me/assignments', headers: staff() });
    expect(mine.statusCode).toBe(200);
    expect(mine.json().assignments.map((a: { id: string }) => a.id)).toContain(assignmentId);

    // Another office cannot acknowledge it; its own staff can, once (audited once).
    const url = `/api/assignments/${assignmentId}/ack`;
    const other = await t.app.inject({ method: 'POST', url, headers: otherStaff() });
    expect(other.statusCode).toBe(403);
    expect(other.json().message).toMatch(/đơn vị mình/);
    const ack = await t.app.inject({ method: 'POST', url, headers: staff() });
    expect(ack.statusCode).toBe(200);
    expect(ack.json().status).toBe('acknowledged');
    await t.app.inject({ method: 'POST', url, headers: staff() });
    const audit = await sql(
      `SELECT action, actor_member_id FROM audit_log WHERE entity_id = $1 AND action <> 'tasks.assign'`,
      [assignmentId],
    );
    expect(audit).toEqual([{ action: 'assignments.ack', actor_member_id: w.staffId }]);

    const done = await t.app.inject({
      method: 'POST',
      url: `/api/assignments/${assignmentId}/done`,
      headers: staff(),
      payload: { note: 'Đã đăng tin trên Trang TTĐT phường' },
    });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'submitted', note: 'Đã đăng tin trên Trang TTĐT phường' });

    const board = await t.app.inject({
      method: 'GET',
      url: `/api/campaigns/${w.campaignId}/board`,
      headers: leader(),
    });
    const cell = board.json().cells.find((c: { assignmentId: string }) => c.assignmentId === assignmentId);
    expect(cell).toMatchObject({ unitId: w.unitId, status: 'submitted' });
    expect(board.json().teams.map((u: { name: string }) => u.name)).toContain('Phòng Văn hóa - Xã hội');
  });

  it('"done" is refused in Vietnamese while the photos are missing; sent-back photos do not count', async () => {
    const { assignmentId } = await officeTask();
    const done = () =>
      t.app.inject({
        method: 'POST',
        url: `/api/assignments/${assignmentId}/done`,
        headers: staff(),
        payload: { note: 'Đã treo' },
      });
    const refused = await done();
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'EVIDENCE_PHOTOS_MISSING' });
    expect(refused.json().message).toBe(
      'Nhiệm vụ này cần 2 ảnh minh chứng, mới có 0. Bấm “Chụp ảnh minh chứng” để gửi thêm 2 ảnh rồi báo hoàn thành.',
    );
    // Nothing changed and nothing was audited.
    const [row] = await sql<{ status: string; note: string | null }>(
      'SELECT status, note FROM assignments WHERE id = $1',
      [assignmentId],
    );
    expect(row).toEqual({ status: 'pending', note: null });
    expect(
      await sql(`SELECT 1 FROM audit_log WHERE entity_id = $1 AND action = 'assignments.done'`, [
        assignmentId,
      ]),
    ).toEqual([]);

    await addPhoto(assignmentId, 1);
    await addPhoto(assignmentId, 2, 'needs_fix');
    expect((await done()).json().message).toContain('mới có 1');
    await addPhoto(assignmentId, 3, 'accepted');
    const ok = await done();
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ note: 'Đã treo', photosRequired: 2, photosCount: 2 });
  });

  it('a task that allows it is done without its photos, and the assignment shows them missing', async () => {
    const { assignmentId } = await officeTask({ evidencePhotoCount: 1, allowDoneWithoutPhotos: true });
    const done = await t.app.inject({
      method: 'POST',
      url: `/api/assignments/${assignmentId}/done`,
      headers: staff(),
      payload: { note: 'Băng rôn treo trong hội trường, không chụp được' },
    });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({
      status: 'submitted',
      photosRequired: 1,
      photosCount: 0,
      allowDoneWithoutPhotos: true,
    });
    const [audit] = await sql<{ after: { photosMissing: number } }>(
      `SELECT after FROM audit_log WHERE entity_id = $1 AND action = 'assignments.done'`,
      [assignmentId],
    );
    expect(audit!.after.photosMissing).toBe(1);
  });

  it('edits a task with the changed fields audited; bad edits answer 400 in Vietnamese and change nothing', async () => {
    const { taskId } = await officeTask({ title: 'Treo băng rôn tại Phòng VH-XH' });
    const patch = (payload: unknown, headers = staff()) =>
      t.app.inject({ method: 'PATCH', url: `/api/tasks/${taskId}`, headers, payload: payload as object });
    const edited = await patch({ evidencePhotoCount: 3, dueAt: '2026-05-19T08:00:00+07:00' });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ evidencePhotoCount: 3, title: 'Treo băng rôn tại Phòng VH-XH' });
    expect(edited.json().place).toMatchObject({ name: 'Trụ sở UBND phường', radiusM: 150 });
    const [audit] = await sql<{ before: object; after: object; actor_member_id: string }>(
      `SELECT before, after, actor_member_id FROM audit_log WHERE entity_id = $1 AND action = 'tasks.update'`,
      [taskId],
    );
    expect(audit).toEqual({
      actor_member_id: w.staffId,
      before: { evidencePhotoCount: 2, dueAt: '2026-05-18T01:00:00.000Z' },
      after: { evidencePhotoCount: 3, dueAt: '2026-05-19T08:00:00+07:00' },
    });

    const outside = await patch({ dueAt: '2026-07-01T08:00:00+07:00' });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().message).toMatch(/Hạn hoàn thành phải nằm trong thời gian của kế hoạch/);
    for (const bad of [{}, { evidencePhotoCount: 99 }, { assign: { allTeams: true } }]) {
      const res = await patch(bad);
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i);
    }
    expect((await patch({ title: 'x' }, teamMember())).statusCode).toBe(403);
    const [stored] = await sql<{ evidence_photo_count: number }>(
      'SELECT evidence_photo_count FROM tasks WHERE id = $1',
      [taskId],
    );
    expect(stored!.evidence_photo_count).toBe(3);
  });

  it('cancels a task with work (audited); its unit can no longer act on it; it leaves lists and board', async () => {
    const { taskId, assignmentId } = await officeTask({ evidencePhotoCount: 0 });
    await t.app.inject({ method: 'POST', url: `/api/assignments/${assignmentId}/ack`, headers: staff() });

    // Work exists: deleting is refused with what to do instead, and the task stays.
    const del = await t.app.inject({ method: 'DELETE', url: `/api/tasks/${taskId}`, headers: staff() });
    expect(del.statusCode).toBe(409);
    expect(del.json().message).toMatch(/không xóa được\. Hãy hủy nhiệm vụ/);
    expect(await sql('SELECT 1 FROM tasks WHERE id = $1', [taskId])).toHaveLength(1);

    const noReason = await t.app.inject({
      method: 'POST',
      url: `/api/tasks/${taskId}/cancel`,
      headers: staff(),
      payload: { reason: '   ' },
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().message).toMatch(/lý do hủy/);

    const cancel = await t.app.inject({
      method: 'POST',
      url: `/api/tasks/${taskId}/cancel`,
      headers: staff(),
      payload: { reason: 'Trùng với nhiệm vụ của khu phố' },
    });
    expect(cancel.statusCode).toBe(200);
    expect(cancel.json()).toMatchObject({ cancelReason: 'Trùng với nhiệm vụ của khu phố', hasWork: true });
    expect(cancel.json().cancelledAt).toEqual(expect.any(String));
    const audit = await sql(`SELECT action, actor_member_id, after FROM audit_log WHERE entity_id = $1`, [
      taskId,
    ]);
    expect(audit).toContainEqual({
      action: 'tasks.cancel',
      actor_member_id: w.staffId,
      after: { cancelled: true, reason: 'Trùng với nhiệm vụ của khu phố' },
    });

    // The work is kept; nobody acts on a cancelled task, and it leaves the unit's list and the board.
    expect(await sql('SELECT status FROM assignments WHERE id = $1', [assignmentId])).toEqual([
      { status: 'acknowledged' },
    ]);
    const done = await t.app.inject({
      method: 'POST',
      url: `/api/assignments/${assignmentId}/done`,
      headers: staff(),
      payload: { note: 'Đã làm' },
    });
    expect(done.statusCode).toBe(409);
    expect(done.json().message).toMatch(/đã bị hủy/);
    for (const [method, url, payload] of [
      ['POST', `/api/tasks/${taskId}/cancel`, { reason: 'Hủy lần nữa' }],
      ['PATCH', `/api/tasks/${taskId}`, { title: 'Sửa sau khi hủy' }],
      ['POST', `/api/tasks/${taskId}/assignments`, { allTeams: true }],
      ['POST', `/api/assignments/${assignmentId}/urge`, undefined],
    ] as const) {
      const res = await t.app.inject({ method, url, headers: staff(), ...(payload ? { payload } : {}) });
      expect(res.statusCode, url).toBe(409);
      expect(res.json().message).toMatch(/đã bị hủy/);
    }
    const mine = await t.app.inject({ method: 'GET', url: '/api/me/assignments', headers: staff() });
    expect(mine.json().assignments.map((a: { id: string }) => a.id)).not.toContain(assignmentId);
    const board = await t.app.inject({
      method: 'GET',
      url: `/api/campaigns/${w.campaignId}/board`,
      headers: leader(),
    });
    expect(board.json().tasks.map((x: { id: string }) => x.id)).not.toContain(taskId);
    const one = await t.app.inject({
      method: 'GET',
      url: `/api/assignments/${assignmentId}`,
      headers: staff(),
    });
    expect(one.json()).toMatchObject({ cancelReason: 'Trùng với nhiệm vụ của khu phố' });
  });

  it('deletes an untouched task (audited with what it was)', async () => {
    const { taskId } = await officeTask({ title: 'Nhiệm vụ tạo nhầm' });
    const del = await t.app.inject({ method: 'DELETE', url: `/api/tasks/${taskId}`, headers: staff() });
    expect(del.statusCode).toBe(204);
    expect(await sql('SELECT 1 FROM tasks WHERE id = $1', [taskId])).toEqual([]);
    const [audit] = await sql<{ actor_member_id: string; before: { title: string } }>(
      `SELECT actor_member_id, before FROM audit_log WHERE entity_id = $1 AND action = 'tasks.delete'`,
      [taskId],
    );
    expect(audit).toMatchObject({ actor_member_id: w.staffId, before: { title: 'Nhiệm vụ tạo nhầm' } });
    const again = await t.app.inject({ method: 'DELETE', url: `/api/tasks/${taskId}`, headers: staff() });
    expect(again.statusCode).toBe(404);
    expect(again.json().message).toMatch(/Không tìm thấy nhiệm vụ/);
  });
});

describe('reminder rules reach office units and waiting share tasks', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());
  const sql = async <T = Record<string, unknown>>(text: string, values: unknown[] = []) =>
    t.app.db.withSystem(async (db) => (await db.query(text, values)).rows as T[]);
  const tick = (at: string) =>
    t.app.db.withSystem((db) => queueDueReminders(db, new Date(at), 6 * 3_600_000));

  it("reminds an office's staff of its task and a team of the post it has not shared yet", async () => {
    const w = await createWardWithEveryRow(t.app.db);
    await sql(`UPDATE campaigns SET status = 'active' WHERE id = $1`, [w.campaignId]);
    // The default rules, as every campaign made through the API gets them.
    await sql(
      `INSERT INTO reminder_rules (ward_id, campaign_id, kind, offset_minutes, time_of_day, escalate)
       VALUES ($1, $2, 'after_assigned', 1440, NULL, false), ($1, $2, 'overdue_daily_at', NULL, '07:30', true)`,
      [w.wardId, w.campaignId],
    );
    // The office's banner task, assigned on the morning of the 18th; the team's share task opened then too.
    const [task] = await sql<{ id: string }>(
      `INSERT INTO tasks (ward_id, campaign_id, kind, title, due_at)
       VALUES ($1, $2, 'hang_banner', 'Treo băng rôn tại Trụ sở UBND phường', '2026-05-19T08:00:00+07:00') RETURNING id`,
      [w.wardId, w.campaignId],
    );
    await sql(
      `INSERT INTO assignments (ward_id, task_id, unit_id, assigned_at) VALUES ($1, $2, $3, '2026-05-18T08:00:00+07:00')`,
      [w.wardId, task!.id, w.unitId],
    );
    await sql(`UPDATE assignments SET status = 'submitted' WHERE id = $1`, [w.assignmentId]);
    await sql(`UPDATE deliveries SET updated_at = '2026-05-18T08:00:00+07:00' WHERE id = $1`, [w.deliveryId]);
    const notes = () =>
      sql<{ member: string; body: string; assignment: string | null; delivery: string | null }>(
        `SELECT member_id AS member, body, assignment_id AS assignment, delivery_id AS delivery
           FROM notifications WHERE ward_id = $1 AND kind = 'reminder' ORDER BY body, member_id`,
        [w.wardId],
      );

    await tick('2026-05-18T20:00:00+07:00');
    expect(await notes()).toEqual([]);
    // A day later: the office (staff and leader of Phòng VH-XH) and the team, each once.
    await tick('2026-05-19T08:00:30+07:00');
    await tick('2026-05-19T08:01:30+07:00');
    const first = await notes();
    const office = first.filter((n) => n.assignment);
    expect(office.map((n) => n.member).sort()).toEqual([w.staffId, w.leaderId].sort());
    expect(office[0]!.body).toContain('Treo băng rôn tại Trụ sở UBND phường');
    const share = first.filter((n) => n.delivery === w.deliveryId);
    expect(share.map((n) => n.member)).toEqual([w.teamMemberId]);
    expect(share[0]!.body).toContain('chưa được chia sẻ vào Nhóm Zalo Khu phố 1');

    // The next morning both are still not done: the 07:30 rule reminds both again.
    await tick('2026-05-20T07:30:30+07:00');
    expect((await notes()).filter((n) => n.delivery === w.deliveryId)).toHaveLength(2);
    expect((await notes()).filter((n) => n.assignment)).toHaveLength(4);

    // Once shared, the share task is reminded no more.
    await sql(`UPDATE deliveries SET status = 'shared' WHERE id = $1`, [w.deliveryId]);
    await tick('2026-05-21T07:30:30+07:00');
    expect((await notes()).filter((n) => n.delivery === w.deliveryId)).toHaveLength(2);
  });

  it('a cancelled task is reminded no more', async () => {
    const w = await createWard(t.app.db);
    await sql(`UPDATE campaigns SET status = 'active' WHERE id = $1`, [w.campaignId]);
    await sql(
      `INSERT INTO reminder_rules (ward_id, campaign_id, kind, offset_minutes) VALUES ($1, $2, 'before_due', 60)`,
      [w.wardId, w.campaignId],
    );
    await sql(`UPDATE tasks SET cancelled_at = now(), cancel_reason = 'Thôi' WHERE id = $1`, [w.taskId]);
    await tick('2026-05-20T16:00:30+07:00');
    expect(await sql('SELECT 1 FROM notifications WHERE ward_id = $1', [w.wardId])).toEqual([]);
  });
});
