/**
 * PHOTO_STORAGE=s3: photos go to an S3-compatible store over the S3 protocol (an S3 server on the
 * file system stands in for MinIO or a cloud bucket), nothing is written under DATA_DIR/photos, and a
 * store that stops answering gives a 503 the phone retries, with /health saying why.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import exifr from 'exifr';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEvidenceApp, type EvidenceTestApp, multipart, PHOTOS } from '../helpers/evidence.js';
import { createWard, type WardFixture } from '../helpers/factories.js';
import { freePort } from '../helpers/server-process.js';
import { teamMemberHeader } from '../helpers/sessions.js';

const BUCKET = 'loa-photos';

/** Object keys in the bucket, as the S3 server keeps them on disk. */
function objectKeys(directory: string): string[] {
  const root = join(directory, BUCKET);
  if (!existsSync(root)) return [];
  const keys: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('._S3rver_object'))
        keys.push(relative(root, path).replace(/\._S3rver_object$/, ''));
    }
  };
  walk(root);
  return keys.sort();
}

describe('photos in an S3-compatible store', () => {
  const directory = mkdtempSync(join(tmpdir(), 'loa-s3-'));
  let s3: S3rver;
  let t: EvidenceTestApp;
  let ward: WardFixture;
  let member: { authorization: string };

  beforeAll(async () => {
    const port = await freePort();
    s3 = new S3rver({
      address: '127.0.0.1',
      port,
      directory,
      silent: true,
      configureBuckets: [{ name: BUCKET }],
    });
    await s3.run();
    t = await buildEvidenceApp({
      env: {
        PHOTO_STORAGE: 's3',
        S3_ENDPOINT: `http://127.0.0.1:${port}`,
        S3_BUCKET: BUCKET,
        S3_ACCESS_KEY_ID: 'S3RVER',
        S3_SECRET_ACCESS_KEY: 'S3RVER',
      },
    });
    ward = await createWard(t.app.db);
    member = teamMemberHeader(t.app, ward);
  });
  afterAll(async () => {
    await t?.close();
    await s3?.close().catch(() => undefined); // already closed by the outage test
  });

  const upload = (name: string) => {
    const body = multipart({ bytes: readFileSync(join(PHOTOS, name)) });
    return t.app.inject({
      method: 'POST',
      url: `/api/assignments/${ward.assignmentId}/evidence`,
      headers: { ...member, ...body.headers },
      payload: body.payload,
    });
  };

  it('stores the original and thumbnail in the bucket, renders the display copy there on first view', async () => {
    const response = await upload('gps-nikon-dscn0010.jpg');
    expect(response.statusCode).toBe(201);
    const { evidence } = response.json();
    expect(evidence.locationSource).toBe('exif');
    const keys = objectKeys(directory).filter((key) => key.startsWith(ward.wardId));
    expect(keys.map((key) => key.split('/').pop()).sort()).toEqual(['original.jpg', 'thumb.jpg']);
    expect(existsSync(join(t.dataDir, 'photos'))).toBe(false);

    const display = await t.app.inject({
      url: `/api/evidence/${evidence.id}/photo?size=display`,
      headers: member,
    });
    expect(display.statusCode).toBe(200);
    expect(await exifr.gps(display.rawPayload)).toBeUndefined();
    expect(objectKeys(directory).filter((key) => key.endsWith('display.jpg'))).toHaveLength(1);

    // The same file again is recognised by its hash and not stored twice.
    const again = await upload('gps-nikon-dscn0010.jpg');
    expect(again.json().reusedFile).toBe(true);
    expect(objectKeys(directory).filter((key) => key.startsWith(ward.wardId))).toHaveLength(3);

    const health = await t.app.inject({ url: '/health' });
    expect(health.json().checks.photoStorage).toEqual({ ok: true });
  });

  it('answers 503 (the phone retries) and reports on /health when the store stops answering', async () => {
    const evidenceCount = async () =>
      (
        await t.app.db.withWard(ward.wardId, (c) =>
          c.query<{ n: number }>('SELECT count(*)::int AS n FROM evidence'),
        )
      ).rows[0]?.n;
    const before = await evidenceCount();
    await s3.close();
    const response = await upload('phone-nokia-8.3.jpg');
    expect(response.statusCode).toBe(503);
    expect(response.json().message).toContain('Kho ảnh tạm thời không truy cập được');
    expect(await evidenceCount()).toBe(before);
    const health = await t.app.inject({ url: '/health' });
    expect(health.json().status).toBe('degraded');
    expect(health.json().checks.photoStorage.message).toContain('Kiểm tra S3_ENDPOINT');
  });
});
