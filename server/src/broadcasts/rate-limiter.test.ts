import { describe, expect, it } from 'vitest';
import { backoffMs, type LimiterClock, RateLimiter, type SecondCounts } from './rate-limiter.js';

/** Virtual time: sleeping moves the clock, so a minute of sending takes no real time. */
function fakeClock(start = 1_000_000_000_000): LimiterClock & { t: number } {
  const clock = {
    t: start,
    now: () => clock.t,
    sleep: async (ms: number) => {
      clock.t += ms;
    },
  };
  return clock;
}

/** The most requests found in any window of `span` ms (times sorted). */
function mostInAnySpan(times: number[], span: number): number {
  let most = 0;
  let first = 0;
  for (let i = 0; i < times.length; i++) {
    while ((times[i] as number) - (times[first] as number) >= span) first++;
    most = Math.max(most, i - first + 1);
  }
  return most;
}

async function sendUntil(limiter: RateLimiter, clock: { t: number }, until: number, times: number[]) {
  while (clock.t < until) {
    await limiter.take();
    if (clock.t < until) times.push(clock.t);
  }
}

describe('rate limiter', () => {
  it('never lets more than the per-minute limit into any 60 s, nor the ceiling into any second', async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter({ perMinute: 600, ceilingFactor: 1.5, clock });
    const times: number[] = [];
    await sendUntil(limiter, clock, clock.t + 180_000, times);
    expect(mostInAnySpan(times, 60_000)).toBeLessThanOrEqual(600);
    expect(mostInAnySpan(times, 1_000)).toBeLessThanOrEqual(16); // 1.5 × 10 a second, plus one
    expect(times.length).toBeGreaterThan(1_750); // and it does use the three minutes' allowance
  });

  it('makes up a pause later in the same minute instead of losing it', async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter({ perMinute: 600, ceilingFactor: 1.5, clock });
    const start = clock.t;
    const times: number[] = [];
    await sendUntil(limiter, clock, start + 20_000, times);
    clock.t += 10_000; // down for 10 s (a restart, a -32 burst)
    await sendUntil(limiter, clock, start + 120_000, times);
    expect(mostInAnySpan(times, 60_000)).toBeLessThanOrEqual(600);
    // A plain 10-a-second pace would have managed 1,100 in these 120 s; the minute's contract allows 1,200.
    expect(times.length).toBeGreaterThan(1_180);
  });

  it('with ceiling factor 1 keeps an even pace', async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter({ perMinute: 6_000, ceilingFactor: 1, clock });
    const times: number[] = [];
    await sendUntil(limiter, clock, clock.t + 10_000, times);
    expect(mostInAnySpan(times, 1_000)).toBeLessThanOrEqual(101);
    expect(times.length).toBeGreaterThan(990);
  });

  it('starts from what the shared window already holds and reports its own sends', async () => {
    const clock = fakeClock(1_000_000_000_000); // a whole second
    const written: SecondCounts = [];
    const exchanges: number[] = [];
    const limiter = new RateLimiter({
      perMinute: 600,
      clock,
      owner: 'me',
      syncMs: 3_600_000, // exchanged by hand below
      store: {
        async exchange(owner, mine, since) {
          expect(owner).toBe('me');
          exchanges.push(since);
          written.push(...mine);
          // A killed predecessor sent 590 in the second now starting.
          return [{ second: 1_000_000_000_000, requests: 590 }];
        },
      },
    });
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      await limiter.take();
      times.push(clock.t);
    }
    expect(exchanges.length).toBeGreaterThan(0); // the first send waited for the window
    expect(times.filter((t) => t < 1_000_000_000_000 + 60_000)).toHaveLength(10);
    expect(times[10]).toBeGreaterThanOrEqual(1_000_000_000_000 + 60_000);
    const everyone = [...Array<number>(590).fill(1_000_000_000_000), ...times];
    expect(mostInAnySpan(everyone, 60_000)).toBeLessThanOrEqual(600);
    await limiter.stop();
    expect(written.reduce((sum, c) => sum + c.requests, 0)).toBe(20);
  });

  it('slows down on -32, once per burst, and recovers', async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter({ perMinute: 60_000, ceilingFactor: 1, clock });
    limiter.slowDown();
    limiter.slowDown(); // the same burst: counted once
    expect(limiter.currentPerMinute).toBe(42_000);
    const times: number[] = [];
    await sendUntil(limiter, clock, clock.t + 1_000, times);
    expect(times.length).toBeLessThanOrEqual(760); // 700 a second, maybe one step up
    await sendUntil(limiter, clock, clock.t + 10_000, times);
    expect(limiter.currentPerMinute).toBe(60_000);
  });

  it('backs off exponentially with jitter from about a second, capped', () => {
    expect(backoffMs(1, () => 0)).toBe(500);
    expect(backoffMs(1, () => 1)).toBe(1_000);
    expect(backoffMs(3, () => 1)).toBe(4_000);
    expect(backoffMs(30, () => 1)).toBe(600_000);
  });
});
