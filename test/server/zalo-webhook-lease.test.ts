/**
 * Webhook events are worked on under a short lease with a heartbeat. An event whose instance died
 * mid-way (a SIGKILL, a crash) is taken again as soon as its lease runs out, so the person's reply
 * comes seconds after the restart instead of minutes, and once. While an instance is alive and still
 * working on an event, however slowly, the heartbeat keeps any other instance from taking it.
 *
 * The dead instance is played in SQL: it stores and claims the event in one transaction (exactly what
 * a server killed right after its claim leaves behind) and then never does anything again.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SIMULATOR_APP } from '../../server/src/config.js';
import { signWebhook } from '../../server/src/zalo/simulator/people.js';
import { claimWebhookEvents, insertWebhookEvents } from '../../server/src/zalo/sql.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { personWhere, seededSim, simOf } from '../helpers/zalo.js';

const LEASE_SECONDS = 2;

describe('webhook events in flight when their server died', () => {
  let t: TestApp;
  let oaId: string;

  beforeAll(async () => {
    t = await buildTestApp({
      seed: true,
      env: {
        DATA_DIR: mkdtempSync(join(tmpdir(), 'loa-webhook-lease-')),
        ZALO_WEBHOOK_LEASE_SECONDS: String(LEASE_SECONDS),
      },
    });
    await seededSim(t.app);
    const { rows } = await t.app.db.pool.query<{ oaId: string }>(
      `SELECT zalo_oa_id AS "oaId" FROM wards WHERE zalo_oa_id IS NOT NULL LIMIT 1`,
    );
    oaId = rows[0]!.oaId;
  });
  afterAll(() => t?.close());

  const eventOf = (msgId: string, senderId: string, eventName: string, text: string) => ({
    app_id: SIMULATOR_APP.appId,
    sender: { id: senderId },
    user_id_by_app: '1',
    recipient: { id: oaId },
    event_name: eventName,
    message: { text, msg_id: msgId },
    timestamp: String(Date.now()),
  });
  const eventRow = async (msgId: string) =>
    (
      await t.app.db.pool.query<{ status: string; attempts: number }>(
        `SELECT status, attempts FROM webhook_events WHERE event_key LIKE $1`,
        [`%${msgId}`],
      )
    ).rows[0];

  it('answers a message whose server was killed while handling it within seconds of the restart, once', async () => {
    const resident = personWhere(simOf(t.app), (p) => !p.memberId);
    // Zalo lets the OA answer: the resident wrote to it today.
    await t.app.inject({
      method: 'POST',
      url: `/sim/api/people/${resident.oaUserId}/interaction`,
      payload: { daysAgo: 0 },
    });
    const before = simOf(t.app).byUser.get(resident.oaUserId)?.length ?? 0;
    const event = eventOf('lease-killed-1', resident.oaUserId, 'user_send_text', 'xin chào');
    const raw = JSON.stringify(event);
    // The server that took this event was killed right after claiming it.
    await t.app.db.withSystem(async (client) => {
      await insertWebhookEvents(client, [
        {
          oaId,
          eventKey: `msg:user_send_text:${event.message.msg_id}`,
          eventName: event.event_name,
          senderId: resident.oaUserId,
          payload: raw,
          rawBody: raw,
        },
      ]);
      expect(await claimWebhookEvents(client, 20, LEASE_SECONDS * 1000)).toHaveLength(1);
    });
    const killedAt = performance.now();

    const replies = () =>
      (simOf(t.app).byUser.get(resident.oaUserId) ?? []).slice(before).filter((m) => m.from === 'oa');
    // This server's retry pass (every 5 s) takes the event once its lease has run out.
    await vi.waitFor(() => expect(replies().length).toBeGreaterThan(0), { timeout: 15_000, interval: 100 });
    const answeredAfterMs = performance.now() - killedAt;
    expect(answeredAfterMs).toBeGreaterThanOrEqual(LEASE_SECONDS * 1000 - 100);
    expect(answeredAfterMs).toBeLessThan(LEASE_SECONDS * 1000 + 5_000 + 2_000);

    await vi.waitFor(async () => expect((await eventRow('lease-killed-1'))?.status).toBe('processed'));
    expect(await eventRow('lease-killed-1')).toMatchObject({ status: 'processed', attempts: 2 });
    // A little later still one reply: the dead server's claim never answers, nobody answers twice.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(replies()).toHaveLength(1);
    const { rows } = await t.app.db.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM conversation_messages m JOIN webhook_events e ON m.dedupe_key LIKE 'out:' || e.id || ':%'
        WHERE e.event_key LIKE '%lease-killed-1'`,
    );
    expect(rows[0]!.n).toBe(1);
  });

  it('keeps an event that takes longer than its lease from being taken by another server', async () => {
    let calls = 0;
    let finished = false;
    t.app.webhookHandlers.on('user_send_audio', async () => {
      calls++;
      await new Promise((resolve) => setTimeout(resolve, LEASE_SECONDS * 3 * 1000));
      finished = true;
    });
    const event = eventOf('lease-slow-1', '1', 'user_send_audio', '');
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
    await vi.waitFor(() => expect(calls).toBe(1));
    // Another server looks for due events all along: the heartbeat keeps this one out of its reach.
    const takenByOther: number[] = [];
    while (!finished) {
      const taken = await t.app.db.withSystem((client) =>
        claimWebhookEvents(client, 20, LEASE_SECONDS * 1000),
      );
      takenByOther.push(taken.length);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(takenByOther.length).toBeGreaterThan(LEASE_SECONDS * 4);
    expect(takenByOther.every((n) => n === 0)).toBe(true);
    await vi.waitFor(async () => expect((await eventRow('lease-slow-1'))?.status).toBe('processed'));
    expect(await eventRow('lease-slow-1')).toMatchObject({ attempts: 1 });
    expect(calls).toBe(1);
  });
});
