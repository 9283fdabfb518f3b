/**
 * bench:chat's baseline for `intake_ratio`: the least a webhook intake can do, in its own process like
 * the server under test. A bare Fastify route that checks the same signature on the same raw body
 * (the project's verifySignedBody and freshness check), parses it, and inserts the event into a table
 * shaped like webhook_events (same columns, same unique key), with a pool the size of the app's.
 */
import Fastify from 'fastify';
import pg from 'pg';
import { SIMULATOR_APP } from '../../server/src/config.js';
import {
  eventKey,
  isFresh,
  verifySignedBody,
  type ZaloWebhookEvent,
} from '../../server/src/zalo/webhook-events.js';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 20 });
pool.on('error', (error) => console.error(`baseline pool: ${error.message}`));
const wardId = process.env.BENCH_WARD_ID as string;
const settings = {
  appId: SIMULATOR_APP.appId,
  secret: process.env.ZALO_WEBHOOK_SECRET as string,
  idTerm: 'either' as const,
};
const app = Fastify({ logger: false });
app.removeContentTypeParser('application/json');
app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) =>
  done(null, body),
);
app.post('/webhooks/zalo', async (request, reply) => {
  const rawBody = typeof request.body === 'string' ? request.body : '';
  const header = request.headers['x-zevent-signature'];
  const signed = verifySignedBody(typeof header === 'string' ? header : undefined, rawBody, settings);
  if (!signed || !isFresh(signed.timestamp, Date.now(), 10_800_000))
    return reply.code(401).send({ ok: false });
  const event = JSON.parse(rawBody) as ZaloWebhookEvent;
  const { rows } = await pool.query(
    `INSERT INTO bench_webhook_events (ward_id, event_key, event_name, sender_id, payload, raw_body)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (ward_id, event_key) DO NOTHING RETURNING id`,
    [wardId, eventKey(event, rawBody), event.event_name, event.sender?.id ?? null, rawBody, rawBody],
  );
  return { ok: true, stored: rows.length > 0 };
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.send?.('ready');
process.once('SIGTERM', () => {
  void app.close().then(() => pool.end().then(() => process.exit(0)));
});
