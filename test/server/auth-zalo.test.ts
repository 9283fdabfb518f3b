import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { personWhere, seededSim, simTokens } from '../helpers/zalo.js';

describe('sign-in with Zalo (simulator tokens)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ seed: true });
    await seededSim(t.app);
  });
  afterAll(() => t.close());

  const signIn = (payload: object) => t.app.inject({ method: 'POST', url: '/api/auth/zalo', payload });

  it('signs a team member in and GET /api/me returns the same profile', async () => {
    const person = personWhere(t.app.zalo.simulator!, (p) => p.role === 'team_lead');
    const { accessToken } = await simTokens(t.app, person.memberId!);
    const response = await signIn({ accessToken });
    expect(response.statusCode).toBe(200);
    const { token, member } = response.json();
    expect(member).toMatchObject({
      id: person.memberId,
      fullName: person.name,
      role: 'team_lead',
      unitName: person.unitName,
      wardName: 'Phường Dầu Giây',
      wardSlug: 'dau-giay',
    });
    const me = await t.app.inject({ url: '/api/me', headers: { authorization: `Bearer ${token}` } });
    expect(me.json().member).toEqual(member);
  });

  it('answers 401 in Vietnamese for a wrong token, and for /api/me without a session', async () => {
    const response = await signIn({ accessToken: 'simuser_forged' });
    expect(response.statusCode).toBe(401);
    expect(response.json().message).toContain('Phiên Zalo không hợp lệ');
    expect((await t.app.inject({ url: '/api/me' })).statusCode).toBe(401);
    expect((await signIn({})).statusCode).toBe(400);
  });

  it('links a member by phone on first sign-in and saves the Zalo ids', async () => {
    const person = personWhere(t.app.zalo.simulator!, (p) => p.role === 'staff');
    await t.app.db.pool.query(
      'UPDATE members SET zalo_app_user_id = NULL, zalo_oa_user_id = NULL WHERE id = $1',
      [person.memberId],
    );
    const tokens = await simTokens(t.app, person.memberId!);
    const without = await signIn({ accessToken: tokens.accessToken });
    expect(without.json().member.role).toBe('resident'); // not recognised without the phone
    const linked = await signIn({ accessToken: tokens.accessToken, phoneToken: tokens.phoneToken });
    expect(linked.json().member).toMatchObject({ id: person.memberId, role: 'staff' });
    const { rows } = await t.app.db.pool.query(
      'SELECT zalo_app_user_id, zalo_oa_user_id FROM members WHERE id = $1',
      [person.memberId],
    );
    expect(rows[0]).toEqual({ zalo_app_user_id: person.appUserId, zalo_oa_user_id: person.oaUserId });
  });

  it('signs someone on no team in as a resident of the default ward', async () => {
    const resident = personWhere(t.app.zalo.simulator!, (p) => p.role === 'resident');
    const { accessToken } = await simTokens(t.app, resident.oaUserId);
    const response = await signIn({ accessToken });
    expect(response.json().member).toMatchObject({
      id: null,
      role: 'resident',
      fullName: resident.name,
      unitId: null,
    });
  });
});
