import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LimiterClock, RateLimiter } from '../../server/src/broadcasts/rate-limiter.js';
import { databaseWindowStore } from '../../server/src/broadcasts/rate-window-sql.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';

/** Virtual time from now on: sleeping moves the clock, so a minute's wait takes no real time. */
function fakeClock(): LimiterClock & { t: number } {
  const clock = {
    t: Math.floor(Date.now() / 1000) * 1000,
    now: () => clock.t,
    sleep: async (ms: number) => {
      clock.t += ms;
    },
  };
  return clock;
}

describe('OA rate window shared through the database', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it('instances share one per-minute limit, and a fresh process starts from what was already sent', async () => {
    const clock = fakeClock();
    const start = clock.t;
    const store = databaseWindowStore(t.app.db, '4000000000000000001');
    // A high per-second ceiling, so only the minute's window holds anything back.
    const limiter = (owner: string) =>
      new RateLimiter({ perMinute: 50, ceilingFactor: 60, clock, store, owner, syncMs: 3_600_000 });
    const a = limiter('a');
    const b = limiter('b');
    for (let i = 0; i < 30; i++) await a.take();
    for (let i = 0; i < 20; i++) await b.take();
    expect(clock.t - start).toBeLessThan(1_000);
    await b.take(); // the 51st must wait until a's first sends have left the window
    expect(clock.t - start).toBeGreaterThanOrEqual(60_000);

    // "a" is killed and replaced: the fresh process reads what a and b sent in the last minute (all in
    // the first second, kept per second) and waits for that second to leave the window.
    const restarted = limiter('a-restarted');
    await restarted.take();
    expect(clock.t - start).toBeGreaterThanOrEqual(61_000);
    expect(restarted.inWindow()).toBeLessThanOrEqual(50);
    await Promise.all([a.stop(), b.stop(), restarted.stop()]);
  });

  it("each OA has its own window: one OA's full minute does not hold another OA's sends", async () => {
    const clock = fakeClock();
    const start = clock.t;
    const limiter = (oaId: string, owner: string) =>
      new RateLimiter({
        perMinute: 50,
        ceilingFactor: 600, // no per-second smoothing to speak of: only the minute's window holds back
        clock,
        store: databaseWindowStore(t.app.db, oaId),
        owner,
        syncMs: 3_600_000,
      });
    // Ward A's OA spends its whole minute on two instances.
    const a1 = limiter('4100000000000000001', 'i1');
    const a2 = limiter('4100000000000000001', 'i2');
    for (let i = 0; i < 25; i++) await a1.take();
    for (let i = 0; i < 25; i++) await a2.take();
    // Ward B's OA, on the same instances, still has its full minute at once.
    const b2 = limiter('4200000000000000002', 'i2');
    for (let i = 0; i < 50; i++) await b2.take();
    expect(clock.t - start).toBeLessThan(1_000);
    expect(b2.inWindow()).toBe(50);
    // While another instance of A's OA waits for the minute to pass.
    const a3 = limiter('4100000000000000001', 'i3');
    await a3.take();
    expect(clock.t - start).toBeGreaterThanOrEqual(60_000);
    await Promise.all([a1.stop(), a2.stop(), a3.stop(), b2.stop()]);
  });
});
