/**
 * Drives the OA chatbot as people would: a simulated person writes through the simulator (a signed
 * webhook to /webhooks/zalo), the server answers on its own, and the test reads the consultation
 * messages the simulator recorded for that person.
 */
import type { FastifyInstance } from 'fastify';
import { expect, vi } from 'vitest';
import { simOf } from './zalo.js';

export type Said = string | { image: true } | { location: { latitude: number; longitude: number } };

/** Waits until every stored event is processed and no reply is queued or being sent. */
export async function settled(app: FastifyInstance): Promise<void> {
  await vi.waitFor(
    async () => {
      const { rows } = await app.db.pool.query<{ events: number; replies: number }>(
        `SELECT (SELECT count(*)::int FROM webhook_events WHERE status <> 'processed') AS events,
                (SELECT count(*)::int FROM conversation_messages WHERE status IN ('queued', 'sending')) AS replies`,
      );
      expect(rows[0]).toEqual({ events: 0, replies: 0 });
    },
    { timeout: 15_000, interval: 20 },
  );
}

/** The person says something; answers the OA's replies to it, as the person's chat shows them. */
export async function say(app: FastifyInstance, oaUserId: string, said: Said): Promise<string[]> {
  const before = simOf(app).byUser.get(oaUserId)?.length ?? 0;
  const body =
    typeof said === 'string' ? { text: said } : 'image' in said ? { image: {} } : { location: said.location };
  const response = await app.inject({ method: 'POST', url: `/sim/api/users/${oaUserId}/say`, payload: body });
  if (response.statusCode !== 200) throw new Error(`say: ${response.statusCode} ${response.body}`);
  expect(response.json().webhookStatus).toBe(200);
  await settled(app);
  return (simOf(app).byUser.get(oaUserId) ?? [])
    .slice(before)
    .filter((message) => message.from === 'oa')
    .map((message) => message.text);
}
