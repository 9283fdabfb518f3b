// Entry of the report layout worker. The server runs TypeScript through tsx, and a worker thread does
// not inherit tsx's loader on Node 20, so the worker registers it before importing its real module.
import { workerData } from 'node:worker_threads';

if (workerData.entry.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(workerData.entry);
