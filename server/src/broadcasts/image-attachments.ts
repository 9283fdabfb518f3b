/**
 * A post's image goes to a group as a media message naming an uploaded attachment
 * (POST /v2.0/oa/upload/image → attachment_id). One upload serves every group: the id is kept in the
 * database for 6 days (Zalo keeps assets 7), and deliveries sending at once share the same upload.
 */
import type { Db } from '../plugins/db.js';
import { ZaloApiError } from '../zalo/errors.js';
import type { ZaloOaMessenger } from '../zalo/types.js';
import { findAttachment, saveAttachment } from './image-attachments-sql.js';

const KEEP_MS = 6 * 24 * 3_600_000;

/** Reads a post image's stored JPEG (posts/ stores it in the photo store). */
export type ImageLoader = (wardId: string, sha256: string) => Promise<Buffer | undefined>;

export class ImageAttachments {
  private readonly inFlight = new Map<string, Promise<string>>();

  constructor(
    private readonly db: Db,
    private readonly load: ImageLoader | undefined,
  ) {}

  /** The attachment id of the image, uploading it first when none is fresh; `slot` is a rate-limit turn. */
  async attachmentFor(
    messenger: ZaloOaMessenger,
    wardId: string,
    sha256: string,
    now: Date,
    slot: () => Promise<void>,
  ): Promise<string> {
    const known = await this.db.withSystem((client) =>
      findAttachment(client, wardId, sha256, new Date(now.getTime() - KEEP_MS)),
    );
    if (known) return known;
    const key = `${wardId}:${sha256}`;
    let upload = this.inFlight.get(key);
    if (!upload) {
      upload = this.upload(messenger, wardId, sha256, now, slot).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, upload);
    }
    return upload;
  }

  private async upload(
    messenger: ZaloOaMessenger,
    wardId: string,
    sha256: string,
    now: Date,
    slot: () => Promise<void>,
  ): Promise<string> {
    const bytes = this.load ? await this.load(wardId, sha256) : undefined;
    if (!bytes || !messenger.uploadImage)
      throw new ZaloApiError(
        'permanent',
        0,
        'Không đọc được ảnh đính kèm của bài để gửi. Sửa bài, tải ảnh lên lại rồi lên lịch lại.',
      );
    await slot(); // an upload counts against the OA's limit like a send
    try {
      const { attachmentId } = await messenger.uploadImage(bytes, `${sha256.slice(0, 16)}.jpg`, 'image/jpeg');
      await this.db.withSystem((client) =>
        saveAttachment(client, { wardId, sha256, attachmentId, uploadedAt: now }),
      );
      return attachmentId;
    } catch (error) {
      // An upload whose answer was lost sent nothing to the group: retry it, there is nothing to reconcile.
      if (error instanceof ZaloApiError && error.kind === 'unknown')
        throw new ZaloApiError('retryable', error.code, `Tải ảnh lên Zalo chưa xong (${error.explanation})`);
      throw error;
    }
  }
}
