import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReceiveTurns } from './receive-turns.js';

const taken = async (promise: Promise<unknown>) => {
  let done = false;
  void promise.then(() => {
    done = true;
  });
  await vi.advanceTimersByTimeAsync(0);
  return done;
};

describe('ReceiveTurns', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reads a few bodies at a time; the next starts when one is read', async () => {
    vi.useFakeTimers();
    const turns = new ReceiveTurns(2, 250);
    const first = await turns.take();
    await turns.take();
    const third = turns.take();
    expect(await taken(third)).toBe(false);
    first.done();
    first.done(); // twice gives only one turn away
    expect(await taken(third)).toBe(true);
    expect(await taken(turns.take())).toBe(false);
  });

  it('takes the turn from a sender that stalls, but not from one that keeps sending', async () => {
    vi.useFakeTimers();
    const turns = new ReceiveTurns(1, 250);
    const moving = await turns.take();
    const next = turns.take();
    for (let i = 0; i < 5; i++) {
      await vi.advanceTimersByTimeAsync(200);
      moving.progress();
    }
    expect(await taken(next)).toBe(false);
    await vi.advanceTimersByTimeAsync(250); // no data for 250 ms: a weak network
    expect(await taken(next)).toBe(true);
  });
});
