/**
 * What `app.zalo` holds: the implementations behind types.ts's interfaces. Kept apart from types.ts
 * so that the interfaces import nothing of the client that implements them (no import cycle).
 */
import type { OaExtras, ZaloClient } from './client.js';
import type { DefaultOaTokens, OaRegistry } from './oa-registry.js';
import type { SimState } from './simulator/state.js';
import type { ZaloGraph, ZaloOaMessenger } from './types.js';
import type { WebhookHandlers } from './webhook-processor.js';

/** What features reach through `app.zalo`. */
export interface ZaloServices {
  graph: ZaloGraph;
  /**
   * The default ward's OA (the demo's; the Zalo layer's tests). Features never send through it: they
   * choose the row's ward's OA in `oas`.
   */
  oa: ZaloOaMessenger & OaExtras;
  /** The typed client (every endpoint) of the default OA, for the Zalo layer and its tests. */
  client: ZaloClient;
  /** The default OA's token (single-flight refresh through its keeper in `oas`). */
  tokens: DefaultOaTokens;
  /** One token keeper and messenger per OA: what features send through, chosen by the ward. */
  oas: OaRegistry;
  /** The in-memory simulator, when ZALO_MODE=simulator. */
  simulator: SimState | undefined;
  /** The default ward's OA id (ZALO_OA_ID, else the default ward's), or undefined when none is set. */
  defaultOaId: () => Promise<string | undefined>;
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
