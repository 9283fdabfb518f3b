/**
 * A zip written as a stream with fflate, one entry at a time, honouring the reader's pace: each
 * entry waits until the previous bytes have drained, so a slow phone holds at most one photo in
 * memory, and the event loop gets a turn between entries. Photos are stored as they are (a JPEG
 * does not deflate); XML parts are deflated.
 */
import { PassThrough, type Readable } from 'node:stream';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';

/** About 2–3 ms of deflate on a slow core. */
const DEFLATE_SLICE = 128 * 1024;

export class ZipWriter {
  readonly stream: PassThrough;
  private readonly zip: Zip;

  constructor() {
    this.stream = new PassThrough({ highWaterMark: 256 * 1024 });
    this.zip = new Zip((error, chunk, final) => {
      if (error) {
        this.stream.destroy(error);
        return;
      }
      if (!this.stream.destroyed) this.stream.write(chunk);
      if (final) this.stream.end();
    });
  }

  /** The reader went away: stop producing. */
  get closed(): boolean {
    return this.stream.destroyed;
  }

  async add(name: string, bytes: Uint8Array, compress: boolean): Promise<void> {
    if (this.closed) return;
    const entry = compress ? new ZipDeflate(name, { level: 6 }) : new ZipPassThrough(name);
    this.zip.add(entry);
    // Deflating a thousand photos' worth of document XML at once would hold the event loop for tens of
    // milliseconds: it goes in slices, with a turn for other requests between them.
    const slice = compress ? DEFLATE_SLICE : bytes.length;
    for (let start = 0; start < bytes.length || start === 0; start += slice) {
      const end = Math.min(bytes.length, start + slice);
      entry.push(bytes.subarray(start, end), end === bytes.length);
      if (end === bytes.length) break;
      await this.drained();
      if (this.closed) return;
    }
    await this.drained();
  }

  end(): Readable {
    this.zip.end();
    return this.stream;
  }

  private drained(): Promise<void> {
    const stream = this.stream;
    if (stream.destroyed) return Promise.resolve();
    if (!stream.writableNeedDrain) return new Promise((resolve) => setImmediate(resolve));
    return new Promise((resolve) => {
      const done = () => {
        stream.off('drain', done);
        stream.off('close', done);
        resolve();
      };
      stream.on('drain', done);
      stream.on('close', done);
    });
  }
}
