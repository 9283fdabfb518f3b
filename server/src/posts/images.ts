/**
 * A post's image: the upload is decoded (a file that is not an image, or is damaged, is refused before
 * anything is stored) and re-encoded as an upright JPEG without metadata that fits Zalo's image upload
 * (jpg/png, at most 1 MB), so the same bytes are shown in the preview and sent to the groups. Stored
 * once per ward under its sha256 in the photo store.
 */
import { createHash } from 'node:crypto';
import type { PostImage } from '@loa/shared';
import { AppError } from '../errors.js';
import { loadSharp } from '../evidence/image-libraries.js';
import type { PhotoStorage } from '../evidence/storage.js';
import type { Queryable } from '../plugins/db.js';
import * as imagesSql from './images-sql.js';

/** Zalo's upload limit for an image (POST /v2.0/oa/upload/image). */
export const ZALO_IMAGE_MAX_BYTES = 1024 * 1024;
/** What a phone may send: a camera photo is 2–8 MB; larger is refused with a message. */
export const POST_IMAGE_MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** Long edge of the sent image: sharp in a group chat, and fits 1 MB at a good quality. */
const EDGE = 1600;

export const postImageKey = (wardId: string, sha256: string) => `${wardId}/post-images/${sha256}.jpg`;

const mb = (bytes: number) => (bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 });

/** The upload as the JPEG that will be stored and sent. */
export async function prepareImage(
  upload: Buffer,
  maxPixels: number,
): Promise<{ jpeg: Buffer; width: number; height: number }> {
  if (upload.length === 0)
    throw new AppError('PHOTO_MISSING', 'Chưa có ảnh trong yêu cầu. Hãy chọn một ảnh rồi gửi lại.');
  if (upload.length > POST_IMAGE_MAX_UPLOAD_BYTES)
    throw new AppError(
      'PHOTO_TOO_LARGE',
      `Ảnh nặng ${mb(upload.length)} MB, quá giới hạn ${mb(POST_IMAGE_MAX_UPLOAD_BYTES)} MB. Hãy chọn ảnh nhỏ hơn.`,
    );
  const sharp = await loadSharp();
  const options = { limitInputPixels: maxPixels, failOn: 'warning' as const };
  let format: string | undefined;
  try {
    format = (await sharp(upload, options).metadata()).format;
  } catch {
    throw new AppError(
      'PHOTO_NOT_IMAGE',
      'Tệp gửi lên không phải ảnh. Hãy chọn ảnh JPEG, PNG hoặc WebP để đính kèm bài đăng.',
    );
  }
  if (!format || !['jpeg', 'png', 'webp'].includes(format))
    throw new AppError(
      'PHOTO_NOT_IMAGE',
      `Ảnh định dạng ${format ?? 'lạ'} chưa được hỗ trợ. Hãy chọn ảnh JPEG, PNG hoặc WebP.`,
    );
  try {
    for (const [edge, quality] of [
      [EDGE, 82],
      [EDGE, 70],
      [1280, 70],
      [1024, 60],
    ] as const) {
      const { data, info } = await sharp(upload, options)
        .rotate()
        .resize(edge, edge, { fit: 'inside', withoutEnlargement: true })
        .flatten({ background: '#ffffff' })
        .jpeg({ quality, mozjpeg: false })
        .toBuffer({ resolveWithObject: true });
      if (data.length <= ZALO_IMAGE_MAX_BYTES) return { jpeg: data, width: info.width, height: info.height };
    }
  } catch (error) {
    if ((error as Error).message?.includes('pixel limit')) throw new AppError('PHOTO_TOO_MANY_PIXELS');
    throw new AppError(
      'PHOTO_DAMAGED',
      'Ảnh bị hỏng hoặc chưa tải lên trọn vẹn nên không mở được. Hãy chọn lại ảnh.',
    );
  }
  throw new AppError('PHOTO_TOO_LARGE', 'Ảnh quá chi tiết để gửi qua Zalo (tối đa 1 MB). Hãy chọn ảnh khác.');
}

/** Decodes, stores (bytes first, then the row, so a row never names missing bytes) and records the image. */
export async function savePostImage(
  db: Queryable,
  storage: PhotoStorage,
  session: { wardId: string; memberId?: string },
  upload: Buffer,
  maxPixels: number,
): Promise<PostImage> {
  const { jpeg, width, height } = await prepareImage(upload, maxPixels);
  const sha256 = createHash('sha256').update(jpeg).digest('hex');
  await storage.putBuffer(postImageKey(session.wardId, sha256), jpeg);
  await imagesSql.insertImage(db, {
    wardId: session.wardId,
    sha256,
    width,
    height,
    bytes: jpeg.length,
    createdBy: session.memberId ?? null,
  });
  return { sha256, width, height, bytes: jpeg.length };
}
