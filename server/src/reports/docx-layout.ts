/**
 * The main thread's side of the layout worker (docx-worker.ts): one long-lived worker, started on the
 * first report and kept (starting it costs about a second), requests matched to replies by id. A
 * worker that dies fails the reports in flight and is started again on the next one.
 */
import { Worker } from 'node:worker_threads';
import type { LayoutReply } from './docx-worker.js';
import type { ReportData } from './report-data.js';

const here = import.meta.url;
const entry = new URL(here.endsWith('.ts') ? './docx-worker.ts' : './docx-worker.js', here).href;
const boot = new URL('./docx-worker-boot.mjs', here);

export class DocxLayout {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { resolve(parts: Record<string, Uint8Array>): void; reject(error: Error): void }
  >();

  /** The parts of the report's .docx by name, with a placeholder in place of each annex photo. */
  layout(data: ReportData): Promise<Record<string, Uint8Array>> {
    const worker = this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ id, data });
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(boot, { workerData: { entry } });
    worker.on('message', (reply: LayoutReply) => {
      const waiter = this.pending.get(reply.id);
      if (!waiter) return;
      this.pending.delete(reply.id);
      if ('parts' in reply) waiter.resolve(reply.parts);
      else waiter.reject(new Error(`report layout failed: ${reply.error}`));
      // An idle worker must not keep the process alive.
      if (this.pending.size === 0) worker.unref();
    });
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = undefined;
      for (const waiter of this.pending.values()) waiter.reject(error);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`report layout worker exited (${code})`)));
    this.worker = worker;
    return worker;
  }
}
