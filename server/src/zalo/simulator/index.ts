/**
 * The Zalo simulator (ZALO_MODE=simulator): Zalo's hosts under /sim/openapi, /sim/graph, /sim/oauth and
 * /sim/business (so only base URLs differ from live), its JSON API under /sim/api, and the page at /sim.
 */
import type { FastifyInstance } from 'fastify';
import type { ZaloConfig } from '../../config.js';
import type { Transport } from '../transport.js';
import simulatorApi from './api-routes.js';
import { pageHtml, pageScript, pageStyles } from './page.js';
import { SimPeople } from './people.js';
import { seedSimulator } from './seed.js';
import { SimState } from './state.js';
import zaloRoutes from './zalo-routes.js';

export interface SimulatorOptions {
  zalo: ZaloConfig;
  wardSlug: string;
  state: SimState;
  transport: Transport;
}

export function createSimulatorState(zalo: ZaloConfig): SimState {
  const state = new SimState(zalo.simRateLimitPerMin, zalo.simMessageLimit);
  state.groupImageCaptionField = zalo.simGroupImageCaptionField;
  return state;
}

export default async function simulatorPlugin(app: FastifyInstance, options: SimulatorOptions) {
  const { state, zalo } = options;
  const people = new SimPeople(state, {
    url: 'http://localhost/webhooks/zalo',
    appId: zalo.appId,
    secret: zalo.webhookSecret,
    transport: options.transport,
    mediaBase: `${zalo.urls.openapi.replace(/\/openapi$/, '')}/media`,
  });
  let seeded: Promise<boolean> | undefined;
  const reseed = async () => {
    seeded = seedSimulator(state, app.db, options.wardSlug);
    await seeded;
  };
  // The demo ward may be seeded after the app is ready (tests, first start): load on first use, and
  // again while the database is still empty.
  app.addHook('onRequest', async () => {
    if (!seeded || !(await seeded)) await reseed();
  });

  await app.register(zaloRoutes, {
    state,
    appId: zalo.appId,
    appSecret: zalo.appSecret,
    recentGroupMessagesPath: zalo.recentGroupMessagesPath,
  });
  await app.register(simulatorApi, { state, people, reseed });
  app.get('/', { schema: { hide: true } }, async (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(pageHtml),
  );
  app.get('/page.js', { schema: { hide: true } }, async (_request, reply) =>
    reply.type('text/javascript; charset=utf-8').send(pageScript),
  );
  app.get('/page.css', { schema: { hide: true } }, async (_request, reply) =>
    reply.type('text/css; charset=utf-8').send(pageStyles),
  );
}
