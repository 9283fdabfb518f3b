/**
 * Stored webhook events are processed after Zalo got its 200: image attachments downloaded at once
 * (their URLs expire), the member's OA interaction time updated, then every registered handler run.
 * A failure is retried with backoff; handlers must therefore be idempotent per event id. Events are
 * claimed under a short lease, kept alive by a heartbeat while they are worked on, so an event whose
 * instance died (a kill, a crash) is taken again by the next pass of any instance within seconds.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../plugins/db.js';
import { DrainLoop } from '../plugins/drain-loop.js';
import { touchOaInteraction } from '../wards/identity.js';
import { parseZaloJson } from './json.js';
import {
  type ClaimedEvent,
  claimWebhookEvents,
  extendWebhookLeases,
  failWebhookEvent,
  finishWebhookEvent,
} from './sql.js';
import type { Transport } from './transport.js';
import { actingUserId, imageUrls, isInteraction, type ZaloWebhookEvent } from './webhook-events.js';

export interface WebhookContext {
  wardId: string;
  eventId: string;
  /** Downloaded image attachments, relative to DATA_DIR, in attachment order. */
  mediaPaths: string[];
  dataDir: string;
  log: FastifyBaseLogger;
}

export type WebhookHandler = (event: ZaloWebhookEvent, context: WebhookContext) => Promise<void>;

/** Where features add handlers: `app.webhookHandlers.on('user_send_text', handler)`; '*' for all. */
export class WebhookHandlers {
  private readonly handlers = new Map<string, WebhookHandler[]>();

  on(eventName: string, handler: WebhookHandler): void {
    const list = this.handlers.get(eventName) ?? [];
    list.push(handler);
    this.handlers.set(eventName, list);
  }

  for(eventName: string): WebhookHandler[] {
    return [...(this.handlers.get(eventName) ?? []), ...(this.handlers.get('*') ?? [])];
  }
}

const MEDIA_DIR = 'webhook-media';
const BATCH = 20;
/** Events taken at a time while the intake is answering a burst (see intakeQuiet). */
const BATCH_IN_BURST = 5;

export class WebhookProcessor {
  private readonly loop = new DrainLoop(() => this.drain(), undefined);

  constructor(
    private readonly db: Db,
    private readonly handlers: WebhookHandlers,
    private readonly options: {
      dataDir: string;
      transport: Transport;
      timeoutMs: number;
      /**
       * How long a claimed event stays this instance's without a heartbeat: an event in flight when the
       * instance died is taken again this long after its last heartbeat (beats come every third of it).
       */
      leaseMs: number;
      /**
       * Resolves when the webhook intake has a moment, true, or has been busy for a while, false
       * (webhook-intake.ts `quiet`). A pass waits for it before each claim, so under a burst answering
       * Zalo comes first; it then takes a few events at a time until the burst is over.
       */
      intakeQuiet?: () => Promise<boolean>;
      log: FastifyBaseLogger;
    },
  ) {}

  /** Process what is due now; concurrent kicks coalesce into one more pass. */
  kick(): Promise<void> {
    return this.loop.kick();
  }

  /** Waits for the pass in flight (on close). */
  stop(): Promise<void> {
    return this.loop.settled();
  }

  private async drain(): Promise<void> {
    try {
      for (;;) {
        const { leaseMs } = this.options;
        const calm = (await this.options.intakeQuiet?.()) ?? true;
        const batch = await this.db.withSystem((client) =>
          claimWebhookEvents(client, calm ? BATCH : BATCH_IN_BURST, leaseMs),
        );
        if (!batch.length) return;
        const inFlight = new Set(batch);
        const heartbeat = setInterval(() => {
          this.db
            .withSystem((client) => extendWebhookLeases(client, [...inFlight], leaseMs))
            .catch((error) => this.options.log.warn({ err: error }, 'webhook lease heartbeat failed'));
        }, leaseMs / 3);
        try {
          await Promise.all(
            batch.map(async (event) => {
              await this.process(event);
              inFlight.delete(event);
            }),
          );
        } finally {
          clearInterval(heartbeat);
        }
      }
    } catch (error) {
      this.options.log.error({ err: error }, 'webhook processing pass failed; the next pass retries');
    }
  }

  private async process(claimed: ClaimedEvent): Promise<void> {
    const log = this.options.log.child({ webhookEventId: claimed.id, event: claimed.eventName });
    try {
      const event = parseZaloJson(claimed.rawBody) as ZaloWebhookEvent;
      const mediaPaths = await this.downloadImages(claimed.id, event);
      const userId = actingUserId(event);
      if (userId && isInteraction(event)) {
        const at = new Date(Number(event.timestamp) || Date.now());
        await this.db.batchInWard(claimed.wardId, (client) =>
          touchOaInteraction(client, claimed.wardId, userId, at),
        );
      }
      const context = {
        wardId: claimed.wardId,
        eventId: claimed.id,
        mediaPaths,
        dataDir: this.options.dataDir,
        log,
      };
      for (const handler of this.handlers.for(event.event_name)) await handler(event, context);
      await this.db.batchAsSystem((client) => finishWebhookEvent(client, claimed.id, mediaPaths));
    } catch (error) {
      const retryIn = Math.min(3600, 10 * 2 ** (claimed.attempts - 1));
      log.warn({ err: error, attempts: claimed.attempts, retryIn }, 'webhook event failed; will retry');
      await this.db
        .withSystem((client) => failWebhookEvent(client, claimed.id, (error as Error).message, retryIn))
        .catch((failError) => log.error({ err: failError }, 'could not record webhook failure'));
    }
  }

  private async downloadImages(eventId: string, event: ZaloWebhookEvent): Promise<string[]> {
    const urls = imageUrls(event);
    if (!urls.length) return [];
    await mkdir(join(this.options.dataDir, MEDIA_DIR), { recursive: true });
    return Promise.all(
      urls.map(async (url, index) => {
        const response = await this.options.transport({
          method: 'GET',
          url,
          headers: {},
          timeoutMs: this.options.timeoutMs,
        });
        if (response.status !== 200 || !response.body.length)
          throw new Error(`image download failed: HTTP ${response.status}`);
        const relative = join(MEDIA_DIR, `${eventId}-${index}.jpg`);
        await writeFile(join(this.options.dataDir, relative), response.body);
        return relative;
      }),
    );
  }
}
