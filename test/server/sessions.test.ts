/**
 * Sessions end when they should: a member deactivated, moved to another team or given another role
 * loses the session at once (on this server) or within SESSION_RECHECK_SECONDS (a change made
 * elsewhere); sign-out revokes the token on the server; nobody reviews their own photo.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEvidenceApp, type EvidenceTestApp, multipart, PHOTOS } from '../helpers/evidence.js';
import { authHeader } from '../helpers/sessions.js';
import { personWhere, seededSim, simTokens } from '../helpers/zalo.js';

describe('sessions re-checked against the member, sign-out, own photos', () => {
  let t: EvidenceTestApp;
  let staff: { authorization: string };
  let wardId: string;

  beforeAll(async () => {
    t = await buildEvidenceApp({ seed: true, env: { SESSION_RECHECK_SECONDS: '1' } });
    await seededSim(t.app);
    const person = personWhere(t.app.zalo.simulator!, (p) => p.role === 'staff');
    const { rows } = await t.app.db.pool.query<{ ward_id: string; unit_id: string }>(
      'SELECT ward_id, unit_id FROM members WHERE id = $1',
      [person.memberId],
    );
    wardId = rows[0]!.ward_id;
    staff = authHeader(t.app, { memberId: person.memberId, wardId, role: 'staff', unitId: rows[0]!.unit_id });
  });
  afterAll(() => t.close());

  /** A real sign-in through the Zalo simulator, as the mini app does it. */
  async function signIn(personId: string): Promise<{ authorization: string }> {
    const { accessToken } = await simTokens(t.app, personId);
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/zalo', payload: { accessToken } });
    expect(response.statusCode, response.body).toBe(200);
    return { authorization: `Bearer ${response.json().token}` };
  }
  const me = (headers: { authorization: string }) => t.app.inject({ url: '/api/me', headers });
  const patchMember = async (id: string, payload: object) => {
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/ward/members/${id}`,
      headers: staff,
      payload,
    });
    expect(response.statusCode, response.body).toBe(200);
  };
  /** A team member of the demo ward, and another digital team to move them to. */
  async function teamMemberAndOtherTeam() {
    const person = personWhere(
      t.app.zalo.simulator!,
      (p) => p.role === 'team_member' && Boolean(p.memberId) && !used.has(p.memberId!),
    );
    used.add(person.memberId!);
    const { rows } = await t.app.db.pool.query<{ id: string }>(
      `SELECT u.id FROM units u JOIN members m ON m.id = $1
        WHERE u.ward_id = m.ward_id AND u.kind = 'digital_team' AND u.id <> m.unit_id LIMIT 1`,
      [person.memberId],
    );
    return { memberId: person.memberId!, otherTeam: rows[0]!.id };
  }
  const used = new Set<string>();

  it('a member moved to another team must sign in again; the new session has the new team', async () => {
    const { memberId, otherTeam } = await teamMemberAndOtherTeam();
    const session = await signIn(memberId);
    expect((await me(session)).statusCode).toBe(200);
    // Warm the re-check cache: the change below must not wait for it to expire.
    expect((await t.app.inject({ url: '/api/me/assignments', headers: session })).statusCode).toBe(200);

    await patchMember(memberId, { unitId: otherTeam });
    const refused = await t.app.inject({ url: '/api/me/assignments', headers: session });
    expect(refused.statusCode).toBe(401);
    expect(refused.json()).toMatchObject({ code: 'SESSION_REVOKED' });
    expect(refused.json().message).toContain('Hãy đăng nhập lại');

    const again = await signIn(memberId);
    expect((await me(again)).json().member.unitId).toBe(otherTeam);
  });

  it('a role change ends the session too', async () => {
    const { memberId } = await teamMemberAndOtherTeam();
    const session = await signIn(memberId);
    expect((await me(session)).statusCode).toBe(200);
    await patchMember(memberId, { role: 'team_lead' });
    expect((await me(session)).json()).toMatchObject({ code: 'SESSION_REVOKED' });
    expect((await me(await signIn(memberId))).json().member.role).toBe('team_lead');
  });

  it('a deactivated member is refused at once, and reactivating does not revive old sessions', async () => {
    const { memberId } = await teamMemberAndOtherTeam();
    const session = await signIn(memberId);
    expect((await me(session)).statusCode).toBe(200);
    await patchMember(memberId, { active: false });
    const refused = await me(session);
    expect(refused.statusCode).toBe(401);
    expect(refused.json()).toMatchObject({ code: 'MEMBER_DEACTIVATED' });
    await patchMember(memberId, { active: true });
    expect((await me(session)).json()).toMatchObject({ code: 'SESSION_REVOKED' });
    expect((await me(await signIn(memberId))).statusCode).toBe(200);
  });

  it('a change made outside this server (another instance, SQL) ends the session within the re-check time', async () => {
    const { memberId, otherTeam } = await teamMemberAndOtherTeam();
    const session = await signIn(memberId);
    expect((await me(session)).statusCode).toBe(200);
    await t.app.db.pool.query('UPDATE members SET unit_id = $2 WHERE id = $1', [memberId, otherTeam]);
    await new Promise((done) => setTimeout(done, 1100)); // SESSION_RECHECK_SECONDS=1
    expect((await me(session)).json()).toMatchObject({ code: 'SESSION_REVOKED' });
  });

  it('sign-out revokes that token on the server; the member’s other sessions go on', async () => {
    const { memberId } = await teamMemberAndOtherTeam();
    const phone = await signIn(memberId);
    const computer = await signIn(memberId);
    expect((await me(phone)).statusCode).toBe(200);

    const out = await t.app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: phone });
    expect(out.statusCode).toBe(204);
    const after = await me(phone);
    expect(after.statusCode).toBe(401);
    expect(after.json()).toMatchObject({ code: 'SESSION_REVOKED' });
    expect((await me(computer)).statusCode).toBe(200);

    const { rows } = await t.app.db.pool.query(
      `SELECT action FROM audit_log WHERE actor_member_id = $1 AND action = 'auth.signOut'`,
      [memberId],
    );
    expect(rows).toHaveLength(1);
  });

  it('a resident’s sign-out revokes their token too', async () => {
    const resident = personWhere(t.app.zalo.simulator!, (p) => p.role === 'resident');
    const session = await signIn(resident.oaUserId);
    expect((await me(session)).statusCode).toBe(200);
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: session })).statusCode,
    ).toBe(204);
    expect((await me(session)).json()).toMatchObject({ code: 'SESSION_REVOKED' });
  });

  it('staff cannot accept a photo they uploaded themselves; a leader can', async () => {
    const { rows } = await t.app.db.pool.query<{ id: string }>(
      `SELECT a.id FROM assignments a WHERE a.ward_id = $1 LIMIT 1`,
      [wardId],
    );
    const body = multipart({ bytes: readFileSync(join(PHOTOS, 'phone-nokia-8.3.jpg')) });
    const uploaded = await t.app.inject({
      method: 'POST',
      url: `/api/assignments/${rows[0]!.id}/evidence`,
      headers: { ...staff, ...body.headers },
      payload: body.payload,
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const evidenceId = uploaded.json().evidence.id as string;

    const review = (headers: { authorization: string }) =>
      t.app.inject({
        method: 'POST',
        url: `/api/evidence/${evidenceId}/review`,
        headers,
        payload: { decision: 'accept' },
      });
    const own = await review(staff);
    expect(own.statusCode).toBe(403);
    expect(own.json()).toMatchObject({ code: 'EVIDENCE_OWN_PHOTO' });
    expect(own.json().message).toContain('chính mình');
    const { rows: unchanged } = await t.app.db.pool.query(
      'SELECT review_status FROM evidence WHERE id = $1',
      [evidenceId],
    );
    expect(unchanged[0].review_status).toBe('pending');

    const leader = personWhere(t.app.zalo.simulator!, (p) => p.role === 'leader');
    expect((await review(await signIn(leader.memberId!))).statusCode).toBe(200);
  });
});
