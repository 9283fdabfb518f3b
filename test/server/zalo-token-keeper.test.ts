import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZaloClient } from '../../server/src/zalo/client.js';
import { OaTokenKeeper } from '../../server/src/zalo/token-keeper.js';
import { injectTransport } from '../../server/src/zalo/transport.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { seededSim } from '../helpers/zalo.js';

describe('OA token keeper', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ seed: true });
    await seededSim(t.app);
  });
  afterAll(() => t.close());

  const sim = () => t.app.zalo.simulator!;
  const tokenRow = async () =>
    (await t.app.db.pool.query('SELECT access_token, refresh_token, status FROM oa_tokens')).rows[0];

  it('50 concurrent callers on an expired token: exactly one refresh, the new pair stored, all succeed', async () => {
    await t.app.zalo.oa.getOa();
    const before = await tokenRow();
    const refreshes = sim().refreshRequests;
    sim().expireOaTokens();
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => t.app.zalo.oa.getOa()));
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(sim().refreshRequests - refreshes).toBe(1);
    const after = await tokenRow();
    expect(after.refresh_token).not.toBe(before.refresh_token);
    expect(sim().oaRefresh.has(after.refresh_token)).toBe(true); // the stored grant is the live one
  });

  it('two server instances sharing the database refresh once between them (row lock)', async () => {
    const other = new OaTokenKeeper({
      db: t.app.db,
      log: t.app.log,
      resolveOaId: async () => sim().oaId,
      refresh: (refreshToken) => otherClient.refreshOaToken(refreshToken),
      initialPair: async () => undefined,
      refreshAheadMs: 12 * 3_600_000,
    });
    const otherClient: ZaloClient = new ZaloClient(t.app.config.zalo, injectTransport(t.app), other);
    await Promise.all([t.app.zalo.oa.getOa(), otherClient.oa.getOa()]);
    const refreshes = sim().refreshRequests;
    sim().expireOaTokens();
    const calls = Array.from({ length: 25 }, () => [t.app.zalo.oa.getOa(), otherClient.oa.getOa()]).flat();
    const results = await Promise.allSettled(calls);
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(sim().refreshRequests - refreshes).toBe(1);
  });

  it('refreshes ahead of expiry on the periodic pass, and not when the token is young', async () => {
    const refreshes = sim().refreshRequests;
    await t.app.zalo.tokens.refreshIfDue();
    expect(sim().refreshRequests).toBe(refreshes);
    await t.app.db.pool.query(`UPDATE oa_tokens SET access_expires_at = now() + interval '11 hours'`);
    await t.app.zalo.tokens.refreshIfDue();
    expect(sim().refreshRequests).toBe(refreshes + 1);
  });

  it('reports a lost grant: status stored, /health degraded with a message for staff, calls fail permanently', async () => {
    sim().oaRefresh.clear(); // Zalo no longer honours our refresh token
    sim().expireOaTokens();
    const error = await t.app.zalo.oa.getOa().catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'permanent' });
    expect((await tokenRow()).status).toBe('grant_lost');
    const health = await t.app.inject({ url: '/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json().status).toBe('degraded');
    expect(health.json().checks.zalo.message).toContain('cấp quyền lại');
    const audit = await t.app.db.pool.query(`SELECT action FROM audit_log WHERE action = 'zalo.grant_lost'`);
    expect(audit.rowCount).toBe(1);

    // An OA admin grants the app again and the new pair is stored: health and sends recover.
    const grant = sim().issueOaGrant();
    await t.app.db.pool.query(
      `UPDATE oa_tokens SET status = 'ok', access_token = $1, refresh_token = $2, access_expires_at = now() + interval '25 hours'`,
      [grant.accessToken, grant.refreshToken],
    );
    expect((await t.app.inject({ url: '/health' })).json().status).toBe('ok');
    expect((await t.app.zalo.oa.getOa()).oaId).toBe(sim().oaId);
  });
});
