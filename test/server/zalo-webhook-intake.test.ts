/**
 * The webhook intake's group commit: events that arrive together are stored in one transaction, each
 * answered after the commit with what happened to it. One event PostgreSQL refuses fails alone, and
 * the same event twice in one batch is stored once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIMULATOR_APP } from '../../server/src/config.js';
import { signWebhook } from '../../server/src/zalo/simulator/people.js';
import type { IncomingWebhookEvent } from '../../server/src/zalo/sql.js';
import { WebhookIntake } from '../../server/src/zalo/webhook-intake.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';

describe('webhook intake: events that arrive together', () => {
  let t: TestApp;
  let oaId: string;

  beforeAll(async () => {
    t = await buildTestApp({ seed: true });
    const { rows } = await t.app.db.pool.query<{ oaId: string }>(
      `SELECT zalo_oa_id AS "oaId" FROM wards WHERE zalo_oa_id IS NOT NULL LIMIT 1`,
    );
    oaId = rows[0]!.oaId;
  });
  afterAll(() => t?.close());

  const incoming = (msgId: string, text = 'xin chào', to = oaId): IncomingWebhookEvent => {
    const raw = JSON.stringify({
      event_name: 'user_send_text',
      sender: { id: '7001' },
      recipient: { id: to },
      message: { msg_id: msgId, text },
      timestamp: String(Date.now()),
    });
    return {
      oaId: to,
      eventKey: `msg:user_send_text:${msgId}`,
      eventName: 'user_send_text',
      senderId: '7001',
      payload: raw,
      rawBody: raw,
    };
  };
  const stored = async (msgId: string) =>
    Number(
      (
        await t.app.db.pool.query(`SELECT count(*) FROM webhook_events WHERE event_key = $1`, [
          `msg:user_send_text:${msgId}`,
        ])
      ).rows[0].count,
    );

  it('stores each once, answers a repeat in the same batch as a retry, and an unknown OA as not stored', async () => {
    const intake = new WebhookIntake(t.app.db);
    const [a, b, again, other] = await Promise.all([
      intake.store(incoming('batch-a')),
      intake.store(incoming('batch-b')),
      intake.store(incoming('batch-a')),
      intake.store(incoming('batch-c', 'xin chào', '999')),
    ]);
    expect(a?.id).toBeDefined();
    expect(b?.id).toBeDefined();
    expect(a?.wardId).toBeDefined();
    expect(again).toEqual({ wardId: a?.wardId, id: undefined });
    expect(other).toEqual({ wardId: undefined, id: undefined });
    expect([await stored('batch-a'), await stored('batch-b'), await stored('batch-c')]).toEqual([1, 1, 0]);
    // Sent again later (Zalo's retry): stored before.
    expect(await intake.store(incoming('batch-b'))).toEqual({ wardId: a?.wardId, id: undefined });
  });

  it('fails only the event PostgreSQL refuses, not the ones that arrived with it', async () => {
    const intake = new WebhookIntake(t.app.db);
    // jsonb cannot hold U+0000: PostgreSQL refuses this event's payload.
    const bad = { ...incoming('batch-nul'), payload: '{"text":"a\\u0000b"}' };
    const results = await Promise.allSettled([
      intake.store(incoming('batch-ok-1')),
      intake.store(bad),
      intake.store(incoming('batch-ok-2')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect([await stored('batch-ok-1'), await stored('batch-nul'), await stored('batch-ok-2')]).toEqual([
      1, 0, 1,
    ]);
  });

  it('answers 40 signed events posted at once, each stored once', async () => {
    const posts = Array.from({ length: 40 }, (_, n) => {
      const raw = JSON.stringify({
        app_id: SIMULATOR_APP.appId,
        event_name: 'user_send_text',
        sender: { id: '7002' },
        recipient: { id: oaId },
        message: { msg_id: `burst-${n % 30}`, text: 'xin chào' },
        timestamp: String(Date.now()),
      });
      return t.app.inject({
        method: 'POST',
        url: '/webhooks/zalo',
        headers: {
          'content-type': 'application/json',
          'x-zevent-signature': signWebhook(
            SIMULATOR_APP.appId,
            raw,
            JSON.parse(raw).timestamp,
            SIMULATOR_APP.appSecret,
          ),
        },
        payload: raw,
      });
    });
    const responses = await Promise.all(posts);
    expect(responses.map((r) => r.statusCode)).toEqual(Array(40).fill(200));
    // 30 distinct events, 10 of them posted twice: 30 answered "stored", 10 "stored before".
    expect(responses.filter((r) => r.json().stored).length).toBe(30);
    const { rows } = await t.app.db.pool.query(
      `SELECT count(*)::int AS n FROM webhook_events WHERE event_key LIKE 'msg:user_send_text:burst-%'`,
    );
    expect(rows[0].n).toBe(30);
  });
});
