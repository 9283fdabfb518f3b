/**
 * The server under test for the dispatch benchmark: the real app (buildApp) with SCHEDULER on, killed
 * with SIGKILL by dispatch.ts. It sends through `app.zalo.oa`, pointed by its own configuration
 * (ZALO_OPENAPI_URL etc., set by dispatch.ts) at the simulator process over HTTP.
 */
import { buildBenchChildApp } from './lib/child-app.js';

const { app } = await buildBenchChildApp({ SCHEDULER: 'true' });
await app.ready();
process.send?.('ready');
