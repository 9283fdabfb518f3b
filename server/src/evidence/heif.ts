/**
 * HEIC/HEIF photos (iPhones by default, many Android phones): decoded by libheif compiled to
 * WebAssembly (`heic-decode` over `libheif-js`, pinned), in a worker per photo, into RGBA pixels that
 * sharp then thumbnails like any other photo. The upload itself is stored unchanged, so its EXIF time
 * and GPS stay readable (exifr reads HEIC) and the original is the evidence.
 *
 * A file shorter than its own boxes declare is refused before decoding: libheif would fill the missing
 * tiles with grey and call it a photo (see heif-boxes.ts).
 *
 * Limits: the pipeline's byte limit applies before this; the pixel limit is checked on the HEIF
 * header before decoding; a decode that runs past HEIF_DECODE_TIMEOUT_MS is stopped (the worker is
 * terminated) and answered as a photo we cannot open.
 */
import { Worker } from 'node:worker_threads';
import { AppError } from '../errors.js';
import { heifCompleteness } from './heif-boxes.js';

/** A 12 MP iPhone photo takes 1–5 s on a loaded 2-core server; four times that is not a photo. */
export const HEIF_DECODE_TIMEOUT_MS = 30_000;

const CUT_SHORT =
  'Ảnh HEIC bị hỏng: tệp chưa trọn vẹn (bị cắt, thiếu một phần dữ liệu) nên không dùng làm minh chứng được. Hãy chọn lại ảnh gốc trong thư viện rồi gửi lại.';

const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1']);

/** ISO-BMFF `ftyp` with a HEIF major brand. */
export function isHeif(head: Buffer): boolean {
  return (
    head.length >= 12 &&
    head.toString('latin1', 4, 8) === 'ftyp' &&
    HEIF_BRANDS.has(head.toString('latin1', 8, 12))
  );
}

export interface DecodedPixels {
  width: number;
  height: number;
  /** RGBA, 4 bytes per pixel, upright. */
  data: Buffer;
}

type WorkerAnswer =
  | { width: number; height: number; pixels: Uint8Array }
  | { error: 'pixels'; width: number; height: number }
  | { error: 'damaged'; detail: string };

export function decodeHeif(
  photo: Buffer,
  limits: { maxPixels: number; timeoutMs?: number },
  onPixelLimit: () => AppError,
): Promise<DecodedPixels> {
  const completeness = heifCompleteness(photo);
  if (!completeness.complete) return Promise.reject(new AppError('PHOTO_DAMAGED', CUT_SHORT));
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./heif-worker.mjs', import.meta.url));
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      outcome();
    };
    const timer = setTimeout(
      () =>
        finish(() =>
          reject(
            new AppError(
              'PHOTO_DAMAGED',
              'Ảnh HEIC này xử lý quá lâu nên không mở được. Hãy chọn lại ảnh, hoặc chụp bằng nút "Chụp ảnh minh chứng" trong ứng dụng.',
            ),
          ),
        ),
      limits.timeoutMs ?? HEIF_DECODE_TIMEOUT_MS,
    );
    worker.once('message', (answer: WorkerAnswer) =>
      finish(() => {
        if ('pixels' in answer) {
          const data = Buffer.from(answer.pixels.buffer, answer.pixels.byteOffset, answer.pixels.byteLength);
          resolve({ width: answer.width, height: answer.height, data });
        } else if (answer.error === 'pixels') reject(onPixelLimit());
        else reject(new AppError('PHOTO_DAMAGED'));
      }),
    );
    // The WebAssembly ran out of memory or aborted on a malformed file: the photo, not the server.
    worker.once('error', () => finish(() => reject(new AppError('PHOTO_DAMAGED'))));
    worker.once('exit', () => finish(() => reject(new AppError('PHOTO_DAMAGED'))));
    // A copy, handed over: the caller's buffer is memory lent by UploadMemory, reused after the upload.
    const copy = new Uint8Array(photo);
    worker.postMessage({ buffer: copy, maxPixels: limits.maxPixels }, [copy.buffer]);
  });
}
