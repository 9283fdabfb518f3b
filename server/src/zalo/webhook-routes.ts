/**
 * POST /webhooks/zalo: verify the signature on the raw body, store the event once, answer 200 at once
 * (Zalo wants it within 2 s and retries otherwise), and let the processor do the work.
 */
import { Type as T } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.js';
import { routeGroup } from '../http/access.js';
import { parseZaloJson } from './json.js';
import { insertWebhookEvent, selectWardByOaId } from './sql.js';
import {
  actingUserId,
  eventKey,
  oaIdOf,
  type SignatureSettings,
  verifySignature,
  type ZaloWebhookEvent,
} from './webhook-events.js';
import type { WebhookProcessor } from './webhook-processor.js';

const Reply = T.Object({ ok: T.Boolean(), stored: T.Boolean() });

export default async function webhookRoutes(
  app: FastifyInstance,
  options: { signature: SignatureSettings; processor: WebhookProcessor },
) {
  // The signature covers the exact bytes Zalo sent, so keep them as a string.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) =>
    done(null, body),
  );

  await app.register(
    routeGroup('public', async (app) => {
      app.post(
        '/webhooks/zalo',
        {
          config: { op: 'zalo.webhook' },
          schema: {
            tags: ['zalo'],
            response: { 200: Reply, 400: { $ref: 'ErrorBody#' }, 401: { $ref: 'ErrorBody#' } },
          },
        },
        async (request) => {
          const rawBody = typeof request.body === 'string' ? request.body : '';
          let event: ZaloWebhookEvent;
          try {
            event = parseZaloJson(rawBody) as ZaloWebhookEvent;
          } catch {
            throw new AppError('BAD_JSON'); // the error body names the fix
          }
          if (!event || typeof event.event_name !== 'string')
            throw new AppError('VALIDATION_FAILED', 'Thiếu event_name.');
          const signature = request.headers['x-zevent-signature'];
          if (
            !verifySignature(
              typeof signature === 'string' ? signature : undefined,
              rawBody,
              event,
              options.signature,
            )
          ) {
            throw new AppError('ZALO_SIGNATURE_INVALID');
          }
          const oaId = oaIdOf(event);
          const wardId = await app.db.withSystem((client) => selectWardByOaId(client, [oaId]));
          if (!wardId) {
            // Still 200: another OA's event is not a delivery failure Zalo should retry.
            request.log.warn({ oaId, event: event.event_name }, 'webhook for an OA no ward uses');
            return { ok: true, stored: false };
          }
          const id = await app.db.withSystem((client) =>
            insertWebhookEvent(client, {
              wardId,
              eventKey: eventKey(event, rawBody),
              eventName: event.event_name,
              senderId: actingUserId(event) ?? event.sender?.id ?? null,
              payload: event,
              rawBody,
            }),
          );
          if (id) void options.processor.kick();
          return { ok: true, stored: Boolean(id) };
        },
      );
    }),
  );
}
