/**
 * At most `slots` reports build at once and `queue` wait; any more are refused with a message to try
 * again shortly. A report holds its slot until its file has been sent (or the reader went away), so
 * the photos of only a few reports are ever in flight and the server keeps answering everyone else.
 */
import { AppError } from '../errors.js';

export class BuildSlots {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly slots: number,
    private readonly queue: number,
  ) {}

  /** Resolves with the function that frees the slot; calling it twice frees it once. */
  async acquire(): Promise<() => void> {
    if (this.active >= this.slots) {
      if (this.waiting.length >= this.queue) throw new AppError('REPORT_BUSY');
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.active += 1;
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.active -= 1;
    };
  }
}
