import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { createWard, type WardFixture } from '../helpers/factories.js';
import { authHeader } from '../helpers/sessions.js';

describe('campaigns: create, edit, approve, activate, close', () => {
  let t: TestApp;
  let w: WardFixture;
  let secondLeaderId: string;
  const staff = () =>
    authHeader(t.app, { memberId: w.staffId, wardId: w.wardId, role: 'staff', unitId: w.unitId });
  const leader = (memberId = w.leaderId) =>
    authHeader(t.app, { memberId, wardId: w.wardId, role: 'leader', unitId: w.unitId });
  const body = {
    number: '45/KH-UBND',
    issuedOn: '2026-05-05',
    title: 'Kế hoạch tuyên truyền phòng chống sốt xuất huyết',
    legalBases: ['Căn cứ Luật Tổ chức chính quyền địa phương'],
    purposes: ['Nâng cao nhận thức của người dân'],
    theme: 'Không có lăng quăng, không có sốt xuất huyết',
    slogans: ['Diệt lăng quăng, phòng sốt xuất huyết'],
    startsOn: '2026-06-01',
    endsOn: '2026-06-07',
  };

  const auditRows = (entityId: string) =>
    t.app.db.withSystem(
      async (db) =>
        (
          await db.query(
            `SELECT action, actor_member_id AS actor, before, after FROM audit_log WHERE entity_id = $1 ORDER BY id`,
            [entityId],
          )
        ).rows,
    );
  const countCampaigns = () =>
    t.app.db.withSystem(
      async (db) => (await db.query('SELECT count(*)::int AS n FROM campaigns')).rows[0].n as number,
    );

  beforeAll(async () => {
    t = await buildTestApp();
    w = await createWard(t.app.db);
    secondLeaderId = await t.app.db.withSystem(
      async (db) =>
        (
          await db.query(
            `INSERT INTO members (ward_id, unit_id, role, full_name) VALUES ($1, $2, 'leader', 'Phó Chủ tịch Hai') RETURNING id`,
            [w.wardId, w.unitId],
          )
        ).rows[0].id,
    );
  });
  afterAll(() => t.close());

  it('staff create a draft with every field, and the audit log records who and what', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/campaigns',
      headers: staff(),
      payload: { ...body, leadUnitId: w.unitId, signerMemberId: w.leaderId },
    });
    expect(res.statusCode).toBe(201);
    const campaign = res.json();
    expect(campaign).toMatchObject({
      ...body,
      status: 'draft',
      createdBy: w.staffId,
      leadUnitId: w.unitId,
      signerMemberId: w.leaderId,
      version: 1,
    });
    const audit = await auditRows(campaign.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'campaigns.create', actor: w.staffId, before: null });
    expect(audit[0].after.title).toBe(body.title);
  });

  it('refuses an end before the start, an unknown unit and a malformed body in Vietnamese, storing nothing', async () => {
    const before = await countCampaigns();
    const cases = [
      {
        payload: { ...body, endsOn: '2026-05-30' },
        code: 'CAMPAIGN_PERIOD_INVALID',
        message: /Ngày kết thúc/,
      },
      {
        payload: { ...body, leadUnitId: '00000000-0000-4000-8000-000000000000' },
        code: 'UNIT_UNKNOWN',
        message: /Đơn vị chủ trì/,
      },
      {
        payload: { ...body, signerMemberId: '00000000-0000-4000-8000-000000000000' },
        code: 'MEMBER_UNKNOWN',
        message: /người ký/i,
      },
      {
        payload: { ...body, startsOn: 'thứ hai' },
        code: 'VALIDATION_FAILED',
        message: /“Ngày bắt đầu” phải là ngày/,
      },
      { payload: { title: '' }, code: 'VALIDATION_FAILED', message: /Tên kế hoạch|Ngày bắt đầu/ },
    ];
    for (const c of cases) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/campaigns',
        headers: staff(),
        payload: c.payload,
      });
      expect(res.statusCode, JSON.stringify(c.payload)).toBe(400);
      expect(res.json().code).toBe(c.code);
      expect(res.json().message).toMatch(c.message);
    }
    expect(await countCampaigns()).toBe(before);
  });

  it('only staff and admins write; team members cannot even read; no session is 401', async () => {
    const member = authHeader(t.app, {
      memberId: w.teamMemberId,
      wardId: w.wardId,
      role: 'team_member',
      unitId: w.teamId,
    });
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/campaigns', headers: leader(), payload: body }))
        .statusCode,
    ).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/campaigns', headers: member })).statusCode).toBe(
      403,
    );
    expect((await t.app.inject({ method: 'GET', url: '/api/campaigns' })).statusCode).toBe(401);
  });

  it('an edit records before and after; a stale version is refused', async () => {
    const created = (
      await t.app.inject({ method: 'POST', url: '/api/campaigns', headers: staff(), payload: body })
    ).json();
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/campaigns/${created.id}`,
      headers: staff(),
      payload: { theme: 'Chủ đề mới', version: 1 },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ theme: 'Chủ đề mới', title: body.title, version: 2 });
    const stale = await t.app.inject({
      method: 'PATCH',
      url: `/api/campaigns/${created.id}`,
      headers: staff(),
      payload: { theme: 'Khác', version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    const audit = await auditRows(created.id);
    expect(audit.map((row) => row.action)).toEqual(['campaigns.create', 'campaigns.update']);
    expect(audit[1].before.theme).toBe(body.theme);
    expect(audit[1].after.theme).toBe('Chủ đề mới');
    const bad = await t.app.inject({
      method: 'PATCH',
      url: `/api/campaigns/${created.id}`,
      headers: staff(),
      payload: { endsOn: '2026-01-01' },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/campaigns/${created.id}`, headers: staff() })).json()
        .endsOn,
    ).toBe(body.endsOn);
  });

  it('a leader who wrote the plan cannot approve it; another leader can; then staff activate and close', async () => {
    const own = await t.app.inject({
      method: 'POST',
      url: '/api/campaigns',
      headers: staff(),
      payload: body,
    });
    const id = own.json().id;
    // The author here is the staff member; make a leader the author to test self-approval.
    await t.app.db.withSystem((db) =>
      db.query('UPDATE campaigns SET created_by = $2 WHERE id = $1', [id, w.leaderId]),
    );
    const self = await t.app.inject({
      method: 'POST',
      url: `/api/campaigns/${id}/approve`,
      headers: leader(),
    });
    expect(self.statusCode).toBe(403);
    expect(self.json().message).toMatch(/không thể tự duyệt/);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/campaigns/${id}`, headers: staff() })).json().status,
    ).toBe('draft');

    expect(
      (await t.app.inject({ method: 'POST', url: `/api/campaigns/${id}/approve`, headers: staff() }))
        .statusCode,
    ).toBe(403);
    const early = await t.app.inject({
      method: 'POST',
      url: `/api/campaigns/${id}/activate`,
      headers: staff(),
    });
    expect(early.statusCode).toBe(409);

    const ok = await t.app.inject({
      method: 'POST',
      url: `/api/campaigns/${id}/approve`,
      headers: leader(secondLeaderId),
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'approved', approvedBy: secondLeaderId });
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/campaigns/${id}/approve`,
          headers: leader(secondLeaderId),
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/campaigns/${id}/activate`, headers: staff() })).json()
        .status,
    ).toBe('active');
    const edit = await t.app.inject({
      method: 'PATCH',
      url: `/api/campaigns/${id}`,
      headers: staff(),
      payload: { theme: 'x' },
    });
    expect(edit.statusCode).toBe(409);
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/campaigns/${id}/close`, headers: staff() })).json()
        .status,
    ).toBe('closed');
    const actions = (await auditRows(id)).map(
      (row) => `${row.action}:${row.before?.status ?? ''}>${row.after?.status}`,
    );
    expect(actions).toEqual([
      'campaigns.create:>draft',
      'campaigns.approve:draft>approved',
      'campaigns.activate:approved>active',
      'campaigns.close:active>closed',
    ]);
  });

  it('editing an approved plan sends it back for approval', async () => {
    const id = (
      await t.app.inject({ method: 'POST', url: '/api/campaigns', headers: staff(), payload: body })
    ).json().id;
    await t.app.inject({ method: 'POST', url: `/api/campaigns/${id}/approve`, headers: leader() });
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/campaigns/${id}`,
      headers: staff(),
      payload: { slogans: ['Khẩu hiệu mới'] },
    });
    expect(res.json()).toMatchObject({ status: 'draft', approvedBy: null, slogans: ['Khẩu hiệu mới'] });
  });

  it('lists drafts awaiting approval for a leader', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/campaigns?status=draft', headers: leader() });
    expect(res.statusCode).toBe(200);
    const list = res.json().campaigns;
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((c: { status: string }) => c.status === 'draft')).toBe(true);
  });
});
