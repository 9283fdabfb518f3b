/**
 * Bodies are read a few at a time. Fifty phones sending at once, read side by side, all finish at
 * about the same moment, so no photo can be checked until nearly every byte of every photo has arrived;
 * read a few at a time at full speed, the first photos are decoded while the next ones arrive. A sender
 * that stalls (a weak network) gives up its turn after `stallMs` and goes on reading without one, so a
 * slow phone never holds back a fast one. A sender that keeps sending, but slowly (less than
 * `slowBytes` per `stallMs`: a weak link, or someone trickling on purpose), gives it up the same way.
 */
export interface ReceiveTurn {
  /** Data arrived (`bytes` of it; unknown counts as enough): the sender is still moving. */
  progress(bytes?: number): void;
  /** The body is read (or the upload failed): the turn goes to the next upload. */
  done(): void;
}

export class ReceiveTurns {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly slots: number,
    private readonly stallMs = 250,
    /** 64 KB per 250 ms: 256 KB/s, about a fair 3G link; slower senders read without a turn. */
    private readonly slowBytes = 64 * 1024,
  ) {}

  async take(): Promise<ReceiveTurn> {
    if (this.active >= this.slots) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active += 1;
    let held = true;
    const release = () => {
      if (!held) return;
      held = false;
      clearTimeout(timer);
      const next = this.waiting.shift();
      if (next) next();
      else this.active -= 1;
    };
    let timer = setTimeout(release, this.stallMs);
    let moved = 0;
    return {
      progress: (bytes = Number.POSITIVE_INFINITY) => {
        if (!held) return;
        moved += bytes;
        if (moved < this.slowBytes) return; // not yet enough this period: the timer decides
        moved = 0;
        clearTimeout(timer);
        timer = setTimeout(release, this.stallMs);
      },
      done: release,
    };
  }
}
