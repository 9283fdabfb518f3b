/**
 * The Zalo layer for the rest of the server: `app.zalo` (graph + OA messenger, against Zalo or the
 * simulator through the same client), the OA token keeper, `POST /webhooks/zalo` with its processor and
 * `app.webhookHandlers`, and, in simulator mode, the simulator under /sim.
 */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { AppConfig } from '../config.js';
import { type OaTokenPair, ZaloClient } from './client.js';
import simulatorPlugin, { createSimulatorState } from './simulator/index.js';
import { deleteOldWebhookEvents, selectDefaultOaId } from './sql.js';
import { OaTokenKeeper } from './token-keeper.js';
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

    // One OA token serves the install: ZALO_OA_ID's, else the default ward's OA. Only the ward whose
    // zalo_oa_id it is may use the OA's groups (wards/oa-guard.ts); per-ward tokens are not built yet.
    let oaId: string | undefined;
    const connectedOaId = async (): Promise<string | undefined> => {
      oaId ??=
        zalo.oaId ?? (await app.db.withSystem((client) => selectDefaultOaId(client, config.defaultWardSlug)));
      return oaId;
    };
    const keeper: OaTokenKeeper = new OaTokenKeeper({
      db: app.db,
      log: app.log.child({ component: 'zalo-token' }),
      resolveOaId: async () => {
        const id = await connectedOaId();
        if (!id) throw new Error('No OA id: set ZALO_OA_ID or the default ward’s zalo_oa_id');
        return id;
      },
      refresh: (refreshToken): Promise<OaTokenPair> => client.refreshOaToken(refreshToken),
      initialPair: async () => {
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
    const client: ZaloClient = new ZaloClient(zalo, transport, keeper);
    app.decorate('zalo', {
      graph: client.graph,
      oa: client.oa,
      client,
      tokens: keeper,
      simulator: simState,
      connectedOaId,
    });

    app.healthChecks.set('zalo', async () => {
      const problem = await keeper.problem();
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
        await keeper
          .refreshIfDue()
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
