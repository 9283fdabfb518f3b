/**
 * Keeps the OA under Zalo's documented limit, which is per minute ("requests/min per app", -32 above
 * it): never more than `perMinute` requests in any 60 seconds, counted in 100 ms buckets and rounded
 * towards caution. Because the contract is per minute, a second lost to a restart or a -32 burst is
 * made up later in the same minute instead of being lost; a per-second ceiling (`ceilingFactor` × the
 * average, configurable because Zalo's short-term limits are unconfirmed) keeps the catch-up smooth.
 * When Zalo answers -32 anyway, sending pauses for half a second (the rest of that burst would only be
 * refused too) and the ceiling drops by 30 % (at most once every 2 s, so one burst counts once), then
 * climbs back by 10 % per quiet second.
 *
 * With a `store`, the window is shared: this instance's counts are written per second and every other
 * instance's (and a killed predecessor's) are read back, so a fresh process starts from what Zalo has
 * already counted and several instances share one OA limit. A request is counted in the store before
 * it is sent (`take` resolves after the write), so a process killed mid-send never leaves requests
 * uncounted; the cost is a few milliseconds of latency per request, not throughput.
 */

export interface LimiterClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** Request counts per whole second (epoch ms of the second's start). */
export type SecondCounts = { second: number; requests: number }[];

export interface WindowStore {
  /** Adds this owner's new counts; returns every other owner's counts for seconds at or after `since`. */
  exchange(owner: string, mine: SecondCounts, since: number): Promise<SecondCounts>;
}

export interface RateLimiterOptions {
  perMinute: number;
  /** The most per second, as a multiple of the per-minute average. */
  ceilingFactor?: number;
  clock?: LimiterClock;
  store?: WindowStore;
  owner?: string;
  /** How often counts are exchanged with the store while sending. */
  syncMs?: number;
  onSyncError?: (error: unknown) => void;
}

const WINDOW_MS = 60_000;
const BUCKET_MS = 100;
/** Requests reach Zalo a little after we count them: each stays counted this much longer than 60 s. */
const TRANSIT_SLACK_MS = 250;
/** After -32, nothing is sent for this long. */
const PAUSE_AFTER_REJECTION_MS = 500;
/** Exchanges with the store are at least this far apart while requests wait for theirs. */
const MIN_SYNC_GAP_MS = 20;
const realClock: LimiterClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export class RateLimiter {
  readonly perMinute: number;
  private readonly clock: LimiterClock;
  private readonly maxFactor: number;
  private factor: number; // the per-second ceiling, as a multiple of the average
  private tokens = 1;
  private last: number;
  private lastSlowdown = Number.NEGATIVE_INFINITY;
  private pausedUntil = Number.NEGATIVE_INFINITY;
  private lastAdjust = 0;
  private queue: Promise<void> = Promise.resolve();
  // This instance's sends in 100 ms buckets, oldest first, and their sum.
  private own: { bucket: number; count: number }[] = [];
  private ownTotal = 0;
  // Other owners' sends per second, as of the last exchange.
  private others: SecondCounts = [];
  private othersTotal = 0;
  private unsynced = new Map<number, number>();
  // Takers whose count is not yet in the store, and those in the exchange under way.
  private waiting: (() => void)[] = [];
  private lastSyncAt = Number.NEGATIVE_INFINITY;
  private syncSoon: NodeJS.Timeout | undefined;
  private seeded: Promise<void> | undefined;
  private syncTimer: NodeJS.Timeout | undefined;
  private syncing: Promise<void> | undefined;
  private lastTake = Number.NEGATIVE_INFINITY;

  constructor(private readonly options: RateLimiterOptions) {
    this.perMinute = options.perMinute;
    this.clock = options.clock ?? realClock;
    this.maxFactor = options.ceilingFactor ?? 1.5;
    this.factor = this.maxFactor;
    this.last = this.clock.now();
  }

  /** The per-second ceiling now, per minute (drops on -32). */
  get currentPerMinute(): number {
    return Math.round(this.perMinute * this.factor);
  }

  /** Requests counted in the window ending now (this instance and, with a store, the others). */
  inWindow(): number {
    this.evict(this.clock.now());
    return this.ownTotal + this.othersTotal;
  }

  /** Resolves when one request may be sent; callers are served in order. */
  take(): Promise<void> {
    const turn = this.queue.then(() => this.waitForSlot());
    this.queue = turn;
    return this.options.store ? turn.then(() => this.counted()) : turn;
  }

  /** A slot taken but not used (nothing left to send): it no longer counts. */
  giveBack(): void {
    const tail = this.own.at(-1);
    if (!tail || tail.count === 0) return;
    tail.count--;
    this.ownTotal--;
    const second = Math.floor(tail.bucket / (1000 / BUCKET_MS)) * 1000;
    this.unsynced.set(second, (this.unsynced.get(second) ?? 0) - 1);
    this.tokens = Math.min(this.tokens + 1, Math.max(1, this.ratePerMs() * 50));
  }

  /** Zalo said -32. */
  slowDown(): void {
    const now = this.clock.now();
    if (now - this.lastSlowdown < 2000) return;
    this.lastSlowdown = now;
    this.lastAdjust = now;
    this.factor = Math.max(0.05, this.factor * 0.7);
    this.tokens = 0;
    this.pausedUntil = now + PAUSE_AFTER_REJECTION_MS;
  }

  /** Writes what is not yet written and stops exchanging (on close). */
  async stop(): Promise<void> {
    clearInterval(this.syncTimer);
    clearTimeout(this.syncSoon);
    this.syncTimer = undefined;
    await this.syncing;
    if (this.unsynced.size > 0) await this.sync();
  }

  /** One exchange with the store: write our new counts, read everyone else's. */
  sync(): Promise<void> {
    const store = this.options.store;
    if (!store) return Promise.resolve();
    if (this.syncing) return this.syncing;
    const mine = [...this.unsynced]
      .filter(([, requests]) => requests !== 0)
      .map(([second, requests]) => ({ second, requests }));
    this.unsynced.clear();
    const released = this.waiting;
    this.waiting = [];
    this.lastSyncAt = this.clock.now();
    const since = Math.floor((this.clock.now() - WINDOW_MS) / 1000) * 1000 - 1000;
    this.syncing = store
      .exchange(this.options.owner ?? 'local', mine, since)
      .then((others) => {
        this.others = [...others].sort((a, b) => a.second - b.second);
        this.othersTotal = this.others.reduce((sum, s) => sum + s.requests, 0);
        this.evict(this.clock.now());
        for (const release of released) release();
      })
      .catch((error: unknown) => {
        // Not lost: counted again on the next exchange. Meanwhile the last known window stands.
        for (const { second, requests } of mine)
          this.unsynced.set(second, (this.unsynced.get(second) ?? 0) + requests);
        this.waiting.unshift(...released);
        this.options.onSyncError?.(error);
        throw error;
      })
      .finally(() => {
        this.syncing = undefined;
        if (this.waiting.length > 0) this.scheduleSync();
      });
    return this.syncing;
  }

  /** Resolves once this taker's count is in the store. */
  private counted(): Promise<void> {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.scheduleSync();
    });
  }

  private scheduleSync(): void {
    if (this.syncing || this.syncSoon) return; // the exchange under way reschedules when it ends
    const wait = Math.max(0, this.lastSyncAt + MIN_SYNC_GAP_MS - this.clock.now());
    this.syncSoon = setTimeout(() => {
      this.syncSoon = undefined;
      this.sync().catch(() => undefined); // reported through onSyncError; waiters stay for the next one
    }, wait);
  }

  private ensureSyncing(): Promise<void> {
    if (!this.options.store) return Promise.resolve();
    if (!this.syncTimer) {
      this.syncTimer = setInterval(() => {
        // Stop exchanging once idle for a while; the next take starts again (and re-reads the window).
        if (this.clock.now() - this.lastTake > 5_000 && this.unsynced.size === 0) {
          clearInterval(this.syncTimer);
          this.syncTimer = undefined;
          this.seeded = undefined;
          return;
        }
        if (this.clock.now() - this.lastSyncAt >= 100) this.sync().catch(() => undefined); // reported via onSyncError
      }, this.options.syncMs ?? 100);
      this.syncTimer.unref();
    }
    this.seeded ??= this.seed();
    return this.seeded;
  }

  /** The first exchange must succeed before anything is sent, or a fresh process could overrun. */
  private async seed(): Promise<void> {
    for (;;) {
      try {
        return await this.sync();
      } catch {
        await this.clock.sleep(1000); // reported through onSyncError; Zalo waits for the window
      }
    }
  }

  private evict(now: number): void {
    // A bucket leaves the window once even its last instant is 60 s old.
    let drop = 0;
    const held = WINDOW_MS + TRANSIT_SLACK_MS;
    while (drop < this.own.length && (this.own[drop]!.bucket + 1) * BUCKET_MS + held <= now)
      this.ownTotal -= this.own[drop++]!.count;
    if (drop) this.own = this.own.slice(drop);
    drop = 0;
    while (drop < this.others.length && this.others[drop]!.second + 1000 + held <= now)
      this.othersTotal -= this.others[drop++]!.requests;
    if (drop) this.others = this.others.slice(drop);
  }

  /** Milliseconds until the oldest counted request leaves the window. */
  private windowWait(now: number): number {
    const held = WINDOW_MS + TRANSIT_SLACK_MS;
    const ownNext = this.own[0] ? (this.own[0].bucket + 1) * BUCKET_MS + held : Number.POSITIVE_INFINITY;
    const otherNext = this.others[0] ? this.others[0].second + 1000 + held : Number.POSITIVE_INFINITY;
    const next = Math.min(ownNext, otherNext);
    return Number.isFinite(next) ? Math.max(1, next - now) : 1000;
  }

  private refill(now: number): void {
    if (this.factor < this.maxFactor && now - this.lastAdjust > 1000) {
      this.factor = Math.min(this.maxFactor, this.factor * 1.1);
      this.lastAdjust = now;
    }
    const rate = this.ratePerMs();
    const burst = Math.max(1, rate * 50); // 50 ms worth: smooth within the second
    this.tokens = Math.min(burst, this.tokens + (now - this.last) * rate);
    this.last = now;
  }

  private ratePerMs(): number {
    return (this.perMinute * this.factor) / WINDOW_MS;
  }

  private record(now: number): void {
    const bucket = Math.floor(now / BUCKET_MS);
    const tail = this.own.at(-1);
    if (tail?.bucket === bucket) tail.count++;
    else this.own.push({ bucket, count: 1 });
    this.ownTotal++;
    const second = Math.floor(now / 1000) * 1000;
    this.unsynced.set(second, (this.unsynced.get(second) ?? 0) + 1);
  }

  private async waitForSlot(): Promise<void> {
    await this.ensureSyncing();
    for (;;) {
      const now = this.clock.now();
      if (now < this.pausedUntil) {
        await this.clock.sleep(this.pausedUntil - now);
        continue;
      }
      this.evict(now);
      this.refill(now);
      const full = this.ownTotal + this.othersTotal >= this.perMinute;
      if (!full && this.tokens >= 1) {
        this.tokens -= 1;
        this.record(now);
        this.lastTake = now;
        return;
      }
      const tokenWait = this.tokens >= 1 ? 0 : Math.ceil((1 - this.tokens) / this.ratePerMs());
      await this.clock.sleep(Math.max(1, full ? this.windowWait(now) : 0, tokenWait));
    }
  }
}

/** Exponential backoff with full jitter: 1 s, 2 s, 4 s … capped at 10 minutes, each times 0.5–1. */
export function backoffMs(attempts: number, random = Math.random): number {
  const ceiling = Math.min(600_000, 1_000 * 2 ** Math.max(0, attempts - 1));
  return Math.round(ceiling * (0.5 + random() * 0.5));
}
