/**
 * Photos in an S3-compatible store (MinIO, AWS S3, a Vietnamese cloud), chosen with PHOTO_STORAGE=s3.
 * A PUT is atomic on S3: an object is visible whole or not at all, so there is no temp-then-rename.
 * Keys are the same content-addressed keys as on local disk.
 */
import {
  DeleteObjectCommand,
  GetObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import type { S3Config } from '../config.js';
import { AppError } from '../errors.js';
import type { PhotoStorage } from './storage.js';

export class S3Storage implements PhotoStorage {
  static readonly CHECK_KEY = '.loa-phuong-check';
  private readonly client: S3Client;

  constructor(
    private readonly config: S3Config,
    /** Told about every failed call; the caller gets PHOTO_STORAGE_UNAVAILABLE (503, retried). */
    private readonly onFailure: (error: unknown, key: string) => void = () => undefined,
  ) {
    this.client = new S3Client({
      region: config.region,
      endpoint: config.endpoint,
      forcePathStyle: config.forcePathStyle,
      credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
      // Newer SDKs add CRC checksums that some S3-compatible stores refuse; send them only when needed.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      // A store that does not answer must not hold an upload (or the start) for minutes.
      requestHandler: { connectionTimeout: 5_000, requestTimeout: 30_000 },
    });
  }

  async putBuffer(key: string, bytes: Buffer): Promise<void> {
    await this.guard(key, () =>
      this.client.send(
        new PutObjectCommand({
          Bucket: this.config.bucket,
          Key: key,
          Body: bytes,
          ContentLength: bytes.length,
          ContentType: key.endsWith('.jpg') ? 'image/jpeg' : 'application/octet-stream',
        }),
      ),
    );
  }

  async get(key: string): Promise<Buffer> {
    const found = await this.getIfExists(key);
    if (!found) throw new Error(`photo object ${key} is missing from bucket ${this.config.bucket}`);
    return found;
  }

  getIfExists(key: string): Promise<Buffer | undefined> {
    return this.guard(key, async () => {
      try {
        const object = await this.client.send(new GetObjectCommand({ Bucket: this.config.bucket, Key: key }));
        return object.Body ? Buffer.from(await object.Body.transformToByteArray()) : undefined;
      } catch (error) {
        if (error instanceof NoSuchKey) return undefined;
        if (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404) return undefined;
        throw error;
      }
    });
  }

  async remove(key: string): Promise<void> {
    await this.guard(key, () =>
      this.client.send(new DeleteObjectCommand({ Bucket: this.config.bucket, Key: key })),
    );
  }

  private async guard<T>(key: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      this.onFailure(error, key);
      throw Object.assign(new AppError('PHOTO_STORAGE_UNAVAILABLE'), { cause: error });
    }
  }

  /** Fails at start, with the store's own answer, when the bucket cannot be written and read back. */
  async check(): Promise<void> {
    await this.putBuffer(S3Storage.CHECK_KEY, Buffer.from('ok'));
    await this.get(S3Storage.CHECK_KEY);
  }
}
