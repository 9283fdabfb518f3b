/**
 * The Zalo simulator for the dispatch benchmark, in its own long-lived process so what it recorded
 * survives the worker kills: the real app with ZALO_MODE=simulator and no scheduler, listening on PORT.
 * Tells its parent (IPC) the OA token pair it issued, which the workers start from.
 */
import { buildApp } from '../../server/src/app.js';
import { loadConfig } from '../../server/src/config.js';

const env = process.env;
const config = loadConfig({
  ...env,
  ZALO_MODE: 'simulator',
  SCHEDULER: 'false',
  SERVE_MINI_APP: 'false',
  LOG_LEVEL: env.LOG_LEVEL ?? 'warn',
});
const app = await buildApp({
  ...config,
  databaseUrl: env.DATABASE_URL as string,
  sessionSecret: 'bench-session-secret-0123456789-abcdefghijklmnop',
});
await app.listen({ port: config.port, host: '127.0.0.1' });
const grant = app.zalo.simulator?.issueOaGrant();
if (!grant) throw new Error('the simulator is not mounted');
process.send?.({ accessToken: grant.accessToken, refreshToken: grant.refreshToken });
process.once('SIGTERM', () => {
  void app.close().then(() => process.exit(0));
});
