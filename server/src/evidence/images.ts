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
import { loadSharp } from './image-libraries.js';
import { DHASH_HEIGHT, DHASH_WIDTH, dHashFromGrey } from './phash.js';
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
 * sharp runs on libuv's threadpool, which also serves file reads and writes, and its work competes
 * with the event loop for the cores. Decodes take turns, one fewer than the cores, leaving one core
 * for the event loop (receiving bodies, the database). Measured with `npm run bench:photos` on 2
 * cores: 1 slot → loop delay p99 40–45 ms at 17–18 photos/s; 2 slots → 54–60 ms at ~20 photos/s.
 */
const decodeSlots = new Semaphore(Math.max(1, availableParallelism() - 1));

/**
 * Decodes the whole image (a truncated file fails here, not later) with a pixel limit checked on the
 * header first, so a decompression bomb is refused before any pixel is decoded. The thumbnail is
 * upright and carries no metadata (sharp drops it unless asked).
 */
export async function checkAndThumbnail(photo: Buffer, maxPixels: number): Promise<CheckedPhoto> {
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
    const pixels = {
      raw: { width: small.info.width, height: small.info.height, channels: small.info.channels },
    };
    const [thumb, grey] = await Promise.all([
      sharp(small.data, pixels).jpeg({ quality: 72 }).toBuffer(),
      sharp(small.data, pixels)
        .greyscale()
        .resize(DHASH_WIDTH, DHASH_HEIGHT, { fit: 'fill' })
        .raw()
        .toBuffer(),
    ]);
    return { width, height, thumb, phash: dHashFromGrey(grey) };
  } catch (error) {
    throw decodeError(error, maxPixels);
  }
}

/** The display copy of a stored original: upright, at most DISPLAY_EDGE, every metadata stripped. */
export async function renderDisplayCopy(original: Buffer, maxPixels: number): Promise<Buffer> {
  const sharp = await loadSharp();
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
