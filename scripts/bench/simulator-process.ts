/**
 * The Zalo simulator for the dispatch benchmark, in its own long-lived process so what it recorded
 * survives the worker kills: the real app with ZALO_MODE=simulator and no scheduler, listening on PORT.
 * Tells its parent (IPC) the OA token pair it issued, which the workers start from.
 */
import { buildDispatchChildApp } from './dispatch-child-app.js';

const { app, port } = await buildDispatchChildApp({ ZALO_MODE: 'simulator', SCHEDULER: 'false' });
await app.listen({ port, host: '127.0.0.1' });
const grant = app.zalo.simulator?.issueOaGrant();
if (!grant) throw new Error('the simulator is not mounted');
process.send?.({ accessToken: grant.accessToken, refreshToken: grant.refreshToken });
process.once('SIGTERM', () => {
  void app.close().then(() => process.exit(0));
});
