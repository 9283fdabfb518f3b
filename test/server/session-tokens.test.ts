/**
 * The session token check itself: verified tokens are remembered (a phone sends the same one with every
 * request), which must never let through a token that was changed, signed with another key or is past
 * its expiry, even right after the genuine token was accepted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, TEST_SESSION_SECRET, type TestApp } from '../helpers/app.js';
import { createWard, type WardFixture } from '../helpers/factories.js';
import { signTestSession } from '../helpers/session-token.js';
import { teamMemberHeader } from '../helpers/sessions.js';

describe('session tokens', () => {
  let t: TestApp;
  let w: WardFixture;
  const me = (authorization: string) => t.app.inject({ url: '/api/me', headers: { authorization } });
  const refused = async (authorization: string, code: string) => {
    const response = await me(authorization);
    expect(response.statusCode, response.body).toBe(401);
    expect(response.json()).toMatchObject({ code });
    expect(response.json().message).toMatch(/đăng nhập/);
  };

  beforeAll(async () => {
    t = await buildTestApp();
    w = await createWard(t.app.db);
  });
  afterAll(() => t.close());

  it('refuses a changed token or one signed with another key, also right after the genuine one was accepted', async () => {
    const genuine = teamMemberHeader(t.app, w).authorization;
    expect((await me(genuine)).statusCode).toBe(200);
    expect((await me(genuine)).statusCode).toBe(200);

    const [header, payload, signature] = genuine.slice('Bearer '.length).split('.');
    // Another role in the payload, the genuine signature kept.
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const promoted = Buffer.from(JSON.stringify({ ...claims, role: 'leader' })).toString('base64url');
    await refused(`Bearer ${header}.${promoted}.${signature}`, 'UNAUTHENTICATED');
    // One character of the signature changed.
    const flipped = signature!.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    await refused(`Bearer ${header}.${payload}.${flipped}`, 'UNAUTHENTICATED');
    // The same claims signed with another secret.
    const forged = signTestSession('another-secret-that-is-long-enough-0123456789', {
      memberId: w.teamMemberId,
      wardId: w.wardId,
      role: 'team_member',
      unitId: w.teamId,
    });
    await refused(`Bearer ${forged}`, 'UNAUTHENTICATED');
    // Not a bearer token, or not only one.
    await refused(genuine.replace('Bearer', 'Basic'), 'UNAUTHENTICATED');
    await refused(`${genuine} extra`, 'UNAUTHENTICATED');
    await refused('Bearer ', 'UNAUTHENTICATED');
    expect((await me(genuine)).statusCode).toBe(200);
  });

  it('a token accepted a moment ago is refused as expired once its expiry passes', async () => {
    const who = { memberId: w.teamMemberId, wardId: w.wardId, role: 'team_member', unitId: w.teamId };
    const token = signTestSession(TEST_SESSION_SECRET, who, 2);
    const { exp } = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString());
    expect((await me(`Bearer ${token}`)).statusCode).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, exp * 1000 - Date.now() + 50));
    await refused(`Bearer ${token}`, 'SESSION_EXPIRED');
  });
});
