import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SIMULATOR_APP } from '../../server/src/config.js';
import { signWebhook } from '../../server/src/zalo/simulator/people.js';
import { deleteOldWebhookEvents } from '../../server/src/zalo/sql.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { personWhere, seededSim } from '../helpers/zalo.js';

const OA_ID = '4318217340012271453';

/** What an outsider can send to the one unauthenticated write route, and how long it keeps events. */
describe('POST /webhooks/zalo against outsiders', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ seed: true, env: { ZALO_WEBHOOK_MAX_AGE_SECONDS: '3600' } });
    await seededSim(t.app);
  });
  afterAll(() => t.close());

  const post = (raw: string, signature?: string) =>
    t.app.inject({
      method: 'POST',
      url: '/webhooks/zalo',
      headers: {
        'content-type': 'application/json',
        ...(signature ? { 'x-zevent-signature': signature } : {}),
      },
      payload: raw,
    });
  const sign = (raw: string, timestamp: string) =>
    signWebhook(SIMULATOR_APP.appId, raw, timestamp, SIMULATOR_APP.appSecret);
  const stored = async () =>
    Number((await t.app.db.pool.query('SELECT count(*) FROM webhook_events')).rows[0].count);
  const textEvent = (msgId: string, timestamp: number, senderId: string) => ({
    app_id: SIMULATOR_APP.appId,
    sender: { id: senderId },
    recipient: { id: OA_ID },
    event_name: 'user_send_text',
    message: { text: 'nhiệm vụ', msg_id: msgId },
    timestamp: String(timestamp),
  });

  it('refuses a 160 KB body of escaped quotes at once, signed or not, and the server keeps answering', async () => {
    const timestamp = String(Date.now());
    const evil = `{"timestamp":"${timestamp}","event_name":"x","a":"${'\\"'.repeat(80_000)}`;
    expect(evil.length).toBeGreaterThan(160_000);
    const started = performance.now();
    const unsigned = await post(evil);
    const signedEvil = await post(evil, sign(evil, timestamp));
    const elapsed = performance.now() - started;
    expect(unsigned.statusCode).toBe(401);
    expect(signedEvil.statusCode).toBe(400);
    expect(signedEvil.json().message).toMatch(/JSON/);
    // The regex parser this replaced took 18 s for one such body.
    expect(elapsed).toBeLessThan(1500);
    expect((await t.app.inject({ method: 'GET', url: '/health' })).statusCode).toBeLessThan(600);
  });

  it('refuses a correctly signed event whose timestamp is outside the window (a replay), storing nothing', async () => {
    const before = await stored();
    for (const at of [Date.now() - 2 * 3600_000, Date.now() + 3600_000]) {
      const raw = JSON.stringify(textEvent(`old-${at}`, at, '1'));
      const response = await post(raw, sign(raw, String(at)));
      expect(response.statusCode).toBe(401);
      expect(response.json().code).toBe('ZALO_WEBHOOK_STALE');
      expect(response.json().message).toMatch(/quá cũ/);
    }
    expect(await stored()).toBe(before);
  });

  it('refuses a body whose parsed timestamp is not the one signed', async () => {
    const at = Date.now();
    const raw = `{"x":{"timestamp":"${at}"},${JSON.stringify(textEvent('swap', at, '1'))
      .slice(1)
      .replace(`"timestamp":"${at}"`, `"timestamp":"${at + 1}"`)}`;
    const response = await post(raw, sign(raw, String(at)));
    expect(response.statusCode).toBe(401);
  });

  it('keeps Zalo ids beyond 2^53 sent as bare numbers exactly', async () => {
    const person = personWhere(t.app.zalo.simulator!, (p) => Boolean(p.memberId));
    const at = Date.now();
    const raw = JSON.stringify(textEvent('bare-id', at, 'SENDER')).replace(
      '"SENDER"',
      person.oaUserId, // a bare JSON number of 19 digits
    );
    const response = await post(raw, sign(raw, String(at)));
    expect(response.statusCode).toBe(200);
    const { rows } = await t.app.db.pool.query(
      `SELECT sender_id, payload->'sender'->>'id' AS id FROM webhook_events WHERE event_key LIKE '%bare-id%'`,
    );
    expect(rows[0]).toEqual({ sender_id: person.oaUserId, id: person.oaUserId });
  });

  it('stores a signed event whose text holds a NUL (PostgreSQL refuses \\u0000 in jsonb) instead of failing it for ever', async () => {
    // Zalo resends an event until it gets a 200: a 5xx here would be resent without end.
    const at = Date.now();
    const raw = JSON.stringify(textEvent('nul-text', at, '1')).replace('nhiệm vụ', 'nhiệm\\u0000vụ');
    expect(raw).toContain('\\u0000');
    const response = await post(raw, sign(raw, String(at)));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ ok: true, stored: true });
    const { rows } = await t.app.db.pool.query(
      `SELECT payload->'message'->>'text' AS text, raw_body FROM webhook_events WHERE event_key LIKE '%nul-text%'`,
    );
    expect(rows).toEqual([{ text: 'nhiệm\uFFFDvụ', raw_body: raw }]);
  });

  it('purges events older than the retention period and keeps the recent ones', async () => {
    const at = Date.now();
    for (const id of ['keep-me', 'purge-me']) {
      const raw = JSON.stringify(textEvent(id, at, '1'));
      expect((await post(raw, sign(raw, String(at)))).statusCode).toBe(200);
    }
    // Handlers (the chatbot) finish first: an event being processed is never deleted under them.
    await vi.waitFor(async () => {
      const { rows } = await t.app.db.pool.query(
        `SELECT count(*)::int AS n FROM webhook_events WHERE event_key LIKE '%-me' AND status = 'processed'`,
      );
      expect(rows[0].n).toBe(2);
    });
    await t.app.db.pool.query(
      `UPDATE webhook_events SET received_at = now() - interval '31 days' WHERE event_key LIKE '%purge-me%'`,
    );
    const deleted = await t.app.db.withSystem((client) => deleteOldWebhookEvents(client, 30));
    expect(deleted).toBe(1);
    const { rows } = await t.app.db.pool.query(
      `SELECT event_key FROM webhook_events WHERE event_key LIKE '%-me'`,
    );
    expect(rows.map((row) => row.event_key)).toEqual([expect.stringContaining('keep-me')]);
  });
});
