/**
 * The campaign bench:report builds a report of: `teams` digital teams × `tasks` tasks, every
 * assignment accepted with `photos` accepted photos, each photo a distinct 12 MP JPEG original in the
 * product's photo storage (its display copy is left for the report to render on first use, as in the
 * product). Rows go in with SQL in a few batches; the files through the product's storage class.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalDiskStorage, photoKeys } from '../../server/src/evidence/storage.js';
import type { Db } from '../../server/src/plugins/db.js';
import { generatePhotos } from './photo-rounds.js';

/** Distinct camera-like scenes (bench:photos' generated 12 MP JPEGs); each photo is one of them. */
const SCENES = 6;

export interface BenchCampaign {
  wardId: string;
  staffId: string;
  campaignId: string;
  photos: number;
}

/** The scene with a JPEG comment segment (FF FE) right after SOI: another file, the same picture. */
function distinct(scene: Buffer, n: number): Buffer {
  const text = Buffer.from(`loa-bench-report ${n}`);
  const segment = Buffer.alloc(4 + text.length);
  segment.writeUInt16BE(0xfffe, 0);
  segment.writeUInt16BE(text.length + 2, 2);
  text.copy(segment, 4);
  return Buffer.concat([scene.subarray(0, 2), segment, scene.subarray(2)]);
}

export async function seedReportCampaign(
  db: Db,
  photoRoot: string,
  size: { teams: number; tasks: number; photos: number },
): Promise<BenchCampaign> {
  const storage = new LocalDiskStorage(photoRoot);
  await storage.init();
  // Made by a child process: its libvips memory must not count as the server's.
  const sceneDir = mkdtempSync(join(tmpdir(), 'loa-bench-scenes-'));
  const base = generatePhotos(sceneDir, SCENES).map((file) => readFileSync(file));
  rmSync(sceneDir, { recursive: true, force: true });
  return db.withSystem(async (client) => {
    const one = async (sql: string, values: unknown[]) =>
      (await client.query<{ id: string }>(sql, values)).rows[0]!.id;
    const wardId = await one(
      `INSERT INTO wards (slug, name, place_name, level, province, center_lat, center_lng, radius_m)
       VALUES ('bench-report', 'Phường Dầu Giây', 'Dầu Giây', 'phuong', 'Đồng Nai', 10.95, 107.14, 3000) RETURNING id`,
      [],
    );
    const office = await one(
      `INSERT INTO units (ward_id, kind, name) VALUES ($1, 'department', 'Phòng Văn hóa - Xã hội') RETURNING id`,
      [wardId],
    );
    const staffId = await one(
      `INSERT INTO members (ward_id, unit_id, role, full_name) VALUES ($1, $2, 'staff', 'Cán bộ Bench') RETURNING id`,
      [wardId, office],
    );
    const leaderId = await one(
      `INSERT INTO members (ward_id, unit_id, role, full_name, title) VALUES ($1, $2, 'leader', 'Nguyễn Văn Lãnh Đạo', 'Phó Chủ tịch') RETURNING id`,
      [wardId, office],
    );
    const campaignId = await one(
      `INSERT INTO campaigns (ward_id, number, issued_on, title, starts_on, ends_on, status, signer_member_id,
                              signer_authority, signer_title, recipients, created_by)
       VALUES ($1, '15/KH-UBND', '2026-05-05', 'Hưởng ứng ngày Khoa học, Công nghệ và Đổi mới sáng tạo Việt Nam',
               '2026-05-18', '2026-05-24', 'closed', $2, 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH',
               '{"UBND tỉnh Đồng Nai (b/c)","Các Tổ Công nghệ số cộng đồng"}', $3) RETURNING id`,
      [wardId, leaderId, staffId],
    );
    await client.query(
      `INSERT INTO units (ward_id, kind, name, sort_order)
       SELECT $1, 'digital_team', 'Tổ Công nghệ số cộng đồng Khu phố ' || n, n FROM generate_series(1, $2) n`,
      [wardId, size.teams],
    );
    await client.query(
      `INSERT INTO tasks (ward_id, campaign_id, kind, title, due_at, place_name, place_lat, place_lng, place_radius_m, sort_order)
       SELECT $1, $2, (ARRAY['hang_banner','loudspeaker','article','meeting'])[1 + n % 4], 'Nhiệm vụ ' || n,
              '2026-05-20T17:00:00+07:00'::timestamptz + n * interval '1 hour', 'Trụ sở khu phố', 10.95, 107.14, 200, n
         FROM generate_series(1, $3) n`,
      [wardId, campaignId, size.tasks],
    );
    const { rows: assignments } = await client.query<{ id: string }>(
      `INSERT INTO assignments (ward_id, task_id, unit_id, status, acknowledged_at, submitted_at, number_done)
       SELECT $1, t.id, u.id, 'accepted', t.due_at - interval '2 days', t.due_at - interval '1 hour', 2
         FROM tasks t CROSS JOIN units u WHERE t.campaign_id = $2 AND u.ward_id = $1 AND u.kind = 'digital_team'
       RETURNING id`,
      [wardId, campaignId],
    );
    const rows = {
      assignment: [] as string[],
      sha: [] as string[],
      original: [] as string[],
      display: [] as string[],
      thumb: [] as string[],
    };
    let n = 0;
    for (const assignment of assignments) {
      for (let p = 0; p < size.photos; p += 1) {
        const bytes = distinct(base[n % SCENES]!, n);
        const sha = createHash('sha256').update(bytes).digest('hex');
        const keys = photoKeys(wardId, sha, 'jpg');
        await storage.putBuffer(keys.original, bytes);
        rows.assignment.push(assignment.id);
        rows.sha.push(sha);
        rows.original.push(keys.original);
        rows.display.push(keys.display);
        rows.thumb.push(keys.thumb);
        n += 1;
      }
    }
    await client.query(
      `INSERT INTO photo_files (ward_id, sha256, original_key, display_key, thumb_key, mime, bytes, width, height)
       SELECT $1, s, o, d, t, 'image/jpeg', 3000000, 4000, 3000
         FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) AS x(s, o, d, t)`,
      [wardId, rows.sha, rows.original, rows.display, rows.thumb],
    );
    await client.query(
      `INSERT INTO evidence (ward_id, assignment_id, kind, photo_sha256, taken_at, lat, lng, location_source,
                             flags, review_status, reviewed_by, reviewed_at)
       SELECT $1, a, 'photo', s, '2026-05-19T08:30:00+07:00', 10.9501, 107.1401, 'zalo', '{}', 'accepted', $4, now()
         FROM unnest($2::uuid[], $3::text[]) AS x(a, s)`,
      [wardId, rows.assignment, rows.sha, staffId],
    );
    return { wardId, staffId, campaignId, photos: n };
  });
}
