import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SIMULATOR_APP } from '../../server/src/config.js';
import { signWebhook } from '../../server/src/zalo/simulator/people.js';
import type { ZaloWebhookEvent } from '../../server/src/zalo/webhook-events.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { personWhere, seededSim } from '../helpers/zalo.js';

const OA_ID = '4318217340012271453';

describe('POST /webhooks/zalo', () => {
  let t: TestApp;
  const dataDir = mkdtempSync(join(tmpdir(), 'loa-webhook-'));
  const seen: ZaloWebhookEvent[] = [];

  beforeAll(async () => {
    t = await buildTestApp({ seed: true, env: { DATA_DIR: dataDir } });
    await seededSim(t.app);
    t.app.webhookHandlers.on('*', async (event) => {
      seen.push(event);
    });
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
  const signed = (event: object) => {
    const raw = JSON.stringify(event);
    return post(
      raw,
      signWebhook(
        SIMULATOR_APP.appId,
        raw,
        (event as { timestamp: string }).timestamp,
        SIMULATOR_APP.appSecret,
      ),
    );
  };
  const storedCount = async () =>
    Number((await t.app.db.pool.query('SELECT count(*) FROM webhook_events')).rows[0].count);
  const processed = (key: string) =>
    vi.waitFor(async () => {
      const { rows } = await t.app.db.pool.query(
        `SELECT status, media_paths FROM webhook_events WHERE event_key LIKE $1`,
        [`%${key}%`],
      );
      expect(rows[0]?.status).toBe('processed');
      return rows[0] as { media_paths: string[] };
    });

  const textEvent = (msgId: string, senderId: string) => ({
    app_id: SIMULATOR_APP.appId,
    sender: { id: senderId },
    user_id_by_app: '1',
    recipient: { id: OA_ID },
    event_name: 'user_send_text',
    message: { text: 'nhiệm vụ', msg_id: msgId },
    timestamp: String(Date.now()),
  });

  it('refuses a missing or wrong signature with 401 and stores nothing', async () => {
    const raw = JSON.stringify(textEvent('m-bad', '1'));
    const before = await storedCount();
    const missing = await post(raw);
    const wrong = await post(raw, `mac=${'0'.repeat(64)}`);
    const tampered = await post(
      raw.replace('nhiệm vụ', 'xong'),
      signWebhook(SIMULATOR_APP.appId, raw, JSON.parse(raw).timestamp, SIMULATOR_APP.appSecret),
    );
    expect([missing.statusCode, wrong.statusCode, tampered.statusCode]).toEqual([401, 401, 401]);
    expect(missing.json().message).toContain('Chữ ký webhook Zalo không đúng');
    expect(await storedCount()).toBe(before);
  });

  it('stores and processes a delivery once when Zalo sends it twice, and records the interaction', async () => {
    const person = personWhere(
      t.app.zalo.simulator!,
      (p) => p.lastInteraction === undefined && Boolean(p.memberId),
    );
    const event = textEvent('9007199254740993777', person.oaUserId);
    const first = await signed(event);
    const second = await signed(event);
    expect([first.statusCode, second.statusCode]).toEqual([200, 200]);
    expect([first.json().stored, second.json().stored]).toEqual([true, false]);
    await processed('9007199254740993777');
    expect(seen.filter((e) => e.message?.msg_id === '9007199254740993777')).toHaveLength(1);
    const { rows } = await t.app.db.pool.query('SELECT last_oa_interaction_at FROM members WHERE id = $1', [
      person.memberId,
    ]);
    expect(rows[0].last_oa_interaction_at.getTime()).toBe(Number(event.timestamp));
  });

  it('takes text, image, location, follow and user_submit_info events from the simulator and Zalo’s shapes', async () => {
    const person = personWhere(t.app.zalo.simulator!, (p) => Boolean(p.memberId));
    const photo = await t.app.inject({
      method: 'POST',
      url: `/sim/api/users/${person.oaUserId}/say`,
      payload: { image: {} },
    });
    expect(photo.json().webhookStatus).toBe(200);
    const stored = await processed(photo.json().message.messageId);
    expect(stored.media_paths).toHaveLength(1);
    expect(existsSync(join(dataDir, stored.media_paths[0]!))).toBe(true);

    const where = await t.app.inject({
      method: 'POST',
      url: `/sim/api/users/${person.oaUserId}/say`,
      payload: { location: { latitude: 10.95, longitude: 107.13 } },
    });
    await processed(where.json().message.messageId);
    const location = seen.find((e) => e.message?.msg_id === where.json().message.messageId);
    expect(location?.message?.attachments?.[0]).toEqual({
      type: 'location',
      payload: { coordinates: { latitude: '10.95', longitude: '107.13' } },
    });

    const ts = String(Date.now());
    const follow = await signed({
      oa_id: OA_ID,
      follower: { id: person.oaUserId },
      user_id_by_app: person.appUserId,
      event_name: 'follow',
      source: 'oa_profile',
      app_id: SIMULATOR_APP.appId,
      timestamp: ts,
    });
    const form = await signed({
      app_id: SIMULATOR_APP.appId,
      sender: { id: person.oaUserId },
      recipient: { id: OA_ID },
      event_name: 'user_submit_info',
      info: {
        name: person.name,
        phone: person.phone,
        full_address: { user_city: 'Đồng Nai', user_ward: 'Dầu Giây', user_address: 'KP1' },
      },
      timestamp: String(Date.now() + 1),
    });
    expect([follow.json().stored, form.json().stored]).toEqual([true, true]);
    await vi.waitFor(() =>
      expect(seen.map((e) => e.event_name)).toEqual(
        expect.arrayContaining(['follow', 'user_submit_info', 'user_send_image', 'user_send_location']),
      ),
    );
    expect(seen.find((e) => e.event_name === 'follow')?.follower?.id).toBe(person.oaUserId);
  });

  it('answers within 2 s even when processing is slow (it happens after the answer)', async () => {
    let finished = false;
    t.app.webhookHandlers.on('user_send_audio', async () => {
      await new Promise((resolve) => setTimeout(resolve, 2500));
      finished = true;
    });
    const started = performance.now();
    const response = await signed({ ...textEvent('audio-1', '1'), event_name: 'user_send_audio' });
    expect(response.statusCode).toBe(200);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(finished).toBe(false);
    await vi.waitFor(() => expect(finished).toBe(true), { timeout: 5000 });
  });

  it('retries an event whose handler failed', async () => {
    let calls = 0;
    t.app.webhookHandlers.on('user_send_sticker', async () => {
      calls++;
      if (calls === 1) throw new Error('chatbot down');
    });
    await signed({ ...textEvent('sticker-1', '1'), event_name: 'user_send_sticker' });
    await vi.waitFor(async () => {
      const { rows } = await t.app.db.pool.query(
        `SELECT status, attempts FROM webhook_events WHERE event_key LIKE '%sticker-1%'`,
      );
      expect(rows[0]).toMatchObject({ status: 'failed', attempts: 1 });
    });
    await t.app.db.pool.query(
      `UPDATE webhook_events SET next_attempt_at = now() WHERE event_key LIKE '%sticker-1%'`,
    );
    await vi.waitFor(() => processed('sticker-1'), { timeout: 8000 });
    expect(calls).toBe(2);
  });
});
