/**
 * The server under test for the dispatch benchmark: the real app (buildApp) with SCHEDULER on, killed
 * with SIGKILL by dispatch.ts. It sends through `app.zalo.oa`, pointed by its own configuration
 * (ZALO_OPENAPI_URL etc., set by dispatch.ts) at the simulator process over HTTP.
 */
import { buildApp } from '../../server/src/app.js';
import { loadConfig } from '../../server/src/config.js';

const env = process.env;
const config = loadConfig({
  ...env,
  SCHEDULER: 'true',
  SERVE_MINI_APP: 'false',
  LOG_LEVEL: env.LOG_LEVEL ?? 'warn',
});
const app = await buildApp({
  ...config,
  databaseUrl: env.DATABASE_URL as string,
  sessionSecret: 'bench-session-secret-0123456789-abcdefghijklmnop',
});
await app.ready();
process.send?.('ready');
