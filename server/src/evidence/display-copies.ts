/**
 * Display copies on demand: the first request for a photo's display copy renders it from the stored
 * original and stores it under its content-addressed key; later requests read it. Requests for the
 * same photo while it renders share one rendering. Two instances rendering at once write the same
 * bytes under the same key, atomically, so the race is harmless.
 */
import { renderDisplayCopy } from './images.js';
import type { PhotoStorage } from './storage.js';

export interface DisplayKeys {
  originalKey: string;
  displayKey: string;
}

export class DisplayCopies {
  private readonly rendering = new Map<string, Promise<Buffer>>();

  constructor(
    private readonly storage: PhotoStorage,
    private readonly maxPixels: number,
  ) {}

  async get(keys: DisplayKeys): Promise<Buffer> {
    const stored = await this.storage.getIfExists(keys.displayKey);
    if (stored) return stored;
    let pending = this.rendering.get(keys.displayKey);
    if (!pending) {
      pending = this.render(keys).finally(() => this.rendering.delete(keys.displayKey));
      this.rendering.set(keys.displayKey, pending);
    }
    return pending;
  }

  private async render(keys: DisplayKeys): Promise<Buffer> {
    const display = await renderDisplayCopy(await this.storage.get(keys.originalKey), this.maxPixels);
    await this.storage.putBuffer(keys.displayKey, display);
    return display;
  }
}
