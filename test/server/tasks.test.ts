import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { createWard, type WardFixture } from '../helpers/factories.js';
import { authHeader } from '../helpers/sessions.js';

describe('tasks, assignments, acknowledgement, done, urge and the board', () => {
  let t: TestApp;
  let w: WardFixture;
  let teamIds: string[];
  let members: Record<string, string[]>;
  const staff = () =>
    authHeader(t.app, { memberId: w.staffId, wardId: w.wardId, role: 'staff', unitId: w.unitId });
  const teamMember = (unitId: string, memberId = members[unitId]![0]!) =>
    authHeader(t.app, { memberId, wardId: w.wardId, role: 'team_member', unitId });
  const sql = async <T = Record<string, unknown>>(text: string, values: unknown[] = []) =>
    t.app.db.withSystem(async (db) => (await db.query(text, values)).rows as T[]);
  const task = {
    kind: 'loudspeaker',
    title: 'Phát thanh bài tuyên truyền',
    dueAt: '2026-05-22T17:00:00+07:00',
    evidenceNumberLabel: 'Số lần phát thanh',
  };

  beforeAll(async () => {
    t = await buildTestApp();
    w = await createWard(t.app.db);
    // Two more digital teams (three in all), one member each besides the fixture's.
    const rows = await sql<{ id: string }>(
      `INSERT INTO units (ward_id, kind, name, sort_order) VALUES ($1, 'digital_team', 'Tổ CNS Khu phố 2', 2), ($1, 'digital_team', 'Tổ CNS Khu phố 3', 3) RETURNING id`,
      [w.wardId],
    );
    teamIds = [w.teamId, ...rows.map((row) => row.id)];
    members = { [w.teamId]: [w.teamMemberId] };
    for (const id of teamIds.slice(1)) {
      const [m1, m2] = await sql<{ id: string }>(
        `INSERT INTO members (ward_id, unit_id, role, full_name) VALUES ($1, $2, 'team_lead', 'Tổ trưởng'), ($1, $2, 'team_member', 'Tổ viên') RETURNING id`,
        [w.wardId, id],
      );
      members[id] = [m1!.id, m2!.id];
    }
  });
  afterAll(() => t.close());

  it('creates a task and assigns it to all digital teams in one call', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/campaigns/${w.campaignId}/tasks`,
      headers: staff(),
      payload: { ...task, assign: { allTeams: true } },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      title: task.title,
      assignedCount: 3,
      evidenceNumberLabel: 'Số lần phát thanh',
    });
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/tasks/${res.json().id}/assignments`,
      headers: staff(),
      payload: { allTeams: true, unitIds: [w.unitId] },
    });
    expect(again.json()).toEqual({ created: 1, total: 4 });
  });

  it('refuses a due time outside the campaign, an unknown unit, no target and a malformed body; stores nothing', async () => {
    const count = async () =>
      (
        await sql<{ n: number }>(
          'SELECT (SELECT count(*) FROM tasks)::int + (SELECT count(*) FROM assignments)::int AS n',
        )
      )[0]!.n;
    const before = await count();
    const cases: [unknown, string, RegExp][] = [
      [{ ...task, dueAt: '2026-06-30T17:00:00+07:00' }, 'TASK_DUE_OUTSIDE_CAMPAIGN', /Hạn hoàn thành/],
      [
        { ...task, dueAt: '2026-05-25T00:30:00+07:00' },
        'TASK_DUE_OUTSIDE_CAMPAIGN',
        /thời gian của kế hoạch/,
      ],
      [
        { ...task, assign: { unitIds: ['00000000-0000-4000-8000-000000000000'] } },
        'UNIT_UNKNOWN',
        /không có trong phường/,
      ],
      [{ ...task, assign: {} }, 'ASSIGN_TARGETS_EMPTY', /Chưa chọn đơn vị/],
      [{ ...task, kind: 'dance' }, 'VALIDATION_FAILED', /kind/],
      [{ ...task, dueAt: 'mai' }, 'VALIDATION_FAILED', /“Hạn” phải là thời điểm/],
    ];
    for (const [payload, code, message] of cases) {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/campaigns/${w.campaignId}/tasks`,
        headers: staff(),
        payload: payload as object,
      });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().code).toBe(code);
      expect(res.json().message).toMatch(message);
    }
    expect(await count()).toBe(before);
  });

  it('a team member lists only their team’s assignments, with overdue derived from the due time', async () => {
    await sql(`UPDATE campaigns SET status = 'active' WHERE id = $1`, [w.campaignId]);
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/me/assignments',
      headers: teamMember(teamIds[1]!),
    });
    expect(res.statusCode).toBe(200);
    const list = res.json().assignments;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ unitId: teamIds[1], title: task.title, status: 'pending' });
    // 22/05/2026 is in the future when this runs before it, in the past afterwards: compute the truth.
    expect(list[0].overdue).toBe(Date.parse(task.dueAt) < Date.now());
    // The fixture team also has the fixture's own task.
    const mine = (
      await t.app.inject({ method: 'GET', url: '/api/me/assignments', headers: teamMember(w.teamId) })
    ).json().assignments;
    expect(mine.map((a: { unitId: string }) => a.unitId)).toEqual([w.teamId, w.teamId]);
  });

  it('acknowledging is idempotent and audited once; another team gets 403 and nothing changes', async () => {
    const url = `/api/assignments/${w.assignmentId}/ack`;
    const other = await t.app.inject({ method: 'POST', url, headers: teamMember(teamIds[1]!) });
    expect(other.statusCode).toBe(403);
    expect(other.json().message).toMatch(/tổ khác/);
    const first = await t.app.inject({ method: 'POST', url, headers: teamMember(w.teamId) });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ id: w.assignmentId, status: 'acknowledged' });
    const second = await t.app.inject({ method: 'POST', url, headers: teamMember(w.teamId) });
    expect(second.json()).toEqual(first.json());
    const audit = await sql(`SELECT action, actor_member_id FROM audit_log WHERE entity_id = $1`, [
      w.assignmentId,
    ]);
    expect(audit).toEqual([{ action: 'assignments.ack', actor_member_id: w.teamMemberId }]);
    expect((await t.app.inject({ method: 'POST', url, headers: staff() })).statusCode).toBe(403);
    const peek = `/api/assignments/${w.assignmentId}`;
    expect(
      (await t.app.inject({ method: 'GET', url: peek, headers: teamMember(teamIds[1]!) })).statusCode,
    ).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: peek, headers: staff() })).json().status).toBe(
      'acknowledged',
    );
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/assignments/nope/ack',
          headers: teamMember(w.teamId),
        })
      ).statusCode,
    ).toBe(400);
  });

  it('a burst of acknowledgements answers each request on its own and audits each change once', async () => {
    // Its own campaign, so the board test below still sees only its campaign's cells.
    const [burst] = await sql<{ id: string }>(
      `WITH c AS (INSERT INTO campaigns (ward_id, title, starts_on, ends_on, status)
                  VALUES ($1, 'Đợt riêng', '2026-05-18', '2026-05-24', 'active') RETURNING id)
       INSERT INTO tasks (ward_id, campaign_id, kind, title, due_at, sort_order)
       SELECT $1, c.id, 'custom', 'Chia sẻ bài viết', '2026-05-23T10:00:00+07:00', 90 FROM c RETURNING id`,
      [w.wardId],
    );
    const rows = await sql<{ id: string; unit_id: string }>(
      `INSERT INTO assignments (ward_id, task_id, unit_id) SELECT $1, $2, u FROM unnest($3::uuid[]) u RETURNING id, unit_id`,
      [w.wardId, burst!.id, teamIds],
    );
    const [a0, a1, a2] = teamIds.map((unit) => rows.find((row) => row.unit_id === unit)!.id);
    const ack = (id: string, unitId: string, memberId?: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/assignments/${id}/ack`,
        headers: teamMember(unitId, memberId),
      });
    const [lead, member] = members[teamIds[1]!]!;
    // Sent together, so they share a batch: two members of the same team, another team, a missing id,
    // and a session whose member no longer exists (refused at sign-in check; the others must not fail with it).
    const gone = '00000000-0000-4000-8000-00000000dead';
    const [byLead, byMember, byOtherTeam, own, missing, byGone] = await Promise.all([
      ack(a1!, teamIds[1]!, lead),
      ack(a1!, teamIds[1]!, member),
      ack(a1!, teamIds[2]!),
      ack(a2!, teamIds[2]!),
      ack('00000000-0000-4000-8000-000000000000', teamIds[1]!),
      ack(a0!, teamIds[0]!, gone),
    ]);
    expect(byLead!.statusCode).toBe(200);
    expect(byLead!.json()).toMatchObject({ id: a1, status: 'acknowledged' });
    expect(byMember!.json()).toEqual(byLead!.json());
    expect(byOtherTeam!.statusCode).toBe(403);
    expect(own!.json()).toMatchObject({ id: a2, status: 'acknowledged' });
    expect(missing!.statusCode).toBe(404);
    // A member who is no longer in the ward loses access at once (the auth plugin reads `active`).
    expect(byGone!.statusCode).toBe(401);
    expect(byGone!.json().message).toMatch(/không còn trong danh sách/);
    const audit = await sql<{ entity_id: string; actor_member_id: string }>(
      `SELECT entity_id, actor_member_id FROM audit_log WHERE action = 'assignments.ack' AND entity_id = ANY($1) ORDER BY entity_id = $2 DESC`,
      [[a0, a1, a2], a1],
    );
    expect(audit).toHaveLength(2);
    expect([lead, member]).toContain(audit[0]!.actor_member_id);
    expect(audit[1]).toEqual({ entity_id: a2, actor_member_id: members[teamIds[2]!]![0] });
    const [row] = await sql<{ acknowledged_by: string }>(
      'SELECT acknowledged_by FROM assignments WHERE id = $1',
      [a1],
    );
    expect(row!.acknowledged_by).toBe(audit[0]!.actor_member_id);
    const [untouched] = await sql<{ status: string }>('SELECT status FROM assignments WHERE id = $1', [a0]);
    expect(untouched!.status).toBe('pending');
  });

  it('marks done with a number and a note; refuses an empty body and another team', async () => {
    const url = `/api/assignments/${w.assignmentId}/done`;
    expect(
      (await t.app.inject({ method: 'POST', url, headers: teamMember(w.teamId), payload: {} })).statusCode,
    ).toBe(400);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url,
          headers: teamMember(w.teamId),
          payload: { numberDone: -1 },
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url,
          headers: teamMember(teamIds[2]!),
          payload: { numberDone: 3 },
        })
      ).statusCode,
    ).toBe(403);
    const res = await t.app.inject({
      method: 'POST',
      url,
      headers: teamMember(w.teamId),
      payload: { numberDone: 14, note: 'Phát sáng và chiều' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'submitted',
      numberDone: 14,
      note: 'Phát sáng và chiều',
      overdue: false,
    });
  });

  it('urging one team queues one message per member, and a double tap queues nothing more', async () => {
    const [target] = await sql<{ id: string }>(
      `SELECT a.id FROM assignments a JOIN tasks t ON t.id = a.task_id WHERE t.title = $1 AND a.unit_id = $2`,
      [task.title, teamIds[1]],
    );
    const url = `/api/assignments/${target!.id}/urge`;
    const first = await t.app.inject({ method: 'POST', url, headers: staff() });
    expect(first.json()).toEqual({ teams: 1, queued: 2 });
    expect((await t.app.inject({ method: 'POST', url, headers: staff() })).json()).toEqual({
      teams: 1,
      queued: 0,
    });
    const rows = await sql<{ member_id: string; status: string; kind: string; body: string }>(
      `SELECT member_id, status, kind, body FROM notifications WHERE assignment_id = $1 ORDER BY member_id`,
      [target!.id],
    );
    expect(rows.map((row) => row.member_id).sort()).toEqual([...members[teamIds[1]!]!].sort());
    expect(
      rows.every((row) => row.status === 'queued' && row.kind === 'urge' && row.body.includes(task.title)),
    ).toBe(true);
    // A team that already reported done needs no urging.
    const done = await t.app.inject({
      method: 'POST',
      url: `/api/assignments/${w.assignmentId}/urge`,
      headers: staff(),
    });
    expect(done.statusCode).toBe(409);
    expect((await t.app.inject({ method: 'POST', url, headers: teamMember(teamIds[1]!) })).statusCode).toBe(
      403,
    );
  });

  it('urge-late reaches only overdue teams, and the board shows status, counts and overdue', async () => {
    const late = await t.app.inject({
      method: 'POST',
      url: `/api/campaigns/${w.campaignId}/tasks`,
      headers: staff(),
      payload: {
        ...task,
        title: 'Treo băng rôn',
        kind: 'hang_banner',
        dueAt: '2026-05-18T08:00:00+07:00',
        assign: { unitIds: teamIds },
      },
    });
    // Overdue depends on the clock: make this task the only one past its due time, whatever today is.
    await sql(
      `UPDATE tasks SET due_at = CASE WHEN id = $2 THEN now() - interval '1 hour' ELSE now() + interval '1 day' END WHERE campaign_id = $1`,
      [w.campaignId, late.json().id],
    );
    await t.app.inject({
      method: 'POST',
      url: `/api/assignments/${(await sql<{ id: string }>(`SELECT id FROM assignments WHERE task_id = $1 AND unit_id = $2`, [late.json().id, teamIds[2]]))[0]!.id}/ack`,
      headers: teamMember(teamIds[2]!),
    });
    const doneId = (
      await sql<{ id: string }>(`SELECT id FROM assignments WHERE task_id = $1 AND unit_id = $2`, [
        late.json().id,
        w.teamId,
      ])
    )[0]!.id;
    await t.app.inject({
      method: 'POST',
      url: `/api/assignments/${doneId}/done`,
      headers: teamMember(w.teamId),
      payload: { note: 'Đã treo' },
    });

    const urged = await t.app.inject({
      method: 'POST',
      url: `/api/campaigns/${w.campaignId}/urge-late`,
      headers: staff(),
    });
    expect(urged.json()).toEqual({ teams: 2, queued: 4 });

    const board = (
      await t.app.inject({ method: 'GET', url: `/api/campaigns/${w.campaignId}/board`, headers: staff() })
    ).json();
    expect(board.tasks.map((x: { title: string }) => x.title)).toContain('Treo băng rôn');
    const cells = board.cells.filter((cell: { taskId: string }) => cell.taskId === late.json().id);
    const byUnit = Object.fromEntries(cells.map((cell: { unitId: string }) => [cell.unitId, cell]));
    expect(byUnit[w.teamId]).toMatchObject({ status: 'submitted', overdue: false });
    expect(byUnit[teamIds[1]!]).toMatchObject({ status: 'pending', overdue: true });
    expect(byUnit[teamIds[2]!]).toMatchObject({ status: 'acknowledged', overdue: true });
    expect(board.counts.overdue).toBe(
      board.cells.filter((cell: { overdue: boolean }) => cell.overdue).length,
    );
    expect(board.counts.total).toBe(board.cells.length);
    const team2 = board.teams.find((team: { id: string }) => team.id === teamIds[1]);
    expect(team2).toMatchObject({ total: 2, done: 0, overdue: 1 });
    // Digital teams come before the department.
    expect(board.teams.at(-1).id).toBe(w.unitId);
    const member = await t.app.inject({
      method: 'GET',
      url: `/api/campaigns/${w.campaignId}/board`,
      headers: teamMember(w.teamId),
    });
    expect(member.statusCode).toBe(403);
  });
});
