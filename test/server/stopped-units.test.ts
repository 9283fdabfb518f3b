/**
 * "Ngừng dùng" on a unit stops its new work: a stopped team is left out of "all teams" and the
 * loudspeaker sends, is not offered in task-new or as a lead unit, and naming it is refused in Vietnamese.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { addApprovedPost, addSchedule, deliveryRows } from '../helpers/broadcasts.js';
import { createWard, type WardFixture } from '../helpers/factories.js';
import { authHeader } from '../helpers/sessions.js';

describe('a stopped unit gets no new work', () => {
  let t: TestApp;
  let w: WardFixture;
  let stoppedId: string;
  const staff = () =>
    authHeader(t.app, { memberId: w.staffId, wardId: w.wardId, role: 'staff', unitId: w.unitId });
  const api = (method: string, url: string, payload?: object) =>
    t.app.inject({ method: method as 'GET', url, headers: staff(), ...(payload ? { payload } : {}) });
  const sql = async <T = Record<string, unknown>>(text: string, values: unknown[] = []) =>
    t.app.db.withSystem(async (db) => (await db.query(text, values)).rows as T[]);
  const task = { kind: 'loudspeaker', title: 'Phát thanh tuần 2', dueAt: '2026-05-22T17:00:00+07:00' };

  beforeAll(async () => {
    t = await buildTestApp();
    w = await createWard(t.app.db);
    const team = await api('POST', '/api/ward/units', {
      kind: 'digital_team',
      name: 'Tổ CNS Khu phố 2',
      khuPhoName: 'Khu phố 2',
    });
    expect(team.statusCode, team.body).toBe(201);
    stoppedId = team.json().id;
    // Staff stop the team the way the set-up screen does ("Ngừng dùng").
    const stop = await api('PATCH', `/api/ward/units/${stoppedId}`, { active: false });
    expect(stop.statusCode, stop.body).toBe(200);
    expect(stop.json()).toMatchObject({ active: false });
  });
  afterAll(() => t.close());

  it('is not offered for new tasks or as the lead unit, but set-up still lists it', async () => {
    const offered = (await api('GET', '/api/units')).json().units.map((u: { id: string }) => u.id);
    expect(offered).toContain(w.teamId);
    expect(offered).not.toContain(stoppedId);
    const setup = (await api('GET', '/api/ward/units')).json().units;
    expect(setup.find((u: { id: string }) => u.id === stoppedId)).toMatchObject({ active: false });
  });

  it('"all teams" leaves it out; naming it is refused in Vietnamese and nothing is stored', async () => {
    const made = await api('POST', `/api/campaigns/${w.campaignId}/tasks`, {
      ...task,
      assign: { allTeams: true },
    });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json().assignedCount).toBe(1);
    const units = await sql<{ unitId: string }>(
      `SELECT unit_id AS "unitId" FROM assignments WHERE task_id = $1`,
      [made.json().id],
    );
    expect(units).toEqual([{ unitId: w.teamId }]);

    const named = await api('POST', `/api/tasks/${made.json().id}/assignments`, { unitIds: [stoppedId] });
    expect(named.statusCode).toBe(409);
    expect(named.json().message).toMatch(/Tổ CNS Khu phố 2 đã ngừng dùng/);
    const inNew = await api('POST', `/api/campaigns/${w.campaignId}/tasks`, {
      ...task,
      title: 'Nhiệm vụ giao cho tổ đã ngừng',
      assign: { unitIds: [w.teamId, stoppedId] },
    });
    expect(inNew.statusCode).toBe(409);
    expect(inNew.json().message).toMatch(/ngừng dùng/);
    const [counts] = await sql<{ tasks: number; assignments: number }>(
      `SELECT (SELECT count(*)::int FROM tasks WHERE title = 'Nhiệm vụ giao cho tổ đã ngừng') AS tasks,
              (SELECT count(*)::int FROM assignments WHERE unit_id = $1) AS assignments`,
      [stoppedId],
    );
    expect(counts).toEqual({ tasks: 0, assignments: 0 });
  });

  it('the loudspeaker send reaches only the teams in use', async () => {
    await sql(`UPDATE campaigns SET status = 'active' WHERE id = $1`, [w.campaignId]);
    const postId = await addApprovedPost(t.app.db, w, 'Mời bà con tham gia ngày hội chuyển đổi số.');
    const runAt = '2026-05-20T17:00:00+07:00';
    await addSchedule(t.app.db, w, postId, { runAt }, { groupIds: [], loudspeaker: true });
    await t.app.broadcasts.runOnce(new Date(runAt));
    const sends = await deliveryRows(t.app.db, postId);
    expect(sends.map((d) => [d.targetKind, d.targetKey])).toEqual([['loudspeaker', w.teamId]]);
  });
});
