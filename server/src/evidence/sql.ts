import type { EvidenceFlags, EvidenceItem, EvidenceListQuery } from '@loa/shared';
import type { Queryable } from '../plugins/db.js';

/**
 * The upload path's statements are named: pg prepares each once per pooled connection, and Postgres
 * then reuses its plan instead of planning the joins and row-level security again on every upload
 * (that halved Postgres' CPU per photo in `npm run bench:photos`).
 */
function prepared(name: string, text: string): { name: string; text: string } {
  return { name: `evidence.${name}`, text };
}

export interface UploadTarget {
  assignmentId: string;
  unitId: string;
  taskKind: string;
  placeLat: number | null;
  placeLng: number | null;
  placeRadiusM: number | null;
  startsOn: string;
  endsOn: string;
  wardLat: number | null;
  wardLng: number | null;
  wardRadiusM: number | null;
}

const FIND_UPLOAD_TARGET = prepared(
  'find-upload-target',
  `SELECT a.id AS "assignmentId", a.unit_id AS "unitId", t.kind AS "taskKind",
            t.place_lat AS "placeLat", t.place_lng AS "placeLng", t.place_radius_m AS "placeRadiusM",
            to_char(c.starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(c.ends_on, 'YYYY-MM-DD') AS "endsOn",
            w.center_lat AS "wardLat", w.center_lng AS "wardLng", w.radius_m AS "wardRadiusM"
       FROM assignments a
       JOIN tasks t ON t.id = a.task_id
       JOIN campaigns c ON c.id = t.campaign_id
       JOIN wards w ON w.id = a.ward_id
      WHERE a.id = $1 AND ($2::uuid IS NULL OR a.unit_id = $2) AND t.cancelled_at IS NULL`,
);

/** The assignment with what its checks need; `unitId` limits it to a team's own assignments; a cancelled task takes no photos. */
export async function findUploadTarget(
  db: Queryable,
  assignmentId: string,
  unitId: string | null,
): Promise<UploadTarget | undefined> {
  const { rows } = await db.query<UploadTarget>({ ...FIND_UPLOAD_TARGET, values: [assignmentId, unitId] });
  return rows[0];
}

export interface NearDuplicateRow {
  evidenceId: string;
  distance: number;
  teamName: string;
  uploadedAt: string;
}

// Distances first, over the ward's photo files alone (row-level security); only files close enough
// are joined to the photos that use them.
const FIND_NEAR_DUPLICATE = prepared(
  'find-near-duplicate',
  `SELECT e.id AS "evidenceId", d.distance, u.name AS "teamName",
          to_char(e.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "uploadedAt"
     FROM (SELECT f.ward_id, f.sha256, bit_count(f.phash_bits # $1::bit(64))::int AS distance
             FROM photo_files f
            WHERE f.phash_bits IS NOT NULL) d
     JOIN evidence e ON e.ward_id = d.ward_id AND e.photo_sha256 = d.sha256 AND e.kind = 'photo'
     JOIN assignments a ON a.id = e.assignment_id
     JOIN units u ON u.id = a.unit_id
    WHERE d.distance <= $2
    ORDER BY d.distance, e.created_at
    LIMIT 1`,
);

/** The closest earlier photo in the ward by dHash Hamming distance, if within `maxDistance`. */
export async function findNearDuplicate(
  db: Queryable,
  phash: string,
  maxDistance: number,
): Promise<NearDuplicateRow | undefined> {
  const { rows } = await db.query<NearDuplicateRow>({
    ...FIND_NEAR_DUPLICATE,
    values: [`x${phash}`, maxDistance],
  });
  return rows[0];
}

export interface PhotoFileRow {
  wardId: string;
  sha256: string;
  originalKey: string;
  displayKey: string;
  thumbKey: string;
  mime: string;
  bytes: number;
  width: number;
  height: number;
  phash: string;
}

const FIND_PHOTO_FILE = prepared(
  'find-photo-file',
  `SELECT ward_id AS "wardId", sha256, original_key AS "originalKey", display_key AS "displayKey",
            thumb_key AS "thumbKey", mime, bytes, width, height, phash
       FROM photo_files WHERE sha256 = $1`,
);

export async function findPhotoFile(db: Queryable, sha256: string): Promise<PhotoFileRow | undefined> {
  const { rows } = await db.query<PhotoFileRow>({ ...FIND_PHOTO_FILE, values: [sha256] });
  return rows[0];
}

const INSERT_PHOTO_FILE = prepared(
  'insert-photo-file',
  `INSERT INTO photo_files (ward_id, sha256, original_key, display_key, thumb_key, mime, bytes, width, height, phash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (ward_id, sha256) DO NOTHING`,
);

export async function insertPhotoFile(db: Queryable, file: PhotoFileRow): Promise<void> {
  await db.query({
    ...INSERT_PHOTO_FILE,
    values: [
      file.wardId,
      file.sha256,
      file.originalKey,
      file.displayKey,
      file.thumbKey,
      file.mime,
      file.bytes,
      file.width,
      file.height,
      file.phash,
    ],
  });
}

export interface NewEvidence {
  id: string;
  wardId: string;
  assignmentId: string;
  sha256: string;
  takenAt: Date | undefined;
  lat: number | undefined;
  lng: number | undefined;
  locationSource: 'zalo' | 'exif' | undefined;
  flags: EvidenceFlags;
  uploadedBy: string | undefined;
}

const INSERT_PHOTO_EVIDENCE = prepared(
  'insert-photo-evidence',
  `INSERT INTO evidence (id, ward_id, assignment_id, kind, photo_sha256, taken_at, lat, lng, location_source, flags, uploaded_by)
   VALUES ($1, $2, $3, 'photo', $4, $5, $6, $7, $8, $9, $10)`,
);

/** The id is chosen by the caller, so the statements after this one can go in the same batch. */
export async function insertPhotoEvidence(db: Queryable, evidence: NewEvidence): Promise<void> {
  await db.query({
    ...INSERT_PHOTO_EVIDENCE,
    values: [
      evidence.id,
      evidence.wardId,
      evidence.assignmentId,
      evidence.sha256,
      evidence.takenAt ?? null,
      evidence.lat ?? null,
      evidence.lng ?? null,
      evidence.locationSource ?? null,
      JSON.stringify(evidence.flags),
      evidence.uploadedBy ?? null,
    ],
  });
}

const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const SELECT_EVIDENCE = `
  SELECT e.id, e.assignment_id AS "assignmentId", t.title AS "taskTitle", t.place_name AS "placeName",
         a.unit_id AS "teamId",
         u.name AS "teamName", t.campaign_id AS "campaignId", m.full_name AS "uploadedByName",
         e.uploaded_by AS "uploadedBy",
         ${iso('e.created_at')} AS "createdAt", ${iso('e.taken_at')} AS "takenAt",
         e.lat, e.lng, e.location_source AS "locationSource", f.width, f.height, e.flags,
         e.review_status AS "reviewStatus", e.review_reason AS "reviewReason",
         ${iso('e.reviewed_at')} AS "reviewedAt"
    FROM evidence e
    JOIN photo_files f ON f.ward_id = e.ward_id AND f.sha256 = e.photo_sha256
    JOIN assignments a ON a.id = e.assignment_id
    JOIN tasks t ON t.id = a.task_id
    JOIN units u ON u.id = a.unit_id
    LEFT JOIN members m ON m.id = e.uploaded_by
   WHERE e.kind = 'photo'`;

const FIND_EVIDENCE = prepared('find-evidence', `${SELECT_EVIDENCE} AND e.id = $1`);

export async function findEvidence(db: Queryable, id: string): Promise<EvidenceItem | undefined> {
  const { rows } = await db.query<EvidenceItem>({ ...FIND_EVIDENCE, values: [id] });
  return rows[0];
}

/** The review queue and the galleries: newest first, filtered by flag, team, campaign, status. */
export async function listEvidence(
  db: Queryable,
  filter: EvidenceListQuery & { assignmentId?: string },
): Promise<EvidenceItem[]> {
  const { rows } = await db.query<EvidenceItem>(
    `${SELECT_EVIDENCE}
       AND ($1::text IS NULL OR e.flags ? $1)
       AND ($2::uuid IS NULL OR a.unit_id = $2)
       AND ($3::uuid IS NULL OR t.campaign_id = $3)
       AND ($4::text IS NULL OR e.review_status = $4)
       AND ($5::uuid IS NULL OR e.assignment_id = $5)
     ORDER BY e.created_at DESC
     LIMIT $6`,
    [
      filter.flag ?? null,
      filter.teamId ?? null,
      filter.campaignId ?? null,
      filter.status ?? null,
      filter.assignmentId ?? null,
      filter.limit ?? 100,
    ],
  );
  return rows;
}

export interface PhotoAccessRow {
  unitId: string;
  originalKey: string;
  displayKey: string;
  thumbKey: string;
}

export async function findPhotoAccess(
  db: Queryable,
  evidenceId: string,
): Promise<PhotoAccessRow | undefined> {
  const { rows } = await db.query<PhotoAccessRow>(
    `SELECT a.unit_id AS "unitId", f.original_key AS "originalKey", f.display_key AS "displayKey",
            f.thumb_key AS "thumbKey"
       FROM evidence e
       JOIN assignments a ON a.id = e.assignment_id
       JOIN photo_files f ON f.ward_id = e.ward_id AND f.sha256 = e.photo_sha256
      WHERE e.id = $1`,
    [evidenceId],
  );
  return rows[0];
}
