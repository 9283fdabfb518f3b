/**
 * POST /webhooks/zalo: verify the signature on the raw body before anything else (an unsigned request
 * costs one linear scan and a hash), refuse stale events, then parse (linear), store the event once
 * (with the events that arrived alongside it: webhook-intake.ts), answer 200 at once after the commit
 * (Zalo wants it within 2 s and retries otherwise), and let the processor do the work.
 */
import { Type as T } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.js';
import { routeGroup } from '../http/access.js';
import { jsonForPostgres, parseZaloJson } from './json.js';
import {
  actingUserId,
  agreesWith,
  eventKey,
  isFresh,
  oaIdOf,
  type SignatureSettings,
  verifySignedBody,
  type ZaloWebhookEvent,
} from './webhook-events.js';
import type { WebhookIntake } from './webhook-intake.js';
import type { WebhookProcessor } from './webhook-processor.js';

// Zalo's events are a few KB (a text message is at most 2,000 characters); anything larger is not Zalo.
const WEBHOOK_BODY_LIMIT = 256 * 1024;

const Reply = T.Object({ ok: T.Boolean(), stored: T.Boolean() });

export default async function webhookRoutes(
  app: FastifyInstance,
  options: {
    signature: SignatureSettings;
    maxAgeMs: number;
    intake: WebhookIntake;
    processor: WebhookProcessor;
  },
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
          // Per address, before the body is read: Zalo's servers send every event, so the limit is generous.
          config: { op: 'zalo.webhook', rateLimit: { max: 1200, timeWindow: '1 minute' } },
          bodyLimit: WEBHOOK_BODY_LIMIT,
          schema: {
            tags: ['zalo'],
            response: { 200: Reply, 400: { $ref: 'ErrorBody#' }, 401: { $ref: 'ErrorBody#' } },
          },
        },
        async (request) => {
          const rawBody = typeof request.body === 'string' ? request.body : '';
          const header = request.headers['x-zevent-signature'];
          const signed = verifySignedBody(
            typeof header === 'string' ? header : undefined,
            rawBody,
            options.signature,
          );
          if (!signed) throw new AppError('ZALO_SIGNATURE_INVALID');
          if (!isFresh(signed.timestamp, Date.now(), options.maxAgeMs))
            throw new AppError('ZALO_WEBHOOK_STALE');
          let event: ZaloWebhookEvent;
          try {
            event = parseZaloJson(rawBody) as ZaloWebhookEvent;
          } catch {
            throw new AppError('BAD_JSON'); // the error body names the fix
          }
          if (!event || typeof event !== 'object' || typeof event.event_name !== 'string')
            throw new AppError('VALIDATION_FAILED', 'Thiếu event_name.');
          if (!agreesWith(event, signed, options.signature)) throw new AppError('ZALO_SIGNATURE_INVALID');
          const oaId = oaIdOf(event);
          const { wardId, id } = await options.intake.store({
            oaId,
            eventKey: eventKey(event, rawBody),
            eventName: event.event_name,
            senderId: actingUserId(event) ?? event.sender?.id ?? null,
            payload: jsonForPostgres(JSON.stringify(event)),
            rawBody,
          });
          if (!wardId) {
            // Still 200: another OA's event is not a delivery failure Zalo should retry.
            request.log.warn({ oaId, event: event.event_name }, 'webhook for an OA no ward uses');
            return { ok: true, stored: false };
          }
          if (id) void options.processor.kick();
          return { ok: true, stored: Boolean(id) };
        },
      );
    }),
  );
}
