/**
 * Each ward sends through its own OA (issue 12): two wards, each connected to its own OA in the
 * simulator (`ward:connect-oa`'s service, with a grant the simulator issued for that OA), post into
 * their own OA groups, list their own OA's groups, answer chat through the OA the person wrote to, and
 * notify through their own OA; one OA's full rate window does not hold the other's sends; a ward with
 * no connected OA is refused with the reason and nothing goes through another OA; one OA's lost grant
 * shows on /health by the ward's name while the other OA keeps working.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BroadcastEngine } from '../../server/src/broadcasts/engine.js';
import { connectWardOa } from '../../server/src/zalo/connect-oa.js';
import type { SimState } from '../../server/src/zalo/simulator/state.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { addApprovedPost, addSchedule, deliveryRows } from '../helpers/broadcasts.js';
import { settled } from '../helpers/chat.js';
import { createWard, type WardFixture } from '../helpers/factories.js';
import { authHeader } from '../helpers/sessions.js';
import { seededSim } from '../helpers/zalo.js';

const OA_A = '5100000000000000001';
const OA_B = '5200000000000000002';
const GROUP_A = '710000000000000001';
const GROUP_B = '720000000000000002';
const PERSON_B = '82000000000000000077';
const STAFF_B_OA_USER = '82000000000000000078';

describe('each ward sends through its own OA', () => {
  let t: TestApp;
  let sim: SimState;
  let a: WardFixture;
  let b: WardFixture;

  const staff = (w: WardFixture) =>
    authHeader(t.app, { memberId: w.staffId, wardId: w.wardId, role: 'staff', unitId: w.unitId });
  const sql = (text: string, values: unknown[] = []) => t.app.db.withSystem((c) => c.query(text, values));
  const connect = async (w: WardFixture, oaId: string) =>
    connectWardOa(t.app.db, { slug: w.slug, oaId, ...sim.issueOaGrant(oaId) });
  const khuPho = async (w: WardFixture) =>
    (
      await sql(
        `INSERT INTO units (ward_id, kind, name) VALUES ($1, 'khu_pho', 'Khu phố 1')
         ON CONFLICT (ward_id, name) DO UPDATE SET kind = EXCLUDED.kind RETURNING id`,
        [w.wardId],
      )
    ).rows[0].id as string;
  const oaMessagesIn = (groupId: string) =>
    (sim.byGroup.get(groupId) ?? [])
      .filter((m) => m.from === 'oa')
      .map((m) => ({ oaId: m.oaId, text: m.text }));
  /** An approved post of the ward, due a second ago into `groupIds`. */
  const duePost = async (w: WardFixture, body: string, groupIds: string[]) => {
    const postId = await addApprovedPost(t.app.db, w, body);
    await addSchedule(
      t.app.db,
      w,
      postId,
      { runAt: new Date(Date.now() - 1_000).toISOString() },
      { groupIds },
    );
    return postId;
  };
  const registerOaGroup = async (w: WardFixture, zaloGroupId: string, name: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/ward/groups',
      headers: staff(w),
      payload: { name, deliveryMode: 'oa_group', zaloGroupId, khuPhoUnitId: await khuPho(w) },
    });

  beforeAll(async () => {
    t = await buildTestApp({ seed: true });
    sim = await seededSim(t.app);
    a = await createWard(t.app.db, 'Phường An Bình');
    b = await createWard(t.app.db, 'Phường Bảo Vinh');
    for (const w of [a, b])
      await sql(
        `UPDATE campaigns SET status = 'active', starts_on = current_date - 1, ends_on = current_date + 7 WHERE id = $1`,
        [w.campaignId],
      );
    await t.app.inject({
      method: 'POST',
      url: '/sim/api/groups',
      payload: {
        groups: [
          { groupId: GROUP_A, name: 'KP1 An Bình (OA)', oaId: OA_A },
          { groupId: GROUP_B, name: 'KP1 Bảo Vinh (OA)', oaId: OA_B },
        ],
      },
    });
  });
  afterAll(() => t?.close());

  it('connecting a ward stores its pair, sets its OA id, is audited, and refuses an OA another ward has', async () => {
    expect(await connect(a, OA_A)).toMatchObject({ wardName: 'Phường An Bình', oaId: OA_A, replaced: false });
    expect(await connect(b, OA_B)).toMatchObject({ oaId: OA_B, replaced: false });
    const { rows } = await sql(
      `SELECT w.name, w.zalo_oa_id, t.status FROM oa_tokens t JOIN wards w ON w.id = t.ward_id WHERE w.id = ANY($1) ORDER BY w.name`,
      [[a.wardId, b.wardId]],
    );
    expect(rows).toEqual([
      { name: 'Phường An Bình', zalo_oa_id: OA_A, status: 'ok' },
      { name: 'Phường Bảo Vinh', zalo_oa_id: OA_B, status: 'ok' },
    ]);
    const audited = await sql(
      `SELECT ward_id FROM audit_log WHERE action = 'zalo.oa_connected' ORDER BY created_at`,
    );
    expect(audited.rows.map((r) => r.ward_id)).toEqual([a.wardId, b.wardId]);
    // Ward B cannot take ward A's OA, nor switch to another OA id without editing the ward first.
    await expect(connect(b, OA_A)).rejects.toThrow(/khác --oa-id/);
    const c = await createWard(t.app.db, 'Phường Cẩm Mỹ');
    await expect(connect(c, OA_A)).rejects.toThrow(/đã là OA của Phường An Bình/);
    await expect(
      connectWardOa(t.app.db, { slug: c.slug, oaId: 'OA-một', accessToken: 'x', refreshToken: 'y' }),
    ).rejects.toThrow(/--oa-id chưa đúng/);
    expect(
      (await sql(`SELECT count(*)::int AS n FROM oa_tokens WHERE ward_id = $1`, [c.wardId])).rows[0].n,
    ).toBe(0);
  });

  it("each ward lists only its own OA's groups and registers only those", async () => {
    const listed = async (w: WardFixture) => {
      const response = await t.app.inject({ method: 'GET', url: '/api/ward/groups/zalo', headers: staff(w) });
      expect(response.statusCode, response.body).toBe(200);
      return (response.json().groups as { zaloGroupId: string }[]).map((g) => g.zaloGroupId);
    };
    expect(await listed(a)).toEqual([GROUP_A]);
    expect(await listed(b)).toEqual([GROUP_B]);
    const stolen = await registerOaGroup(a, GROUP_B, 'Nhóm của Bảo Vinh');
    expect(stolen.statusCode).toBe(400);
    expect(stolen.json().message).toMatch(/không có trong các nhóm của OA/);
    expect((await registerOaGroup(a, GROUP_A, 'KP1 An Bình (OA)')).statusCode).toBe(201);
    expect((await registerOaGroup(b, GROUP_B, 'KP1 Bảo Vinh (OA)')).statusCode).toBe(201);
  });

  it("each ward's post goes out with its own OA's token into its own OA group", async () => {
    const groupRow = async (w: WardFixture) =>
      (await sql(`SELECT id FROM zalo_groups WHERE ward_id = $1 AND delivery_mode = 'oa_group'`, [w.wardId]))
        .rows[0].id as string;
    const postA = await duePost(a, 'Tin của An Bình', [await groupRow(a)]);
    const postB = await duePost(b, 'Tin của Bảo Vinh', [await groupRow(b)]);
    await t.app.broadcasts.runOnce(new Date());
    expect((await deliveryRows(t.app.db, postA))[0]).toMatchObject({ status: 'sent' });
    expect((await deliveryRows(t.app.db, postB))[0]).toMatchObject({ status: 'sent' });
    // The simulator knows the OA by the access token each send carried.
    expect(oaMessagesIn(GROUP_A)).toEqual([{ oaId: OA_A, text: 'Tin của An Bình' }]);
    expect(oaMessagesIn(GROUP_B)).toEqual([{ oaId: OA_B, text: 'Tin của Bảo Vinh' }]);
  });

  it("ward A's full rate window does not hold ward B's sends", async () => {
    const engine = new BroadcastEngine({
      db: t.app.db,
      messengerFor: (oaId) => t.app.zalo.oas.connected(oaId),
      log: t.app.log,
      ratePerMinute: 60,
      leaseMs: 30_000,
      linkBase: 'https://zalo.me/s/thu',
    });
    // Another instance spent OA A's whole minute 55 s ago: A's next send waits about 6 s for it.
    const second = new Date(Math.floor(Date.now() / 1000) * 1000 - 55_000);
    await sql(
      `INSERT INTO oa_request_seconds (second, owner, oa_id, requests) VALUES ($1, 'other', $2, 60)`,
      [second, OA_A],
    );
    const groupOf = async (w: WardFixture) =>
      (await sql(`SELECT id FROM zalo_groups WHERE ward_id = $1 AND delivery_mode = 'oa_group'`, [w.wardId]))
        .rows[0].id as string;
    const postA = await duePost(a, 'An Bình chờ lượt', [await groupOf(a)]);
    const postB = await duePost(b, 'Bảo Vinh không phải chờ', [await groupOf(b)]);
    try {
      await engine.dispatch(new Date(), { background: true, drainMs: 1_000 });
      await vi.waitFor(async () => expect((await deliveryRows(t.app.db, postB))[0]?.status).toBe('sent'), {
        timeout: 5_000,
      });
      expect(oaMessagesIn(GROUP_B).at(-1)).toEqual({ oaId: OA_B, text: 'Bảo Vinh không phải chờ' });
      // A's row waits for its own OA's window; nothing of it went out.
      expect((await deliveryRows(t.app.db, postA))[0]?.status).toBe('sending');
      expect(oaMessagesIn(GROUP_A).map((m) => m.text)).not.toContain('An Bình chờ lượt');
    } finally {
      await engine.close(); // waits for A's send, once the other instance's minute has passed
    }
    // Then A's row goes out too, through OA A.
    expect((await deliveryRows(t.app.db, postA))[0]?.status).toBe('sent');
    expect(oaMessagesIn(GROUP_A).at(-1)).toEqual({ oaId: OA_A, text: 'An Bình chờ lượt' });
  });

  it('a chat message to OA B is answered by OA B, and B notifies its staff through OA B', async () => {
    await t.app.inject({
      method: 'POST',
      url: '/sim/api/people/batch',
      payload: {
        people: [
          { oaUserId: PERSON_B, name: 'Cư dân Bảo Vinh', oaId: OA_B },
          { oaUserId: STAFF_B_OA_USER, name: 'Cán bộ Bảo Vinh', oaId: OA_B, role: 'staff' },
        ],
      },
    });
    await sql(`UPDATE members SET zalo_oa_user_id = $2, last_oa_interaction_at = now() WHERE id = $1`, [
      b.staffId,
      STAFF_B_OA_USER,
    ]);
    sim.people.get(STAFF_B_OA_USER)!.lastInteraction = Date.now();
    const said = await t.app.inject({
      method: 'POST',
      url: `/sim/api/users/${PERSON_B}/say`,
      payload: { text: 'cho tôi gặp cán bộ phường với' },
    });
    expect(said.json().webhookStatus).toBe(200);
    await settled(t.app);
    const replies = (sim.byUser.get(PERSON_B) ?? []).filter((m) => m.from === 'oa');
    expect(replies.length).toBeGreaterThan(0);
    expect(replies.map((m) => m.oaId)).toEqual(replies.map(() => OA_B));
    const conversation = await sql(`SELECT ward_id FROM conversations WHERE zalo_user_id = $1`, [PERSON_B]);
    expect(conversation.rows).toEqual([{ ward_id: b.wardId }]);

    // The hand-over tells B's staff, through B's OA.
    await t.app.broadcasts.notify(new Date());
    const toStaff = (sim.byUser.get(STAFF_B_OA_USER) ?? []).filter((m) => m.from === 'oa');
    expect(toStaff.length).toBeGreaterThan(0);
    expect(toStaff.every((m) => m.oaId === OA_B)).toBe(true);
  });

  it('a ward without a connected OA is refused with the reason, and nothing goes through another OA', async () => {
    const c = await createWard(t.app.db, 'Phường Cẩm Đường');
    await sql(
      `UPDATE campaigns SET status = 'active', starts_on = current_date - 1, ends_on = current_date + 7 WHERE id = $1`,
      [c.campaignId],
    );
    const fetched = () => t.app.inject({ method: 'GET', url: '/api/ward/groups/zalo', headers: staff(c) });
    const group = (
      await sql(
        `INSERT INTO zalo_groups (ward_id, khu_pho_unit_id, name, delivery_mode, zalo_group_id) VALUES ($1, $2, 'KP1 (OA)', 'oa_group', $3) RETURNING id`,
        [c.wardId, await khuPho(c), GROUP_A],
      )
    ).rows[0].id as string;
    const sentBefore = sim.messages.filter((m) => m.from === 'oa').length;

    // No OA id at all.
    const noId = await fetched();
    expect(noId.statusCode).toBe(409);
    expect(noId.json().message).toMatch(/^Phường chưa kết nối OA Zalo của mình.*chưa có Mã OA Zalo/);
    const first = await duePost(c, 'Tin của Cẩm Đường', [group]);
    await t.app.broadcasts.runOnce(new Date());
    const [refused] = await deliveryRows(t.app.db, first);
    expect(refused).toMatchObject({ status: 'failed' });
    expect(refused!.errorReason).toMatch(/^Phường chưa kết nối OA Zalo của mình.*chưa có Mã OA Zalo/);

    // An OA id, but no token was ever stored for it.
    await sql(`UPDATE wards SET zalo_oa_id = '5300000000000000003' WHERE id = $1`, [c.wardId]);
    const noToken = await fetched();
    expect(noToken.statusCode).toBe(409);
    expect(noToken.json().message).toMatch(/chưa có token của OA.*ward:connect-oa/);
    const second = await duePost(c, 'Tin thứ hai của Cẩm Đường', [group]);
    await t.app.broadcasts.runOnce(new Date());
    const [unsent] = await deliveryRows(t.app.db, second);
    expect(unsent).toMatchObject({ status: 'failed' });
    expect(unsent!.errorReason).toMatch(/chưa có token của OA/);
    expect(sim.messages.filter((m) => m.from === 'oa').length).toBe(sentBefore);
  });

  it("one OA's lost grant shows on /health by the ward's name; the other OA keeps working", async () => {
    sim.revokeOaGrant(OA_B); // B's OA admin revoked the app: Zalo refuses B's refresh token
    sim.expireOaTokens();
    await sql(`UPDATE oa_tokens SET access_expires_at = now() - interval '1 minute' WHERE oa_id = ANY($1)`, [
      [OA_A, OA_B],
    ]);
    const refreshes = sim.refreshRequests;
    await t.app.zalo.oas.refreshAllDue();
    expect(sim.refreshRequests - refreshes).toBe(2);
    const states = await sql(`SELECT oa_id, status FROM oa_tokens WHERE oa_id = ANY($1) ORDER BY oa_id`, [
      [OA_A, OA_B],
    ]);
    expect(states.rows).toEqual([
      { oa_id: OA_A, status: 'ok' },
      { oa_id: OA_B, status: 'grant_lost' },
    ]);
    const health = await t.app.inject({ url: '/health' });
    expect(health.json().status).toBe('degraded');
    expect(health.json().checks.zalo.message).toContain('Phường Bảo Vinh');
    expect(health.json().checks.zalo.message).toContain('cấp quyền lại');
    expect(health.json().checks.zalo.message).not.toContain('Phường An Bình');

    // A still sends; B's post fails with the reason and nothing goes through A's OA for it.
    expect((await t.app.zalo.oas.messenger(OA_A).getOa()).oaId).toBe(OA_A);
    const groupOf = async (w: WardFixture) =>
      (await sql(`SELECT id FROM zalo_groups WHERE ward_id = $1 AND delivery_mode = 'oa_group'`, [w.wardId]))
        .rows[0].id as string;
    const postA = await duePost(a, 'An Bình vẫn gửi được', [await groupOf(a)]);
    const postB = await duePost(b, 'Bảo Vinh mất quyền', [await groupOf(b)]);
    await t.app.broadcasts.runOnce(new Date());
    expect((await deliveryRows(t.app.db, postA))[0]).toMatchObject({ status: 'sent' });
    const [lost] = await deliveryRows(t.app.db, postB);
    expect(lost).toMatchObject({ status: 'failed' });
    expect(lost!.errorReason).toMatch(/Mất quyền truy cập OA/);
    expect(oaMessagesIn(GROUP_B).map((m) => m.text)).not.toContain('Bảo Vinh mất quyền');
    expect(oaMessagesIn(GROUP_A).at(-1)).toEqual({ oaId: OA_A, text: 'An Bình vẫn gửi được' });

    // B's OA admin grants the app again and ward:connect-oa stores the pair: B sends again.
    expect(await connect(b, OA_B)).toMatchObject({ replaced: true });
    expect((await t.app.inject({ url: '/health' })).json().status).toBe('ok');
    expect((await t.app.zalo.oas.messenger(OA_B).getOa()).oaId).toBe(OA_B);
  });
});
