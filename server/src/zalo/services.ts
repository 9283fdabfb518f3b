/**
 * What `app.zalo` holds: the implementations behind types.ts's interfaces. Kept apart from types.ts
 * so that the interfaces import nothing of the client that implements them (no import cycle).
 */
import type { OaExtras, ZaloClient } from './client.js';
import type { SimState } from './simulator/state.js';
import type { OaTokenKeeper } from './token-keeper.js';
import type { ZaloGraph, ZaloOaMessenger } from './types.js';
import type { WebhookHandlers } from './webhook-processor.js';

/** What features reach through `app.zalo`. */
export interface ZaloServices {
  graph: ZaloGraph;
  oa: ZaloOaMessenger & OaExtras;
  /** The typed client (every endpoint), for the Zalo layer and its tests. */
  client: ZaloClient;
  /** The OA token keeper (single-flight refresh, lost-grant reporting). */
  tokens: OaTokenKeeper;
  /** The in-memory simulator, when ZALO_MODE=simulator. */
  simulator: SimState | undefined;
  /**
   * The OA this server holds the token of (ZALO_OA_ID, else the default ward's), or undefined when
   * none is set: one OA for the whole install, so only the ward with this `zalo_oa_id` may use it.
   */
  connectedOaId: () => Promise<string | undefined>;
}

declare module 'fastify' {
  interface FastifyInstance {
    zalo: ZaloServices;
    /**
     * Handlers for stored webhook events: `app.webhookHandlers.on('user_send_text', handler)` ('*' for
     * every event). They run after Zalo got its 200, are retried on failure, so must be idempotent.
     */
    webhookHandlers: WebhookHandlers;
  }
}
