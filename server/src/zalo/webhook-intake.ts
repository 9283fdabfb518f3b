/**
 * The webhook intake's group commit: events that arrive together are stored together, in one
 * transaction and one round trip to PostgreSQL (BEGIN, the ward context, one multi-row INSERT and
 * COMMIT in one write), and each request is answered only after that commit. A lone event goes at
 * once; while `maxInFlight` batches are on their way, the next arrivals wait and leave together as
 * soon as one returns. Per event this replaces three round trips (and a transaction, and an fsync in
 * production) by a share of one, which is most of what the route cost beyond checking the signature.
 *
 * A batch that PostgreSQL refuses for one bad event must not fail the others: it is retried one event
 * at a time, so only the bad one is answered with an error. A database that is down fails them all
 * (503, and Zalo retries).
 */
import { type Db, isDatabaseUnavailable } from '../plugins/db.js';
import { type IncomingWebhookEvent, insertWebhookEvents, type StoredWebhookEvent } from './sql.js';

interface Waiting {
  event: IncomingWebhookEvent;
  resolve: (stored: StoredWebhookEvent) => void;
  reject: (error: unknown) => void;
}

export interface WebhookIntakeOptions {
  /** Batches on their way at once (each holds one pool connection for one round trip). */
  maxInFlight?: number;
  maxBatch?: number;
}

export class WebhookIntake {
  private waiting: Waiting[] = [];
  private lastArrival = Number.NEGATIVE_INFINITY;
  private inFlight = 0;
  private scheduled = false;
  private readonly maxInFlight: number;
  private readonly maxBatch: number;

  constructor(
    private readonly db: Db,
    options: WebhookIntakeOptions = {},
  ) {
    this.maxInFlight = options.maxInFlight ?? 4;
    this.maxBatch = options.maxBatch ?? 100;
  }

  /** Stores the event (once: a retry of a stored event answers `id: undefined`), after the commit. */
  store(event: IncomingWebhookEvent): Promise<StoredWebhookEvent> {
    this.lastArrival = performance.now();
    return new Promise((resolve, reject) => {
      this.waiting.push({ event, resolve, reject });
      this.schedule();
    });
  }

  /**
   * Resolves once no event has arrived for `quietMs` (true), or after `maxWaitMs` at most (false: the
   * intake is still busy). The processor waits for it before each batch of work: while Zalo is posting
   * events back to back, answering them within its 2 s comes first (a late answer makes Zalo send
   * again, which only adds load), and the events are processed in the gaps, or once the burst is over,
   * with a small batch every `maxWaitMs` meanwhile so that none waits without end. At an everyday rate
   * (a few events a second) this delays processing by `quietMs` at most.
   */
  async quiet(quietMs = 25, maxWaitMs = 500): Promise<boolean> {
    const until = performance.now() + maxWaitMs;
    for (;;) {
      const now = performance.now();
      if (this.lastArrival + quietMs <= now) return true;
      if (until <= now) return false;
      await new Promise((resolve) => setTimeout(resolve, Math.min(this.lastArrival + quietMs, until) - now));
    }
  }

  /**
   * Sends after the requests read in the same turn of the event loop have joined (setImmediate runs
   * after the I/O callbacks of the turn), if a batch may leave now; else when one returns.
   */
  private schedule(): void {
    if (this.scheduled || this.inFlight >= this.maxInFlight || !this.waiting.length) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      while (this.inFlight < this.maxInFlight && this.waiting.length) {
        const batch = this.waiting.splice(0, this.maxBatch);
        this.inFlight++;
        void this.send(batch).finally(() => {
          this.inFlight--;
          this.schedule();
        });
      }
    });
  }

  private async send(batch: Waiting[]): Promise<void> {
    // The same event twice in one batch (Zalo retried while the first was on its way): stored once,
    // and the repeat answers as a retry does.
    const first = new Map<string, number>();
    const unique: IncomingWebhookEvent[] = [];
    const slot = batch.map(({ event }) => {
      const key = `${event.oaId}\n${event.eventKey}`;
      let index = first.get(key);
      if (index === undefined) {
        index = unique.push(event) - 1;
        first.set(key, index);
        return { index, repeat: false };
      }
      return { index, repeat: true };
    });
    let stored: StoredWebhookEvent[];
    try {
      stored = await this.db.batchAsSystem((client) => insertWebhookEvents(client, unique));
    } catch (error) {
      if (batch.length === 1 || isDatabaseUnavailable(error)) {
        for (const waiting of batch) waiting.reject(error);
        return;
      }
      // One event PostgreSQL refuses must not fail the others: each on its own.
      await Promise.all(batch.map((waiting) => this.send([waiting])));
      return;
    }
    batch.forEach((waiting, n) => {
      const { index, repeat } = slot[n] as { index: number; repeat: boolean };
      const result = stored[index] as StoredWebhookEvent;
      waiting.resolve(repeat ? { wardId: result.wardId, id: undefined } : result);
    });
  }
}
