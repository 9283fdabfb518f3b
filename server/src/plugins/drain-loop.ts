/**
 * A pass that drains a queue in the database, started by whoever kicks it (a request that just queued
 * work, or a scheduler job): one pass at a time in this instance, and kicks that arrive while a pass
 * runs coalesce into one more pass, so work queued mid-pass never waits for the next tick. Other
 * instances are kept apart by the queue's own claims (leases, SKIP LOCKED), not by this.
 * Used by the webhook processor and the chat reply sender.
 */
export class DrainLoop<Result> {
  private running: Promise<Result> | undefined;
  private again = false;
  private closed = false;

  /** `idle` is what a kick answers once the loop is closed (nothing was done). */
  constructor(
    private readonly drain: () => Promise<Result>,
    private readonly idle: Result,
  ) {}

  /** Runs a pass now, or joins the one in flight and asks for one more after it. */
  kick(): Promise<Result> {
    if (this.closed) return Promise.resolve(this.idle);
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.drain().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        void this.kick();
      }
    });
    return this.running;
  }

  /** Waits for the pass in flight, if any. */
  async settled(): Promise<void> {
    await this.running;
  }

  /** Takes no more kicks, then waits for the pass in flight. */
  async close(): Promise<void> {
    this.closed = true;
    await this.running;
  }

  get isClosed(): boolean {
    return this.closed;
  }
}
