/**
 * The Zalo layer for the rest of the server: `app.zalo` (graph, and one token keeper and messenger per
 * OA in `app.zalo.oas`, against Zalo or the simulator through the same client), `POST /webhooks/zalo`
 * with its processor and `app.webhookHandlers`, and, in simulator mode, the simulator under /sim.
 */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { AppConfig } from '../config.js';
import { type OaTokenPair, ZaloClient } from './client.js';
import { type DefaultOaTokens, OaRegistry } from './oa-registry.js';
import simulatorPlugin, { createSimulatorState } from './simulator/index.js';
import { deleteOldWebhookEvents, selectDefaultOaId } from './sql.js';
import { fetchTransport, injectTransport } from './transport.js';
import { WebhookIntake } from './webhook-intake.js';
import { WebhookHandlers, WebhookProcessor } from './webhook-processor.js';
import webhookRoutes from './webhook-routes.js';

const REFRESH_CHECK_MS = 30 * 60_000;
const WEBHOOK_RETRY_MS = 5_000;

export default fp(
  async function zaloPlugin(app: FastifyInstance, options: { config: AppConfig }) {
    const { config } = options;
    const zalo = config.zalo;
    const simulated = zalo.mode === 'simulator';
    // The simulator in this process is reached without a socket; anything else over HTTP.
    const inProcess = simulated && zalo.urls.openapi.startsWith(`http://localhost:${config.port}/sim`);
    const transport = inProcess ? injectTransport(app) : fetchTransport;
    const simState = simulated ? createSimulatorState(zalo) : undefined;

    // Each ward sends through its own OA (oa-registry.ts). The default ward's OA (ZALO_OA_ID, else the
    // default ward's zalo_oa_id) is the one a first start connects by itself, from configuration or the
    // simulator's grant; `app.zalo.oa` speaks for it (the demo, the Zalo layer's tests).
    let defaultOa: string | undefined;
    const defaultOaId = async (): Promise<string | undefined> => {
      defaultOa ??=
        zalo.oaId ?? (await app.db.withSystem((client) => selectDefaultOaId(client, config.defaultWardSlug)));
      return defaultOa;
    };
    const oas = new OaRegistry({
      db: app.db,
      log: app.log.child({ component: 'zalo-token' }),
      config: zalo,
      transport,
      initialPairFor: async (oaId): Promise<OaTokenPair | undefined> => {
        if (oaId !== (await defaultOaId())) return undefined;
        if (zalo.initialAccessToken && zalo.initialRefreshToken) {
          // Its age is unknown: say it expires within the hour so the first pass rotates it.
          return {
            accessToken: zalo.initialAccessToken,
            refreshToken: zalo.initialRefreshToken,
            expiresInSeconds: 3600,
          };
        }
        return simState?.issueOaGrant();
      },
      refreshAheadMs: zalo.tokenRefreshHours * 3_600_000,
    });
    const defaultKeeper = async () => {
      const id = await defaultOaId();
      if (!id) throw new Error('No OA id: set ZALO_OA_ID or the default ward’s zalo_oa_id');
      return oas.keeper(id);
    };
    const tokens: DefaultOaTokens = {
      getAccessToken: async () => (await defaultKeeper()).getAccessToken(),
      refreshAfterRejection: async (rejected) => (await defaultKeeper()).refreshAfterRejection(rejected),
      refreshIfDue: async () => (await defaultKeeper()).refreshIfDue(),
    };
    const client: ZaloClient = new ZaloClient(zalo, transport, tokens);
    app.decorate('zalo', {
      graph: client.graph,
      oa: client.oa,
      client,
      tokens,
      oas,
      simulator: simState,
      defaultOaId,
    });

    app.healthChecks.set('zalo', async () => {
      const problem = await oas.lostGrants();
      return problem ? { ok: false, critical: false, message: problem } : { ok: true };
    });

    const handlers = new WebhookHandlers();
    app.decorate('webhookHandlers', handlers);
    const intake = new WebhookIntake(app.db);
    const processor = new WebhookProcessor(app.db, handlers, {
      dataDir: config.dataDir,
      transport,
      timeoutMs: zalo.timeoutMs,
      leaseMs: zalo.webhookLeaseSeconds * 1000,
      intakeQuiet: () => intake.quiet(),
      log: app.log.child({ component: 'zalo-webhook' }),
    });
    await app.register(webhookRoutes, {
      signature: { appId: zalo.appId, secret: zalo.webhookSecret, idTerm: zalo.webhookIdTerm },
      maxAgeMs: zalo.webhookMaxAgeSeconds * 1000,
      intake,
      processor,
    });
    if (simState) {
      await app.register(simulatorPlugin, {
        prefix: '/sim',
        zalo,
        wardSlug: config.defaultWardSlug,
        state: simState,
        transport,
      });
    }

    // Retries of failed events (and of events whose instance died); a new event is processed at once.
    app.scheduler.add({
      name: 'zalo.webhooks',
      everyMs: WEBHOOK_RETRY_MS,
      always: true, // this instance took these events from Zalo: it answers for them, scheduler or not
      run: () => processor.kick(),
    });
    app.scheduler.add({
      name: 'zalo.tokenRefresh',
      everyMs: REFRESH_CHECK_MS,
      run: async () => {
        // Every ward's OA; the default one too, so a first start stores its configured pair.
        const first = await defaultOaId().catch(() => undefined);
        await oas
          .refreshAllDue(first ? [first] : [])
          .catch((error) => app.log.error({ err: error }, 'Zalo OA token refresh failed'));
      },
    });
    app.scheduler.add({
      name: 'zalo.webhookPurge',
      everyMs: REFRESH_CHECK_MS,
      run: () => app.db.withSystem((client) => deleteOldWebhookEvents(client, zalo.webhookRetentionDays)),
    });
    app.addHook('onClose', async () => {
      await app.scheduler.stop();
      await processor.stop();
    });
  },
  { name: 'zalo', dependencies: ['db', 'scheduler'] },
);
