/**
 * Keeps this instance under the OA's message rate: a token bucket refilled at the configured rate with
 * a small burst (50 ms worth, so a fixed one-second window on Zalo's side is never overrun). When Zalo
 * answers rate_limited (-32) the rate drops by 30 % (at most once every 2 s, so one burst counts once)
 * and climbs back by 10 % per quiet second.
 */
export class RateLimiter {
  private rate: number; // messages per millisecond
  private tokens = 1;
  private last = performance.now();
  private lastSlowdown = Number.NEGATIVE_INFINITY;
  private lastAdjust = 0;
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly perMinute: number) {
    this.rate = perMinute / 60_000;
  }

  get currentPerMinute(): number {
    return Math.round(this.rate * 60_000);
  }

  /** Resolves when one message may be sent; callers are served in order. */
  take(): Promise<void> {
    const turn = this.queue.then(() => this.waitForToken());
    this.queue = turn;
    return turn;
  }

  /** Zalo said -32. */
  slowDown(): void {
    const now = performance.now();
    if (now - this.lastSlowdown < 2000) return;
    this.lastSlowdown = now;
    this.lastAdjust = now;
    this.rate = Math.max(1 / 1000, this.rate * 0.7);
    this.tokens = 0;
  }

  private refill(): void {
    const now = performance.now();
    const ceiling = this.perMinute / 60_000;
    if (this.rate < ceiling && now - this.lastAdjust > 1000) {
      this.rate = Math.min(ceiling, this.rate * 1.1);
      this.lastAdjust = now;
    }
    const burst = Math.max(1, this.rate * 50);
    this.tokens = Math.min(burst, this.tokens + (now - this.last) * this.rate);
    this.last = now;
  }

  private async waitForToken(): Promise<void> {
    this.refill();
    while (this.tokens < 1) {
      await new Promise((resolve) =>
        setTimeout(resolve, Math.max(1, Math.ceil((1 - this.tokens) / this.rate))),
      );
      this.refill();
    }
    this.tokens -= 1;
  }
}

/** Exponential backoff with full jitter: 5 s, 10 s, 20 s … capped at 10 minutes, each times 0.5–1. */
export function backoffMs(attempts: number, random = Math.random): number {
  const ceiling = Math.min(600_000, 5_000 * 2 ** Math.max(0, attempts - 1));
  return Math.round(ceiling * (0.5 + random() * 0.5));
}
