/**
 * HEIC/HEIF photos (iPhone's default, many Android phones) go through the same pipeline as JPEG:
 * decoded by the WebAssembly decoder, thumbnailed upright, EXIF time read from the HEIC itself, the
 * location flags computed, the original kept as sent. Damaged or oversized ones get a Vietnamese 4xx.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISPLAY_EDGE, THUMB_EDGE } from '../../server/src/evidence/images.js';
import {
  buildEvidenceApp,
  type EvidenceTestApp,
  fakeZalo,
  multipart,
  PHOTOS,
  storedFiles,
} from '../helpers/evidence.js';
import { createWard, type WardFixture } from '../helpers/factories.js';
import { teamMemberHeader } from '../helpers/sessions.js';

// A real iPhone 13 Pro Max photo: 4032×3024 coded, rotated 90° by the container (irot) to a 3024×4032
// portrait, EXIF 2022:02:16 12:55:41 +01:00, no GPS.
const HEIC = readFileSync(join(PHOTOS, 'iphone-13-pro-max.heic'));
const OFFICE = { lat: 10.9419, lng: 107.1408 };
const zalo = fakeZalo({ 'tok-near': { latitude: 10.9424, longitude: 107.141 } });

async function uploadTo(
  t: EvidenceTestApp,
  ward: WardFixture,
  bytes: Buffer,
  headers: Record<string, string> = {},
) {
  const body = multipart({ bytes, filename: 'IMG_0001.HEIC', contentType: 'image/heic' });
  return t.app.inject({
    method: 'POST',
    url: `/api/assignments/${ward.assignmentId}/evidence`,
    headers: { ...teamMemberHeader(t.app, ward), ...body.headers, ...headers },
    payload: body.payload,
  });
}

/** Evidence and photo file rows of the ward, counted. */
async function photoRows(t: EvidenceTestApp, ward: WardFixture) {
  const { rows } = await t.app.db.withWard(ward.wardId, (c) =>
    c.query(
      `SELECT (SELECT count(*) FROM evidence)::int AS evidence, (SELECT count(*) FROM photo_files)::int AS files`,
    ),
  );
  return rows[0];
}

describe('HEIC photo evidence', () => {
  let t: EvidenceTestApp;
  let ward: WardFixture;

  beforeAll(async () => {
    t = await buildEvidenceApp({ zalo });
    ward = await createWard(t.app.db);
    await t.app.db.withSystem((c) =>
      c.query(`UPDATE wards SET center_lat = $2, center_lng = $3, radius_m = 6000 WHERE id = $1;`, [
        ward.wardId,
        OFFICE.lat,
        OFFICE.lng,
      ]),
    );
  });
  afterAll(() => t?.close());

  it('accepts an iPhone HEIC: upright thumbnail and display copy, EXIF time, flags, original kept', async () => {
    const member = teamMemberHeader(t.app, ward);
    const response = await uploadTo(t, ward, HEIC);
    expect(response.statusCode).toBe(201);
    const { evidence } = response.json();
    // The EXIF time of the HEIC, with the camera's own offset (+01:00).
    expect(evidence.takenAt).toBe('2022-02-16T11:55:41.000Z');
    expect(Object.keys(evidence.flags).sort()).toEqual(['location_missing', 'outside_window']);

    const thumb = await t.app.inject({
      url: `/api/evidence/${evidence.id}/photo?size=thumb`,
      headers: member,
    });
    expect(thumb.statusCode).toBe(200);
    expect(thumb.headers['content-type']).toBe('image/jpeg');
    const thumbSize = await sharp(thumb.rawPayload).metadata();
    // Portrait, as the phone showed it (the container's rotation applied once, not twice).
    expect([thumbSize.width, thumbSize.height]).toEqual([240, THUMB_EDGE]);
    const stats = await sharp(thumb.rawPayload).stats();
    expect(stats.channels[0]!.stdev).toBeGreaterThan(10); // a picture, not a blank

    const display = await t.app.inject({
      url: `/api/evidence/${evidence.id}/photo?size=display`,
      headers: member,
    });
    expect(display.statusCode).toBe(200);
    const displaySize = await sharp(display.rawPayload).metadata();
    expect([displaySize.width, displaySize.height]).toEqual([768, DISPLAY_EDGE]);
    expect(displaySize.exif).toBeUndefined();

    // The original is stored exactly as sent, so its EXIF stays with the evidence.
    const sha = createHash('sha256').update(HEIC).digest('hex');
    const originals = storedFiles(t.dataDir).filter((file) => file.endsWith(`${sha}/original.heic`));
    expect(originals).toHaveLength(1);
    const row = await t.app.db.withWard(ward.wardId, (c) =>
      c.query('SELECT mime, width, height FROM photo_files WHERE sha256 = $1', [sha]),
    );
    expect(row.rows[0]).toEqual({ mime: 'image/heic', width: 3024, height: 4032 });
  }, 120_000);

  it('takes the Zalo location for a HEIC and checks it against the ward', async () => {
    const response = await uploadTo(t, ward, HEIC, {
      'x-zalo-access-token': 'user-at',
      'x-zalo-location-token': 'tok-near',
    });
    expect(response.statusCode).toBe(201);
    const { evidence } = response.json();
    expect(evidence.locationSource).toBe('zalo');
    expect(evidence.flags.location_missing).toBeUndefined();
    expect(evidence.flags.outside_ward).toBeUndefined();
  }, 60_000);

  // libheif decodes a cut HEIC without complaint, filling the missing tiles with grey: a photo cut off
  // in transfer or by a share sheet would be kept as evidence. Cut in the header, in the middle of the
  // tiles and one byte short; and once with the tiles' box sized "to the end of the file", so only the
  // item locations (iloc) can tell.
  it('refuses a HEIC cut short, wherever it is cut, storing nothing', async () => {
    const tilesAt = 3749; // the fixture's mdat box
    const toEnd = Buffer.from(HEIC);
    toEnd.writeUInt32BE(0, tilesAt);
    expect(toEnd.toString('latin1', tilesAt + 4, tilesAt + 8)).toBe('mdat');
    const cuts: [string, Buffer][] = [
      ['inside the header boxes', HEIC.subarray(0, 3_000)],
      ['right after the header', HEIC.subarray(0, tilesAt + 8)],
      ['at a quarter', HEIC.subarray(0, Math.floor(HEIC.length / 4))],
      ['in half', HEIC.subarray(0, Math.floor(HEIC.length / 2))],
      ['one byte short', HEIC.subarray(0, HEIC.length - 1)],
      ['in half, tiles sized to the end of the file', toEnd.subarray(0, Math.floor(HEIC.length / 2))],
    ];
    const rowsBefore = await photoRows(t, ward);
    for (const [where, bytes] of cuts) {
      const response = await uploadTo(t, ward, bytes);
      expect(response.statusCode, `${where}: ${response.body}`).toBe(422);
      expect(response.json().message, where).toMatch(/HEIC bị hỏng: tệp chưa trọn vẹn.*chọn lại ảnh gốc/);
      const sha = createHash('sha256').update(bytes).digest('hex');
      expect(
        storedFiles(t.dataDir).filter((file) => file.includes(sha)),
        where,
      ).toEqual([]);
    }
    expect(await photoRows(t, ward)).toEqual(rowsBefore);
  }, 120_000);

  it('refuses a HEIC over the pixel limit before decoding it, storing nothing', async () => {
    const small = await buildEvidenceApp({ env: { PHOTO_MAX_PIXELS: '10000000' } });
    try {
      const other = await createWard(small.app.db);
      const response = await uploadTo(small, other, HEIC);
      expect(response.statusCode).toBe(422);
      expect(response.json().message).toMatch(/quá nhiều điểm ảnh \(tối đa 10 triệu\)/);
      expect(storedFiles(small.dataDir).filter((file) => file.startsWith(other.wardId))).toEqual([]);
    } finally {
      await small.close();
    }
  }, 60_000);
});
