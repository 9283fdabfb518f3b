/**
 * The server under test for bench:chat: the real app (buildApp) with its scheduler, listening on PORT
 * for the webhooks the benchmark signs, sending replies to the simulator process over HTTP. Killed with
 * SIGKILL by chat.ts and started again on the same port.
 */
import { buildBenchChildApp } from './lib/child-app.js';

const { app, port } = await buildBenchChildApp({ SCHEDULER: 'true' });
await app.listen({ port, host: '127.0.0.1' });
process.send?.('ready');
process.once('SIGTERM', () => {
  void app.close().then(() => process.exit(0));
});
