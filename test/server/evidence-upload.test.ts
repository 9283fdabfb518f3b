import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import exifr from 'exifr';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DISPLAY_EDGE } from '../../server/src/evidence/images.js';
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

const photo = (name: string) => readFileSync(join(PHOTOS, name));
// Dầu Giây ward office, and points 60 m and ~2 km from it.
const OFFICE = { lat: 10.9419, lng: 107.1408 };
const zalo = fakeZalo({
  'tok-near': { latitude: 10.9424, longitude: 107.141 },
  'tok-far': { latitude: 10.96, longitude: 107.1408 },
});

describe('POST /api/assignments/:id/evidence', () => {
  let t: EvidenceTestApp;
  let ward: WardFixture;
  let member: { authorization: string };

  beforeAll(async () => {
    t = await buildEvidenceApp({ zalo });
  });
  afterAll(() => t?.close());
  beforeEach(async () => {
    ward = await createWard(t.app.db);
    member = teamMemberHeader(t.app, ward);
    // The ward is a 6 km circle around the office, like the demo ward.
    await t.app.db.withSystem((c) =>
      c.query('UPDATE wards SET center_lat = $2, center_lng = $3, radius_m = 6000 WHERE id = $1', [
        ward.wardId,
        OFFICE.lat,
        OFFICE.lng,
      ]),
    );
  });

  const upload = (
    bytes: Buffer,
    options: { assignmentId?: string; headers?: Record<string, string>; filename?: string } = {},
  ) => {
    const body = multipart({ bytes, filename: options.filename });
    return t.app.inject({
      method: 'POST',
      url: `/api/assignments/${options.assignmentId ?? ward.assignmentId}/evidence`,
      headers: { ...member, ...body.headers, ...options.headers },
      payload: body.payload,
    });
  };
  const counts = async () =>
    (
      await t.app.db.withWard(ward.wardId, (c) =>
        c.query<{ evidence: number; files: number }>(
          `SELECT (SELECT count(*)::int FROM evidence) AS evidence, (SELECT count(*)::int FROM photo_files) AS files`,
        ),
      )
    ).rows[0];

  it('stores a real camera photo once, reads its EXIF time and GPS, and flags Italy 2008', async () => {
    const response = await upload(photo('gps-nikon-dscn0010.jpg'));
    expect(response.statusCode).toBe(201);
    const { evidence, reusedFile } = response.json();
    expect(reusedFile).toBe(false);
    expect(evidence.locationSource).toBe('exif');
    expect(evidence.lat).toBeCloseTo(43.46745, 4);
    expect(evidence.lng).toBeCloseTo(11.88513, 4);
    // The naive EXIF time 16:28:39 is read as Asia/Ho_Chi_Minh (+07:00).
    expect(evidence.takenAt).toBe('2008-10-22T09:28:39.000Z');
    expect(Object.keys(evidence.flags).sort()).toEqual(['outside_ward', 'outside_window']);
    expect(evidence.flags.outside_ward.distanceM).toBeGreaterThan(9_000_000);
    expect(evidence.reviewStatus).toBe('pending');
    const files = storedFiles(t.dataDir).filter((file) => file.startsWith(ward.wardId));
    // The display copy is rendered the first time someone opens the photo.
    expect(files.map((file) => file.split('/').pop()).sort()).toEqual(['original.jpg', 'thumb.jpg']);
    const status = await t.app.db.withWard(ward.wardId, (c) =>
      c.query('SELECT status, submitted_by FROM assignments WHERE id = $1', [ward.assignmentId]),
    );
    expect(status.rows[0]).toEqual({ status: 'submitted', submitted_by: ward.teamMemberId });
  });

  it('serves a display copy without GPS or any EXIF and an upright thumbnail', async () => {
    const { evidence } = (await upload(photo('phone-nokia-8.3.jpg'))).json();
    const display = await t.app.inject({
      url: `/api/evidence/${evidence.id}/photo?size=display`,
      headers: member,
    });
    expect(display.statusCode).toBe(200);
    expect(display.headers['content-type']).toBe('image/jpeg');
    expect(await exifr.gps(display.rawPayload)).toBeUndefined();
    expect(await exifr.parse(display.rawPayload)).toBeUndefined();
    const meta = await sharp(display.rawPayload).metadata();
    expect(Math.max(meta.width ?? 0, meta.height ?? 0)).toBe(DISPLAY_EDGE);
    // Rendered once, then stored and served as stored.
    expect(storedFiles(t.dataDir).filter((file) => file.endsWith('display.jpg'))).toHaveLength(1);
    const again = await t.app.inject({
      url: `/api/evidence/${evidence.id}/photo?size=display`,
      headers: member,
    });
    expect(again.rawPayload.equals(display.rawPayload)).toBe(true);

    const portrait = (await upload(photo('orientation-8-portrait.jpg'))).json().evidence;
    const landscape = (await upload(photo('orientation-6-landscape.jpg'))).json().evidence;
    for (const [item, upright] of [
      [portrait, 'portrait'],
      [landscape, 'landscape'],
    ] as const) {
      const thumb = await t.app.inject({ url: `/api/evidence/${item.id}/photo?size=thumb`, headers: member });
      const size = await sharp(thumb.rawPayload).metadata();
      expect(size.orientation).toBeUndefined();
      expect((size.width ?? 0) > (size.height ?? 0) ? 'landscape' : 'portrait').toBe(upright);
      expect(Math.max(size.width ?? 0, size.height ?? 0)).toBeLessThanOrEqual(320);
    }
  });

  it('prefers the Zalo location token over EXIF and checks it against the task place', async () => {
    await t.app.db.withSystem((c) =>
      c.query('UPDATE tasks SET place_lat = $2, place_lng = $3, place_radius_m = 150 WHERE id = $1', [
        ward.taskId,
        OFFICE.lat,
        OFFICE.lng,
      ]),
    );
    const near = (
      await upload(photo('gps-nikon-dscn0010.jpg'), {
        headers: { 'x-zalo-access-token': 'user-at', 'x-zalo-location-token': 'tok-near' },
      })
    ).json().evidence;
    expect(near.locationSource).toBe('zalo');
    expect(near.flags.outside_place).toBeUndefined();
    expect(near.flags.outside_ward).toBeUndefined();
    expect(zalo.calls).toContain('user-at:tok-near');

    const far = (
      await upload(photo('gps-nikon-dscn0012.jpg'), {
        headers: { 'x-zalo-access-token': 'user-at', 'x-zalo-location-token': 'tok-far' },
      })
    ).json().evidence;
    expect(far.flags.outside_place).toEqual({ distanceM: expect.any(Number), radiusM: 150 });
    expect(far.flags.outside_place.distanceM).toBeGreaterThan(1900);
    expect(far.flags.outside_place.distanceM).toBeLessThan(2100);

    // An expired or forged token does not lose the photo: EXIF GPS (Finland) takes over.
    const fallback = (
      await upload(photo('phone-nokia-8.3.jpg'), {
        headers: { 'x-zalo-access-token': 'user-at', 'x-zalo-location-token': 'expired' },
      })
    ).json().evidence;
    expect(fallback.locationSource).toBe('exif');
    expect(fallback.lat).toBeCloseTo(60.14671, 4);
    expect(fallback.flags.outside_place).toBeDefined();
  });

  it('accepts a photo with malformed EXIF and flags the missing location and time', async () => {
    const response = await upload(photo('odd-exif-image01137.jpg'));
    expect(response.statusCode).toBe(201);
    expect(Object.keys(response.json().evidence.flags).sort()).toEqual([
      'location_missing',
      'taken_at_missing',
    ]);
  });

  it('reads a naive EXIF time as the ward time for the campaign window (18–24/05/2026)', async () => {
    const at = (time: string) =>
      sharp({ create: { width: 64, height: 48, channels: 3, background: '#336699' } })
        .jpeg()
        .withExif({ IFD2: { DateTimeOriginal: time } })
        .toBuffer();
    // 23:30 on the last day in Vietnam is inside; read as UTC it would be 06:30 the day after.
    const late = (await upload(await at('2026:05:24 23:30:00'))).json().evidence;
    expect(late.takenAt).toBe('2026-05-24T16:30:00.000Z');
    expect(late.flags.outside_window).toBeUndefined();
    const after = (await upload(await at('2026:05:25 00:00:30'))).json().evidence;
    expect(after.flags.outside_window).toMatchObject({ startsOn: '2026-05-18', endsOn: '2026-05-24' });
  });

  it('names the earlier photo when a near-duplicate arrives, but not for a different shot of the scene', async () => {
    const first = (await upload(photo('gps-nikon-dscn0010.jpg'))).json().evidence;
    const other = (await upload(photo('gps-nikon-dscn0012.jpg'))).json().evidence;
    expect(other.flags.near_duplicate).toBeUndefined();

    const recompressed = await sharp(photo('gps-nikon-dscn0010.jpg'))
      .resize(500)
      .jpeg({ quality: 60 })
      .toBuffer();
    const copy = (await upload(recompressed)).json();
    expect(copy.reusedFile).toBe(false);
    expect(copy.evidence.flags.near_duplicate).toMatchObject({
      evidenceId: first.id,
      teamName: 'Tổ CNS Khu phố 1',
    });
    expect(copy.evidence.flags.near_duplicate.distance).toBeLessThanOrEqual(6);

    const before = await counts();
    const same = (await upload(photo('gps-nikon-dscn0010.jpg'))).json();
    expect(same.reusedFile).toBe(true);
    expect(same.evidence.flags.near_duplicate).toMatchObject({ evidenceId: first.id, distance: 0 });
    expect(await counts()).toEqual({ evidence: (before?.evidence ?? 0) + 1, files: before?.files });
  });

  describe('refuses bad input with a Vietnamese message and stores nothing', () => {
    const bigPng = () => {
      // A genuine 30000×30000 1-bit greyscale PNG (~110 KB): a decompression bomb of 900 megapixels.
      const chunk = (type: string, data: Buffer) => {
        const length = Buffer.alloc(4);
        length.writeUInt32BE(data.length);
        const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
        const crc = Buffer.alloc(4);
        crc.writeUInt32BE(crc32(body));
        return Buffer.concat([length, body, crc]);
      };
      const header = Buffer.alloc(13);
      header.writeUInt32BE(30000, 0);
      header.writeUInt32BE(30000, 4);
      header.set([1, 0, 0, 0, 0], 8);
      const rows = Buffer.alloc(30000 * (1 + 3750));
      return Buffer.concat([
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
        chunk('IHDR', header),
        chunk('IDAT', deflateSync(rows)),
        chunk('IEND', Buffer.alloc(0)),
      ]);
    };
    const cases: [string, () => Buffer | Promise<Buffer>, number, RegExp][] = [
      [
        'a text file named .jpg',
        () => Buffer.from('xin chào, đây không phải ảnh\n'.repeat(50)),
        415,
        /không phải ảnh/,
      ],
      ['a truncated JPEG', () => photo('corrupted.jpg'), 422, /bị hỏng/],
      // iPhone HEIC is accepted (evidence-heic.test.ts); one cut short in transit is not.
      ['a damaged HEIC', () => photo('iphone-13-pro-max.heic').subarray(0, 65_536), 422, /bị hỏng/],
      ['a 30000×30000 PNG', bigPng, 422, /điểm ảnh/],
      [
        'a 50 MB file',
        () => Buffer.concat([photo('gps-nikon-dscn0010.jpg'), Buffer.alloc(50 * 1024 * 1024, 7)]),
        413,
        /tối đa 15 MB/,
      ],
    ];
    for (const [name, make, status, message] of cases) {
      it(name, async () => {
        const before = await counts();
        const response = await upload(await make());
        expect(response.statusCode).toBe(status);
        expect(response.json().message).toMatch(message);
        expect(await counts()).toEqual(before);
        expect(storedFiles(t.dataDir).filter((file) => file.startsWith(`tmp/`))).toEqual([]);
        expect(storedFiles(t.dataDir).filter((file) => file.startsWith(ward.wardId))).toEqual([]);
      });
    }

    it("an upload to another team's or another ward's assignment", async () => {
      const before = await counts();
      const other = await createWard(t.app.db);
      const response = await upload(photo('gps-nikon-dscn0010.jpg'), { assignmentId: other.assignmentId });
      expect(response.statusCode).toBe(404);
      expect(response.json().message).toMatch(/Không tìm thấy nhiệm vụ/);
      const otherTeam = await t.app.db.withSystem(async (c) => {
        const unit = await c.query<{ id: string }>(
          `INSERT INTO units (ward_id, kind, name) VALUES ($1, 'digital_team', 'Tổ CNS Khu phố 2') RETURNING id`,
          [ward.wardId],
        );
        const assignment = await c.query<{ id: string }>(
          `INSERT INTO assignments (ward_id, task_id, unit_id) VALUES ($1, $2, $3) RETURNING id`,
          [ward.wardId, ward.taskId, unit.rows[0]?.id],
        );
        return assignment.rows[0]?.id ?? '';
      });
      expect((await upload(photo('gps-nikon-dscn0010.jpg'), { assignmentId: otherTeam })).statusCode).toBe(
        404,
      );
      expect(await counts()).toEqual(before);
      expect(storedFiles(t.dataDir).filter((file) => file.startsWith('tmp/'))).toEqual([]);
    });

    it('a request without a photo part', async () => {
      const response = await t.app.inject({
        method: 'POST',
        url: `/api/assignments/${ward.assignmentId}/evidence`,
        headers: member,
        payload: { photo: 'not a file' },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().message).toMatch(/Chưa có ảnh/);
    });
  });
});

/** CRC-32 as PNG chunks need it. */
function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit += 1) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
