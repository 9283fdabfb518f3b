import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEvidenceApp, type EvidenceTestApp, multipart, PHOTOS } from '../helpers/evidence.js';
import { createWard, type WardFixture } from '../helpers/factories.js';
import { authHeader, teamMemberHeader } from '../helpers/sessions.js';

describe('review queue, review decisions and photo access', () => {
  let t: EvidenceTestApp;
  let ward: WardFixture;
  let secondTeam: { unitId: string; assignmentId: string; memberId: string };
  let heads: Record<
    'member' | 'staff' | 'leader' | 'otherTeam' | 'otherWardStaff',
    { authorization: string }
  >;
  let flagged: string;
  let clean: string;
  let fromSecondTeam: string;

  const upload = async (file: string, assignmentId: string, head: { authorization: string }) => {
    const body = multipart({ bytes: readFileSync(join(PHOTOS, file)) });
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/assignments/${assignmentId}/evidence`,
      headers: { ...head, ...body.headers },
      payload: body.payload,
    });
    expect(response.statusCode).toBe(201);
    return response.json().evidence.id as string;
  };

  beforeAll(async () => {
    t = await buildEvidenceApp();
    ward = await createWard(t.app.db);
    const other = await createWard(t.app.db);
    secondTeam = await t.app.db.withSystem(async (c) => {
      const one = async (sql: string, values: unknown[]) =>
        (await c.query<{ id: string }>(sql, values)).rows[0]?.id ?? '';
      const unitId = await one(
        `INSERT INTO units (ward_id, kind, name) VALUES ($1, 'digital_team', 'Tổ CNS Khu phố 2') RETURNING id`,
        [ward.wardId],
      );
      const assignmentId = await one(
        `INSERT INTO assignments (ward_id, task_id, unit_id) VALUES ($1, $2, $3) RETURNING id`,
        [ward.wardId, ward.taskId, unitId],
      );
      const memberId = await one(
        `INSERT INTO members (ward_id, unit_id, role, full_name) VALUES ($1, $2, 'team_member', 'Lê Văn Hai') RETURNING id`,
        [ward.wardId, unitId],
      );
      return { unitId, assignmentId, memberId };
    });
    heads = {
      member: teamMemberHeader(t.app, ward),
      staff: authHeader(t.app, {
        memberId: ward.staffId,
        wardId: ward.wardId,
        role: 'staff',
        unitId: ward.unitId,
      }),
      leader: authHeader(t.app, {
        memberId: ward.leaderId,
        wardId: ward.wardId,
        role: 'leader',
        unitId: ward.unitId,
      }),
      otherTeam: authHeader(t.app, {
        memberId: secondTeam.memberId,
        wardId: ward.wardId,
        role: 'team_member',
        unitId: secondTeam.unitId,
      }),
      otherWardStaff: authHeader(t.app, {
        memberId: other.staffId,
        wardId: other.wardId,
        role: 'staff',
        unitId: other.unitId,
      }),
    };
    flagged = await upload('gps-nikon-dscn0010.jpg', ward.assignmentId, heads.member);
    clean = await upload('odd-exif-image01137.jpg', ward.assignmentId, heads.member);
    fromSecondTeam = await upload('orientation-6-landscape.jpg', secondTeam.assignmentId, heads.otherTeam);
  });
  afterAll(() => t?.close());

  const list = (query: string, head = heads.staff) =>
    t.app.inject({ url: `/api/evidence?${query}`, headers: head });
  const ids = (response: { json(): { items: { id: string }[] } }) =>
    response
      .json()
      .items.map((item) => item.id)
      .sort();

  it('filters the queue by flag, team, campaign and status', async () => {
    expect(ids(await list('flag=outside_window'))).toEqual([flagged]);
    expect(ids(await list('flag=location_missing'))).toEqual([clean, fromSecondTeam].sort());
    expect(ids(await list(`flag=location_missing&teamId=${ward.teamId}`))).toEqual([clean]);
    expect(ids(await list(`teamId=${secondTeam.unitId}`))).toEqual([fromSecondTeam]);
    expect(ids(await list(`campaignId=${ward.campaignId}&status=pending`))).toEqual(
      [clean, flagged, fromSecondTeam].sort(),
    );
    const bad = await list('flag=blurry');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/flag/);
  });

  it('is for staff and the leader: a team member gets 403 and another ward sees nothing', async () => {
    expect((await list('', heads.member)).statusCode).toBe(403);
    expect((await list('', heads.leader)).statusCode).toBe(200);
    expect(ids(await list('', heads.otherWardStaff))).toEqual([]);
  });

  it('serves photos to the ward staff, the leader and the uploading team only', async () => {
    const get = (id: string, head: { authorization: string }) =>
      t.app.inject({ url: `/api/evidence/${id}/photo?size=thumb`, headers: head });
    expect((await get(flagged, heads.member)).statusCode).toBe(200);
    expect((await get(flagged, heads.staff)).statusCode).toBe(200);
    expect((await get(flagged, heads.leader)).statusCode).toBe(200);
    expect((await get(flagged, heads.otherTeam)).statusCode).toBe(404);
    expect((await get(flagged, heads.otherWardStaff)).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/evidence/${flagged}/photo` })).statusCode).toBe(401);
  });

  it('sends a photo back with a reason: needs_fix on the assignment and a notification per team member', async () => {
    const review = (body: object, head = heads.staff) =>
      t.app.inject({ method: 'POST', url: `/api/evidence/${flagged}/review`, headers: head, payload: body });
    const noReason = await review({ decision: 'needs_fix', reason: '  ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().message).toMatch(/lý do/);
    expect((await review({ decision: 'accept' }, heads.member)).statusCode).toBe(403);

    const response = await review({
      decision: 'needs_fix',
      reason: 'Ảnh chụp năm 2008, hãy chụp lại băng rôn',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      reviewStatus: 'needs_fix',
      reviewReason: 'Ảnh chụp năm 2008, hãy chụp lại băng rôn',
    });
    const state = await t.app.db.withWard(ward.wardId, async (c) => ({
      assignment: (
        await c.query('SELECT status, review_reason FROM assignments WHERE id = $1', [ward.assignmentId])
      ).rows[0],
      notifications: (
        await c.query(
          `SELECT member_id, body FROM notifications WHERE kind = 'review_result' AND assignment_id = $1`,
          [ward.assignmentId],
        )
      ).rows,
    }));
    expect(state.assignment).toEqual({
      status: 'needs_fix',
      review_reason: 'Ảnh chụp năm 2008, hãy chụp lại băng rôn',
    });
    expect(state.notifications).toEqual([
      { member_id: ward.teamMemberId, body: expect.stringContaining('cần bổ sung: Ảnh chụp năm 2008') },
    ]);
    // The team sees the send-back on its own list.
    const own = await t.app.inject({
      url: `/api/assignments/${ward.assignmentId}/evidence`,
      headers: heads.member,
    });
    expect(own.json().items.find((item: { id: string }) => item.id === flagged)).toMatchObject({
      reviewStatus: 'needs_fix',
    });
  });

  it('accepts photos; the assignment is accepted once none is pending or sent back', async () => {
    const accept = (id: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/evidence/${id}/review`,
        headers: heads.leader,
        payload: { decision: 'accept' },
      });
    expect((await accept(clean)).json().reviewStatus).toBe('accepted');
    const status = async () =>
      (
        await t.app.db.withWard(ward.wardId, (c) =>
          c.query('SELECT status FROM assignments WHERE id = $1', [ward.assignmentId]),
        )
      ).rows[0]?.status;
    expect(await status()).toBe('needs_fix');
    expect((await accept(flagged)).json().reviewStatus).toBe('accepted');
    expect(await status()).toBe('accepted');
    const missing = await accept('00000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
  });
});
