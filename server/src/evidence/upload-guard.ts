/**
 * How an upload's body must arrive: whole within `receiveSeconds`, and at least `minBytesPerSecond` in
 * every window of `rateWindowSeconds`. A phone that falls below either gets 408 with a message; its
 * upload queue keeps the photo and sends it again later, when the network may be better. Without
 * this a sender that stalls (or an attacker that trickles) holds its socket and its memory for as long
 * as it likes.
 */
import { AppError } from '../errors.js';

export interface UploadPace {
  receiveSeconds: number;
  minBytesPerSecond: number;
  rateWindowSeconds: number;
}

export class UploadGuard {
  private readonly controller = new AbortController();
  private readonly deadline: NodeJS.Timeout;
  private readonly window: NodeJS.Timeout;
  private inWindow = 0;

  constructor(pace: UploadPace) {
    this.deadline = setTimeout(() => this.giveUp(), pace.receiveSeconds * 1000);
    const windowMs = pace.rateWindowSeconds * 1000;
    this.window = setInterval(() => {
      if (this.inWindow < pace.minBytesPerSecond * pace.rateWindowSeconds) this.giveUp();
      this.inWindow = 0;
    }, windowMs);
  }

  /** Aborted (with the 408 AppError as its reason) when the sender is too slow. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  arrived(bytes: number): void {
    this.inWindow += bytes;
  }

  /** The body is in (or the upload ended otherwise): checking what arrived takes as long as it takes. */
  stop(): void {
    clearTimeout(this.deadline);
    clearInterval(this.window);
  }

  private giveUp(): void {
    this.stop();
    this.controller.abort(new AppError('UPLOAD_TOO_SLOW'));
  }
}
