/**
 * Zalo retries an event it could not deliver, so a person's messages can arrive out of order (after a
 * server restart, the retried older message often comes after a newer one). A question written before
 * the person asked for staff was written to the bot: it is answered, and the conversation stays with
 * staff. Found by bench:chat, where such a question went unanswered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIMULATOR_APP } from '../../server/src/config.js';
import { signWebhook } from '../../server/src/zalo/simulator/people.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { settled } from '../helpers/chat.js';
import { seededSim, simOf } from '../helpers/zalo.js';

describe('a message that arrives after a later hand-over', () => {
  let t: TestApp;
  let resident = '';
  let slogan = '';

  beforeAll(async () => {
    t = await buildTestApp({ seed: true });
    const sim = await seededSim(t.app);
    resident = [...sim.people.values()].find((p) => p.role === 'resident')!.oaUserId;
    const { rows } = await t.app.db.pool.query<{ slogans: string[] }>(
      `SELECT slogans FROM campaigns WHERE status = 'active' LIMIT 1`,
    );
    slogan = rows[0]!.slogans[0]!;
  });
  afterAll(() => t?.close());

  const deliver = async (text: string, msgId: string, sentAt: number) => {
    const event = {
      app_id: SIMULATOR_APP.appId,
      sender: { id: resident },
      recipient: { id: simOf(t.app).oaId },
      event_name: 'user_send_text',
      message: { text, msg_id: msgId },
      timestamp: String(sentAt),
    };
    const raw = JSON.stringify(event);
    const response = await t.app.inject({
      method: 'POST',
      url: '/webhooks/zalo',
      headers: {
        'content-type': 'application/json',
        'x-zevent-signature': signWebhook(SIMULATOR_APP.appId, raw, event.timestamp, SIMULATOR_APP.appSecret),
      },
      payload: raw,
    });
    expect(response.statusCode).toBe(200);
    await settled(t.app);
  };
  const repliesSince = (before: number) =>
    (simOf(t.app).byUser.get(resident) ?? [])
      .slice(before)
      .filter((m) => m.from === 'oa')
      .map((m) => m.text);

  it('answers the earlier question and keeps the conversation with staff', async () => {
    const before = simOf(t.app).byUser.get(resident)?.length ?? 0;
    const now = Date.now();
    // Written second, delivered first.
    await deliver('cho tôi gặp cán bộ phường với', '9007199254741002', now - 5_000);
    expect(repliesSince(before)).toEqual([expect.stringContaining('chuyển đến cán bộ phường')]);
    // Written first (ten seconds earlier), delivered late by Zalo's retry.
    await deliver('khẩu hiệu là gì', '9007199254741001', now - 15_000);
    expect(repliesSince(before)).toEqual([
      expect.stringContaining('chuyển đến cán bộ phường'),
      expect.stringContaining(slogan),
    ]);
    const { rows } = await t.app.db.pool.query<{ status: string; unread_count: number }>(
      'SELECT status, unread_count FROM conversations WHERE zalo_user_id = $1',
      [resident],
    );
    expect(rows[0]).toMatchObject({ status: 'staff' });
    // Staff were told once, for the hand-over only.
    const told = await t.app.db.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM notifications WHERE kind = 'escalation' AND body LIKE '%cần cán bộ trả lời%'`,
    );
    const staff = await t.app.db.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM members WHERE role IN ('staff', 'admin') AND active`,
    );
    expect(told.rows[0]!.n).toBe(staff.rows[0]!.n);

    // Written after the hand-over: the bot stays quiet, staff answer it.
    await deliver('khẩu hiệu là gì', '9007199254741003', Date.now());
    expect(repliesSince(before)).toHaveLength(2);
  });
});
