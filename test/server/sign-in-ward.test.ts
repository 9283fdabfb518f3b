/**
 * Which ward a Zalo sign-in lands in: a resident gets the ward of the link they opened (`?ward=`, sent
 * by the sign-in screen), not always the server's default one; a person who is an active member of two
 * wards lands in the linked ward, else always in the membership added most recently.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { createWard, type WardFixture } from '../helpers/factories.js';
import { personWhere, seededSim, simTokens } from '../helpers/zalo.js';

describe('the ward a Zalo sign-in lands in', () => {
  let t: TestApp;
  let b: WardFixture;
  beforeAll(async () => {
    t = await buildTestApp({ seed: true });
    await seededSim(t.app);
    b = await createWard(t.app.db, 'Phường Xuân Bắc');
  });
  afterAll(() => t.close());

  const signIn = (payload: object) => t.app.inject({ method: 'POST', url: '/api/auth/zalo', payload });

  it('signs a resident into the ward of the link they opened; otherwise, or for a ward that is gone, the default', async () => {
    const resident = personWhere(t.app.zalo.simulator!, (p) => p.role === 'resident');
    const { accessToken } = await simTokens(t.app, resident.oaUserId);
    const linked = await signIn({ accessToken, ward: b.slug });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json().member).toMatchObject({
      role: 'resident',
      wardSlug: b.slug,
      wardName: 'Phường Xuân Bắc',
    });
    // Reopened later without the link, the session still names ward B.
    const me = await t.app.inject({
      url: '/api/me',
      headers: { authorization: `Bearer ${linked.json().token}` },
    });
    expect(me.json().member).toMatchObject({ role: 'resident', wardSlug: b.slug });

    expect((await signIn({ accessToken })).json().member.wardSlug).toBe('dau-giay');
    expect((await signIn({ accessToken, ward: 'khong-con-phuong-nay' })).json().member.wardSlug).toBe(
      'dau-giay',
    );
    const bad = await signIn({ accessToken, ward: 'Hàng Gòn' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/[ạ-ỹ]/);
  });

  it('a member of two wards lands in the linked one, else in the membership added most recently', async () => {
    const lead = personWhere(t.app.zalo.simulator!, (p) => p.role === 'team_lead');
    // The same Zalo account is also a staff member of ward B, added today (after the seeded ward).
    const inB = await t.app.db.withSystem(
      async (db) =>
        (
          await db.query(
            `INSERT INTO members (ward_id, unit_id, role, full_name, zalo_app_user_id)
             VALUES ($1, $2, 'staff', $3, $4) RETURNING id`,
            [b.wardId, b.unitId, lead.name, lead.appUserId],
          )
        ).rows[0].id as string,
    );
    const { accessToken } = await simTokens(t.app, lead.memberId!);
    for (let i = 0; i < 3; i++)
      expect((await signIn({ accessToken })).json().member).toMatchObject({ id: inB, wardSlug: b.slug });
    expect((await signIn({ accessToken, ward: 'dau-giay' })).json().member).toMatchObject({
      id: lead.memberId,
      role: 'team_lead',
      wardSlug: 'dau-giay',
    });
    expect((await signIn({ accessToken, ward: b.slug })).json().member).toMatchObject({
      id: inB,
      role: 'staff',
    });
  });
});
