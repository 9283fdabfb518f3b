/**
 * The Zalo simulator for the benchmarks that kill the server (bench:dispatch, bench:chat), in its own
 * long-lived process so what it recorded survives the kills: the real app with ZALO_MODE=simulator,
 * listening on PORT. Tells its parent (IPC) the OA token pair it issued, which the servers under test
 * start from.
 *
 * It plays Zalo only. Its scheduler is stopped once the app is ready: the jobs that run even with
 * SCHEDULER=false (webhook events, chat replies) would otherwise have this process, which is never
 * killed, process the server's webhook events and send its replies, sharing the work a benchmark
 * measures and hiding what a kill of the server does to events in flight.
 */
import { buildBenchChildApp } from './lib/child-app.js';

const { app, port } = await buildBenchChildApp({ ZALO_MODE: 'simulator', SCHEDULER: 'false' });
await app.listen({ port, host: '127.0.0.1' });
await app.scheduler.stop();
const grant = app.zalo.simulator?.issueOaGrant();
if (!grant) throw new Error('the simulator is not mounted');
process.send?.({ accessToken: grant.accessToken, refreshToken: grant.refreshToken });
process.once('SIGTERM', () => {
  void app.close().then(() => process.exit(0));
});
