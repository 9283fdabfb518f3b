import { describe, expect, it } from 'vitest';
import { UploadMemory } from './upload-memory.js';

const MB = 1024 * 1024;

const settled = async (promise: Promise<unknown>) => {
  let done = false;
  void promise.then(() => {
    done = true;
  });
  await new Promise((resolve) => setImmediate(resolve));
  return done;
};

describe('UploadMemory', () => {
  it('lets uploads in while they fit and holds the next one until memory is released', async () => {
    const memory = new UploadMemory(10 * MB);
    const first = await memory.reserve(6 * MB);
    await memory.reserve(3 * MB);
    const third = memory.reserve(4 * MB);
    expect(await settled(third)).toBe(false);
    first.release();
    expect(await settled(third)).toBe(true);
  });

  it('serves waiting uploads in arrival order, so a large photo is not overtaken forever', async () => {
    const memory = new UploadMemory(10 * MB);
    const held = await memory.reserve(8 * MB);
    const large = memory.reserve(9 * MB);
    const small = memory.reserve(1); // would fit beside the 8 MB, but the 9 MB photo came first
    expect(await settled(small)).toBe(false);
    held.release();
    expect(await settled(large)).toBe(true);
    expect(await settled(small)).toBe(true);
  });

  it('lends a buffer at least as large as asked and lends the same memory again after release', async () => {
    const memory = new UploadMemory(10 * MB);
    const first = await memory.reserve(1.4 * MB);
    expect(first.buffer.length).toBeGreaterThanOrEqual(1.4 * MB);
    first.buffer.write('photo one');
    first.release();
    const second = await memory.reserve(1.2 * MB);
    expect(second.buffer.toString('utf8', 0, 9)).toBe('photo one');
  });

  it('caps a reservation at the capacity, ignores a second release and keeps within the capacity', async () => {
    const memory = new UploadMemory(10 * MB);
    const huge = await memory.reserve(50 * MB);
    expect(huge.buffer.length).toBe(10 * MB);
    huge.release();
    huge.release();
    const small = await memory.reserve(1 * MB);
    expect(small.buffer.length).toBe(10 * MB); // the free 10 MB slab is reused rather than a new one
    small.release();
    const a = await memory.reserve(10 * MB);
    expect(await settled(memory.reserve(1))).toBe(false);
    a.release();
  });

  it('counts opened uploads as their bytes arrive: slow ones announcing large photos block nobody', async () => {
    const memory = new UploadMemory(10 * MB);
    // Three announced 9 MB photos that have sent little so far.
    const slow = [memory.open(9 * MB), memory.open(9 * MB), memory.open(9 * MB)];
    for (const lease of slow) expect(lease.arrived(64 * 1024)).toBeUndefined();
    const normal = memory.open(1 * MB);
    expect(normal.arrived(1 * MB)).toBeUndefined(); // no wait: only what arrived counts
    normal.release();
  });

  it('pauses all but the oldest upload once the arrived bytes pass the budget, until memory frees', async () => {
    const memory = new UploadMemory(10 * MB);
    const oldest = memory.open(6 * MB);
    const younger = memory.open(6 * MB);
    expect(oldest.arrived(5 * MB)).toBeUndefined();
    const paused = younger.arrived(6 * MB) as Promise<void>;
    expect(await settled(paused)).toBe(false);
    expect(oldest.arrived(1 * MB)).toBeUndefined(); // the oldest always goes on: no deadlock
    oldest.release();
    expect(await settled(paused)).toBe(true);
    const aborted = new AbortController();
    const third = memory.open(9 * MB);
    const waiting = third.arrived(9 * MB, aborted.signal) as Promise<void>;
    aborted.abort(new Error('too slow'));
    await expect(waiting).rejects.toThrow('too slow');
  });
});
