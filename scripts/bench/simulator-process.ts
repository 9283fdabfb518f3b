/**
 * The Zalo simulator for the benchmarks that kill the server (bench:dispatch, bench:chat), in its own
 * long-lived process so what it recorded survives the kills: the real app with ZALO_MODE=simulator and
 * no scheduler, listening on PORT. Tells its parent (IPC) the OA token pair it issued, which the
 * servers under test start from.
 */
import { buildBenchChildApp } from './lib/child-app.js';

const { app, port } = await buildBenchChildApp({ ZALO_MODE: 'simulator', SCHEDULER: 'false' });
await app.listen({ port, host: '127.0.0.1' });
const grant = app.zalo.simulator?.issueOaGrant();
if (!grant) throw new Error('the simulator is not mounted');
process.send?.({ accessToken: grant.accessToken, refreshToken: grant.refreshToken });
process.once('SIGTERM', () => {
  void app.close().then(() => process.exit(0));
});
