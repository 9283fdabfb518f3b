/**
 * The photo pipeline's intake: receive (into memory, hashing as it goes, with a size limit),
 * sniff the real content type and read EXIF. Decoding lives in `images.ts`. Nothing here touches the
 * database.
 */
import { createHash } from 'node:crypto';
import { WARD_UTC_OFFSET } from '@loa/shared';
import { AppError } from '../errors.js';
import { isHeif } from './heif.js';
import { loadExifr } from './image-libraries.js';

export type PhotoMime = 'image/jpeg' | 'image/png' | 'image/webp' | 'image/heic';
export const extensionOf: Record<PhotoMime, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  // HEIC and HEIF (Android) alike: one container, the original kept as sent (see heif.ts).
  'image/heic': 'heic',
};

export interface ReceivedPhoto {
  sha256: string;
  bytes: number;
  body: Buffer;
}

/**
 * Reads an upload into `into` (memory lent by `UploadMemory`), then hashes it; 413 once it passes
 * `maxBytes`. Memory, not a temp file: a photo is a few MB, decoding reads it from memory, and only a
 * checked photo is ever written (once). Each chunk is copied as it arrives, so the socket's buffers
 * are freed and reused at once.
 */
export async function receivePhoto(
  source: NodeJS.ReadableStream & { truncated?: boolean },
  maxBytes: number,
  into: Buffer,
  /** Told of each chunk; a promise it returns pauses reading until it settles (see UploadMemory.open). */
  onProgress: (bytes: number) => Promise<void> | undefined | void = () => undefined,
): Promise<ReceivedPhoto> {
  let target = into;
  let bytes = 0;
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      if (bytes + chunk.length > maxBytes) throw new AppError('PHOTO_TOO_LARGE', tooLargeMessage(maxBytes));
      if (bytes + chunk.length > target.length) {
        // Only when the client's Content-Length understated the body: grow (rare, not reused).
        const larger = Buffer.allocUnsafe(
          Math.min(maxBytes, Math.max(bytes + chunk.length, target.length * 2)),
        );
        target.copy(larger, 0, 0, bytes);
        target = larger;
      }
      chunk.copy(target, bytes);
      bytes += chunk.length;
      const paused = onProgress(chunk.length);
      if (paused) await paused;
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('PHOTO_TOO_LARGE', tooLargeMessage(maxBytes));
    // The connection dropped mid-file: the phone keeps the photo in its queue and sends it again.
    throw new AppError('PHOTO_DAMAGED', 'Ảnh chưa được gửi trọn vẹn do mất kết nối. Hãy gửi lại.');
  }
  if (source.truncated) throw new AppError('PHOTO_TOO_LARGE', tooLargeMessage(maxBytes));
  if (bytes === 0) throw new AppError('PHOTO_MISSING');
  const body = target.subarray(0, bytes);
  return { sha256: createHash('sha256').update(body).digest('hex'), bytes, body };
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
  if (isHeif(head)) return 'image/heic';
  throw new AppError('PHOTO_NOT_IMAGE');
}

export interface PhotoExif {
  takenAt: Date | undefined;
  lat: number | undefined;
  lng: number | undefined;
}

/**
 * EXIF time and GPS. A naive EXIF time is taken as the ward's time (the photo was taken there) unless
 * the camera wrote its own offset. Malformed EXIF is treated as absent: the photo still counts, and the
 * flags say what is missing.
 */
export async function readExif(source: Buffer, log?: (error: unknown) => void): Promise<PhotoExif> {
  let tags: Record<string, unknown> | undefined;
  try {
    const exifr = await loadExifr();
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
  const offset = typeof tags?.OffsetTimeOriginal === 'string' ? tags.OffsetTimeOriginal : WARD_UTC_OFFSET;
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
  return /^[+-]\d{2}:\d{2}$/.test(offset) ? offset : WARD_UTC_OFFSET;
}
