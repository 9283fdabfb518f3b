import { describe, expect, it } from 'vitest';
import { backoffMs, RateLimiter } from './rate-limiter.js';

describe('rate limiter', () => {
  it('keeps to the configured rate', async () => {
    const limiter = new RateLimiter(60 * 200); // 200 a second
    const started = performance.now();
    for (let i = 0; i < 60; i++) await limiter.take();
    const seconds = (performance.now() - started) / 1000;
    expect(60 / seconds).toBeLessThan(230);
    expect(60 / seconds).toBeGreaterThan(120);
  });

  it('slows down on -32, once per burst', async () => {
    const limiter = new RateLimiter(60_000);
    limiter.slowDown();
    limiter.slowDown(); // the same burst: counted once
    expect(limiter.currentPerMinute).toBe(42_000);
  });

  it('backs off exponentially with jitter, capped', () => {
    expect(backoffMs(1, () => 0)).toBe(2_500);
    expect(backoffMs(1, () => 1)).toBe(5_000);
    expect(backoffMs(3, () => 1)).toBe(20_000);
    expect(backoffMs(30, () => 1)).toBe(600_000);
  });
});
