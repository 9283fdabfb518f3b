/**
 * Decoding. An upload is decoded once, shrunk while decoding, into the upright thumbnail and the
 * perceptual hash; the full-size display copy is rendered from the stored original the first time
 * someone opens the photo (`display-copies.ts`).
 *
 * Why the display copy waits: a 1024 px copy needs the original decoded at 1/2 scale (about twice
 * the CPU of the whole upload otherwise), while the review queue and the team's list show only
 * thumbnails, and on campaign morning 17 teams upload at once from weak networks. Rendering on first
 * view moves that cost off the upload burst and skips it for photos nobody opens full size.
 */
import { availableParallelism } from 'node:os';
import type { SharpOptions } from 'sharp';
import { AppError } from '../errors.js';
import { decodeHeif, isHeif } from './heif.js';
import { loadSharp } from './image-libraries.js';
import { dHashOfPixels } from './phash.js';
import { Semaphore } from './semaphore.js';

/** Long edge of the display copy: a phone screen's width in device pixels, small on a weak network. */
export const DISPLAY_EDGE = 1024;
export const THUMB_EDGE = 320;

export interface CheckedPhoto {
  width: number;
  height: number;
  thumb: Buffer;
  phash: string;
}

/**
 * sharp runs on libuv's threadpool, which also serves file reads and writes. Decodes take turns, one
 * per core: more would only interleave on the same cores and hold more decode memory at once. Measured
 * with `npm run bench:photos` on 2 cores (50 uploads at once): 1 slot left a core idle while the event
 * loop waited (ratio 0.37, loop delay p99 26 ms); 2 slots 0.52, p99 22 ms; 3 slots 0.49, p99 40 ms.
 */
const decodeSlots = new Semaphore(availableParallelism());

/**
 * Decodes the whole image (a truncated file fails here, not later) with a pixel limit checked on the
 * header first, so a decompression bomb is refused before any pixel is decoded. The thumbnail is
 * upright and carries no metadata (sharp drops it unless asked).
 */
export async function checkAndThumbnail(photo: Buffer, maxPixels: number): Promise<CheckedPhoto> {
  if (isHeif(photo)) return thumbnailHeif(photo, maxPixels);
  const sharp = await loadSharp();
  const options = { limitInputPixels: maxPixels, failOn: 'warning' as const };
  const { width, height } = await uprightSize(photo, options, maxPixels);
  try {
    // Only the full decode takes a slot: a slot held across the small steps around it would sit idle
    // each time it waits for the busy event loop to start the next step.
    // libjpeg scales by 1/8 while decoding (shrink-on-load), yet reads every coded byte, so this one
    // pass is also the integrity check.
    const small = await decodeSlots.run(() =>
      sharp(photo, options)
        .rotate()
        .resize(THUMB_EDGE, THUMB_EDGE, { fit: 'inside', withoutEnlargement: true })
        .raw({ depth: 'uchar' })
        .toBuffer({ resolveWithObject: true }),
    );
    return { width, height, ...(await thumbAndHash(small)) };
  } catch (error) {
    throw decodeError(error, maxPixels);
  }
}

/** HEIC/HEIF: decoded whole (no shrink-on-load in libheif) in a worker, then shrunk by sharp. */
async function thumbnailHeif(photo: Buffer, maxPixels: number): Promise<CheckedPhoto> {
  const sharp = await loadSharp();
  const pixels = await decodeSlots.run(() => decodeHeif(photo, { maxPixels }, () => pixelError(maxPixels)));
  const small = await sharp(pixels.data, { raw: { width: pixels.width, height: pixels.height, channels: 4 } })
    .removeAlpha()
    .resize(THUMB_EDGE, THUMB_EDGE, { fit: 'inside', withoutEnlargement: true })
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true });
  return { width: pixels.width, height: pixels.height, ...(await thumbAndHash(small)) };
}

async function thumbAndHash(small: {
  data: Buffer;
  info: { width: number; height: number; channels: number };
}): Promise<{ thumb: Buffer; phash: string }> {
  const sharp = await loadSharp();
  const { width: thumbWidth, height: thumbHeight, channels } = small.info;
  const thumb = await sharp(small.data, {
    raw: { width: thumbWidth, height: thumbHeight, channels: channels as 3 },
  })
    // Per-image Huffman tables would double this small encode's CPU for ~3 % of 20 KB.
    .jpeg({ quality: 72, optimiseCoding: false })
    .toBuffer();
  const phash = dHashOfPixels({ data: small.data, width: thumbWidth, height: thumbHeight, channels });
  return { thumb, phash };
}

/** The display copy of a stored original: upright, at most DISPLAY_EDGE, every metadata stripped. */
export async function renderDisplayCopy(original: Buffer, maxPixels: number): Promise<Buffer> {
  const sharp = await loadSharp();
  if (isHeif(original)) {
    const pixels = await decodeSlots.run(() =>
      decodeHeif(original, { maxPixels }, () => pixelError(maxPixels)),
    );
    return sharp(pixels.data, { raw: { width: pixels.width, height: pixels.height, channels: 4 } })
      .removeAlpha()
      .resize(DISPLAY_EDGE, DISPLAY_EDGE, { fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 80, optimiseCoding: false })
      .toBuffer();
  }
  return decodeSlots.run(() =>
    sharp(original, { limitInputPixels: maxPixels })
      .rotate()
      .resize(DISPLAY_EDGE, DISPLAY_EDGE, { fit: 'inside', withoutEnlargement: true })
      // Huffman tables optimised per image cost more than the rest of the encode for ~3 % of bytes.
      .jpeg({ quality: 80, optimiseCoding: false })
      .toBuffer(),
  );
}

async function uprightSize(photo: Buffer, options: SharpOptions, maxPixels: number) {
  let width: number;
  let height: number;
  try {
    const sharp = await loadSharp();
    const meta = await sharp(photo, options).metadata();
    width = meta.autoOrient?.width ?? meta.width ?? 0;
    height = meta.autoOrient?.height ?? meta.height ?? 0;
  } catch (error) {
    throw decodeError(error, maxPixels);
  }
  if (!width || !height) throw new AppError('PHOTO_DAMAGED');
  if (width * height > maxPixels) throw pixelError(maxPixels);
  return { width, height };
}

function pixelError(maxPixels: number): AppError {
  return new AppError(
    'PHOTO_TOO_MANY_PIXELS',
    `Ảnh có quá nhiều điểm ảnh (tối đa ${Math.round(maxPixels / 1e6)} triệu). Hãy gửi ảnh chụp bằng điện thoại thông thường.`,
  );
}

function decodeError(error: unknown, maxPixels: number): AppError {
  if (error instanceof AppError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (/pixel limit/i.test(message)) return pixelError(maxPixels);
  return new AppError('PHOTO_DAMAGED');
}
