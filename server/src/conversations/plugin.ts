/**
 * The conversations feature: the OA chatbot (a webhook handler for what people send the OA), the
 * reply ledger's sender, and the staff inbox API. Replies are kicked as soon as they are queued; the
 * scheduler's `conversations.replies` job retries, and reconciles sends a crash interrupted.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { type OfficeHours, parseOfficeHours } from './office-hours.js';
import { ReplySender } from './reply-sender.js';
import inboxRoutes from './routes.js';
import { ChatService } from './service.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The reply sender: `kick()` sends what is due now (tests and the inbox use it). */
    chatReplies: ReplySender;
  }
}

const USER_EVENTS = [
  'user_send_text',
  'user_send_image',
  'user_send_gif',
  'user_send_location',
  'user_send_sticker',
  'user_send_link',
  'user_send_audio',
  'user_send_video',
  'user_send_file',
];
const RETRY_PASS_MS = 1_000;

export default fp(
  async function conversationsPlugin(app: FastifyInstance) {
    const { config } = app;
    const officeHours = parseOfficeHours(config.chatOfficeHours) as OfficeHours;
    const sender = new ReplySender({
      db: app.db,
      // A reply goes back through the OA the person wrote to (the ward's own; webhooks map the
      // recipient OA to the ward), and draws from that OA's limiter, shared with the broadcasts.
      messengerFor: (oaId) => app.zalo.oas.connected(oaId),
      limiterFor: (oaId) => app.broadcasts.limiterFor(oaId),
      owner: `chat-${randomUUID().slice(0, 8)}`,
      leaseMs: config.deliveryLeaseSeconds * 1000,
      log: app.log.child({ job: 'chat-replies' }),
    });
    // Decorated on the root so the webhook handler, routes and tests share the one sender.
    app.decorate('chatReplies', sender);
    const chat = new ChatService({
      db: app.db,
      evidence: () => app.chatEvidence,
      notifier: app.notifier,
      links: {
        miniApp: config.miniAppLinkBase,
        tasks: `${config.miniAppLinkBase}/#/tasks`,
      },
      officeHours,
      log: app.log.child({ component: 'chatbot' }),
      onQueued: () => void sender.kick(),
    });
    for (const eventName of USER_EVENTS)
      app.webhookHandlers.on(eventName, (event, context) => chat.handle(event, context));

    await app.register(inboxRoutes, { sender });

    // Retries, and sends a crash interrupted (reconciled first), as a job of the one scheduler. Like
    // webhook retries it runs with SCHEDULER=false too: these replies answer events this instance took.
    app.scheduler.add({
      name: 'conversations.replies',
      everyMs: RETRY_PASS_MS,
      always: true,
      run: () => sender.kick(),
    });
    app.addHook('onReady', async () => {
      void sender.kick(); // replies left from before a restart, at once
    });
    app.addHook('onClose', async () => {
      await app.scheduler.stop();
      await sender.close();
    });
  },
  { name: 'conversations', dependencies: ['db', 'scheduler', 'zalo', 'evidence', 'notifier', 'broadcasts'] },
);
