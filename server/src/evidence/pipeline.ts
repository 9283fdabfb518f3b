/**
 * The photo pipeline: receive (stream to a temp file, hashing as it goes, with a size limit), sniff the
 * real content type, decode for real with a pixel limit, read EXIF, and derive the stripped display
 * copy, the upright thumbnail and the perceptual hash. Nothing here touches the database.
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import exifr from 'exifr';
import sharp from 'sharp';
import { AppError } from '../errors.js';
import { DHASH_HEIGHT, DHASH_WIDTH, dHashFromGrey } from './phash.js';
import { Semaphore } from './semaphore.js';

/** Long edge of the display copy: a phone screen's width in device pixels, small on a weak network. */
export const DISPLAY_EDGE = 1024;
export const THUMB_EDGE = 320;

export type PhotoMime = 'image/jpeg' | 'image/png' | 'image/webp';
export const extensionOf: Record<PhotoMime, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
};

export interface ReceivedFile {
  sha256: string;
  bytes: number;
  /** The first HEAD_BYTES: enough to sniff the type and, for a JPEG, to hold its EXIF segment. */
  head: Buffer;
}

/** JPEG APP1 (EXIF) segments are at most 64 KB and come first; keep room for an APP0/JFIF before it. */
const HEAD_BYTES = 192 * 1024;

/** Streams an upload to `tempPath`, hashing it on the way; 413 once it passes `maxBytes`. */
export async function receiveToTemp(
  source: NodeJS.ReadableStream & { truncated?: boolean },
  tempPath: string,
  maxBytes: number,
): Promise<ReceivedFile> {
  const hash = createHash('sha256');
  let bytes = 0;
  // The head is kept as the chunks themselves and joined once: the parser hands over small chunks,
  // and joining on every chunk copied the growing head again each time (most of the upload's CPU).
  const headChunks: Buffer[] = [];
  let headBytes = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      if (bytes > maxBytes) return done(new AppError('PHOTO_TOO_LARGE', tooLargeMessage(maxBytes)));
      if (headBytes < HEAD_BYTES) {
        const part = chunk.subarray(0, HEAD_BYTES - headBytes);
        headChunks.push(part);
        headBytes += part.length;
      }
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(source, meter, createWriteStream(tempPath));
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('PHOTO_TOO_LARGE', tooLargeMessage(maxBytes));
    if (code === 'ENOSPC' || code === 'EACCES' || code === 'EROFS') throw error; // ours: a logged 500
    // The connection dropped mid-file: the phone keeps the photo in its queue and sends it again.
    throw new AppError('PHOTO_DAMAGED', 'Ảnh chưa được gửi trọn vẹn do mất kết nối. Hãy gửi lại.');
  }
  if (source.truncated) throw new AppError('PHOTO_TOO_LARGE', tooLargeMessage(maxBytes));
  if (bytes === 0) throw new AppError('PHOTO_MISSING');
  return { sha256: hash.digest('hex'), bytes, head: Buffer.concat(headChunks, headBytes) };
}

export function tooLargeMessage(maxBytes: number): string {
  const mb = Math.floor(maxBytes / (1024 * 1024));
  return `Ảnh quá lớn (tối đa ${mb} MB). Hãy chụp lại với chất lượng thấp hơn hoặc chọn ảnh nhỏ hơn.`;
}

/** What the first bytes say the file is; the file name and the client's content type are ignored. */
export function sniff(head: Buffer): PhotoMime {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  if (head.toString('latin1', 0, 4) === 'RIFF' && head.toString('latin1', 8, 12) === 'WEBP')
    return 'image/webp';
  if (head.toString('latin1', 4, 8) === 'ftyp') {
    const brand = head.toString('latin1', 8, 12);
    if (['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1'].includes(brand))
      throw new AppError('PHOTO_HEIC');
  }
  throw new AppError('PHOTO_NOT_IMAGE');
}

export interface PhotoExif {
  takenAt: Date | undefined;
  lat: number | undefined;
  lng: number | undefined;
}

const WARD_OFFSET = '+07:00'; // Asia/Ho_Chi_Minh has no daylight saving time

/**
 * EXIF time and GPS. A naive EXIF time is taken as the ward's time (the photo was taken there) unless
 * the camera wrote its own offset. Malformed EXIF is treated as absent: the photo still counts, and the
 * flags say what is missing.
 */
export async function readExif(source: string | Buffer, log?: (error: unknown) => void): Promise<PhotoExif> {
  let tags: Record<string, unknown> | undefined;
  try {
    tags = await exifr.parse(source, {
      reviveValues: false,
      translateValues: false,
      gps: true,
      pick: [
        'DateTimeOriginal',
        'CreateDate',
        'OffsetTimeOriginal',
        'GPSLatitude',
        'GPSLatitudeRef',
        'GPSLongitude',
        'GPSLongitudeRef',
      ],
    });
  } catch (error) {
    log?.(error);
    return { takenAt: undefined, lat: undefined, lng: undefined };
  }
  const raw = (tags?.DateTimeOriginal ?? tags?.CreateDate) as string | undefined;
  const offset = typeof tags?.OffsetTimeOriginal === 'string' ? tags.OffsetTimeOriginal : WARD_OFFSET;
  const match = typeof raw === 'string' ? /^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})/.exec(raw) : null;
  const takenAt = match
    ? new Date(
        `${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}${validOffset(offset)}`,
      )
    : undefined;
  const lat = Number(tags?.latitude);
  const lng = Number(tags?.longitude);
  const hasGps = Number.isFinite(lat) && Number.isFinite(lng) && Math.abs(lat) <= 90 && Math.abs(lng) <= 180;
  return {
    takenAt: takenAt && !Number.isNaN(takenAt.getTime()) ? takenAt : undefined,
    lat: hasGps && !(lat === 0 && lng === 0) ? lat : undefined,
    lng: hasGps && !(lat === 0 && lng === 0) ? lng : undefined,
  };
}

function validOffset(offset: string): string {
  return /^[+-]\d{2}:\d{2}$/.test(offset) ? offset : WARD_OFFSET;
}

export interface DerivedPhoto {
  width: number;
  height: number;
  display: Buffer;
  thumb: Buffer;
  phash: string;
}

/**
 * Decodes the whole image (a truncated file fails here, not later) with a pixel limit checked on the
 * header first, so a decompression bomb is refused before any pixel is decoded. The display copy and
 * the thumbnail are written without metadata (sharp drops it unless asked), after auto-rotation.
 */
export async function derivePhoto(path: string, maxPixels: number): Promise<DerivedPhoto> {
  return decodeSlots.run(() => deriveNow(path, maxPixels));
}

/**
 * sharp runs on libuv's threadpool (4 threads by default), which also serves every file read and
 * write, and its work competes with the event loop for the cores. Fifty uploads decoding at once
 * would starve both, so decodes take turns: one fewer than the cores, leaving one core for the event
 * loop (request parsing, hashing, the database) and the pool free for I/O. Measured with
 * `npm run bench:photos` on 2 cores: loop delay p99 58 ms instead of 83 ms at the same throughput.
 */
const decodeSlots = new Semaphore(Math.max(1, availableParallelism() - 1));

async function deriveNow(path: string, maxPixels: number): Promise<DerivedPhoto> {
  const options = { limitInputPixels: maxPixels, failOn: 'warning' as const };
  let width: number;
  let height: number;
  try {
    const meta = await sharp(path, options).metadata();
    width = meta.autoOrient?.width ?? meta.width ?? 0;
    height = meta.autoOrient?.height ?? meta.height ?? 0;
  } catch (error) {
    throw decodeError(error, maxPixels);
  }
  if (!width || !height) throw new AppError('PHOTO_DAMAGED');
  if (width * height > maxPixels) throw pixelError(maxPixels);
  try {
    // The one decode of the original: libjpeg scales by 1/2, 1/4 or 1/8 while decoding (shrink-on-
    // load), and failOn makes this same pass the integrity check. Huffman tables optimised per image
    // cost more than the rest of the encode for about 3% of bytes.
    const display = await sharp(path, options)
      .rotate()
      .resize(DISPLAY_EDGE, DISPLAY_EDGE, { fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 80, optimiseCoding: false })
      .toBuffer();
    // The thumbnail and the hash come from the small display copy, decoded once more (itself shrunk
    // on load) into thumbnail-sized pixels. Measured against keeping the display's raw pixels in
    // memory: cheaper, since a streamed libvips pipeline never materialises the 1024 px image.
    const small = await sharp(display)
      .resize(THUMB_EDGE, THUMB_EDGE, { fit: 'inside' })
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
    const pixels = {
      raw: { width: small.info.width, height: small.info.height, channels: small.info.channels },
    };
    const thumb = await sharp(small.data, pixels).jpeg({ quality: 72 }).toBuffer();
    const grey = await sharp(small.data, pixels)
      .greyscale()
      .resize(DHASH_WIDTH, DHASH_HEIGHT, { fit: 'fill' })
      .raw()
      .toBuffer();
    return { width, height, display, thumb, phash: dHashFromGrey(grey) };
  } catch (error) {
    throw decodeError(error, maxPixels);
  }
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
