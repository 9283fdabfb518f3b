// Decodes one HEIC/HEIF photo (libheif compiled to WebAssembly: no native binary) in a worker thread,
// so the 1–5 s decode of a 12 MP phone photo never holds the server's event loop, and a photo that
// takes too long can be stopped (`worker.terminate()`). Plain JavaScript: it runs as is under tsx,
// vitest and plain node. Protocol: one message in { buffer, maxPixels }, one message out.
import { createRequire } from 'node:module';
import { parentPort } from 'node:worker_threads';

// libheif prints its parse errors itself; the server answers with its own message instead.
console.log = () => undefined;
console.error = () => undefined;
console.warn = () => undefined;

const decode = createRequire(import.meta.url)('heic-decode');

parentPort.once('message', async ({ buffer, maxPixels }) => {
  let images;
  try {
    images = await decode.all({ buffer: Buffer.from(buffer) });
    const primary = images[0];
    // The header's size, before any pixel is decoded (a decompression bomb stops here).
    if (primary.width * primary.height > maxPixels) {
      parentPort.postMessage({ error: 'pixels', width: primary.width, height: primary.height });
      return;
    }
    // libheif applies the container's rotation and mirroring (irot/imir): the pixels come out upright.
    const { width, height, data } = await primary.decode();
    const pixels = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    parentPort.postMessage({ width, height, pixels }, [pixels.buffer]);
  } catch (error) {
    parentPort.postMessage({ error: 'damaged', detail: String(error?.message ?? error) });
  } finally {
    images?.dispose();
  }
});
