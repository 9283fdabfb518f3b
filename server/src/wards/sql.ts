/** Queries of a ward's set-up: the ward row, its places and units. Members and groups have their own files. */
import type { Place, PlaceFields, SetupUnit, UnitKind, WardSettings } from '@loa/shared';
import type { Queryable } from '../plugins/db.js';

const WARD_COLUMNS = `id, slug, name, place_name AS "placeName", province, zalo_oa_id AS "zaloOaId",
  center_lat AS "centerLat", center_lng AS "centerLng", radius_m AS "radiusM"`;

export async function findWard(db: Queryable, wardId: string): Promise<WardSettings | undefined> {
  const { rows } = await db.query<WardSettings>(`SELECT ${WARD_COLUMNS} FROM wards WHERE id = $1`, [wardId]);
  return rows[0];
}

export async function updateWard(db: Queryable, ward: WardSettings): Promise<WardSettings> {
  const { rows } = await db.query<WardSettings>(
    `UPDATE wards SET name = $2, place_name = $3, province = $4, zalo_oa_id = $5,
            center_lat = $6, center_lng = $7, radius_m = $8
      WHERE id = $1 RETURNING ${WARD_COLUMNS}`,
    [
      ward.id,
      ward.name,
      ward.placeName,
      ward.province,
      ward.zaloOaId,
      ward.centerLat,
      ward.centerLng,
      ward.radiusM,
    ],
  );
  return rows[0]!;
}

export async function wardSlugTaken(db: Queryable, slug: string): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM wards WHERE slug = $1', [slug]);
  return rows.length > 0;
}

export async function insertWard(
  db: Queryable,
  ward: { slug: string; name: string; placeName: string; level: string; province: string },
): Promise<WardSettings> {
  const { rows } = await db.query<WardSettings>(
    `INSERT INTO wards (slug, name, place_name, level, province) VALUES ($1, $2, $3, $4, $5)
     RETURNING ${WARD_COLUMNS}`,
    [ward.slug, ward.name, ward.placeName, ward.level, ward.province],
  );
  return rows[0]!;
}

// Places.
const PLACE_COLUMNS = `id, name, address, lat, lng, radius_m AS "radiusM", active`;

export async function listPlaces(db: Queryable): Promise<Place[]> {
  const { rows } = await db.query<Place>(`SELECT ${PLACE_COLUMNS} FROM places ORDER BY active DESC, name`);
  return rows;
}

export async function findPlace(db: Queryable, id: string): Promise<Place | undefined> {
  const { rows } = await db.query<Place>(`SELECT ${PLACE_COLUMNS} FROM places WHERE id = $1 FOR UPDATE`, [
    id,
  ]);
  return rows[0];
}

export async function insertPlace(db: Queryable, wardId: string, place: PlaceFields): Promise<Place> {
  const { rows } = await db.query<Place>(
    `INSERT INTO places (ward_id, name, address, lat, lng, radius_m) VALUES ($1, $2, $3, $4, $5, $6)
     RETURNING ${PLACE_COLUMNS}`,
    [wardId, place.name, place.address ?? '', place.lat, place.lng, place.radiusM ?? 100],
  );
  return rows[0]!;
}

export async function updatePlace(db: Queryable, place: Place): Promise<Place> {
  const { rows } = await db.query<Place>(
    `UPDATE places SET name = $2, address = $3, lat = $4, lng = $5, radius_m = $6, active = $7
      WHERE id = $1 RETURNING ${PLACE_COLUMNS}`,
    [place.id, place.name, place.address, place.lat, place.lng, place.radiusM, place.active],
  );
  return rows[0]!;
}

// Units.
const UNIT_SELECT = `SELECT u.id, u.kind, u.name, u.short_name AS "shortName",
    u.khu_pho_unit_id AS "khuPhoUnitId", k.name AS "khuPhoName", u.active,
    (SELECT count(*)::int FROM members m WHERE m.unit_id = u.id AND m.active) AS "memberCount"
  FROM units u LEFT JOIN units k ON k.id = u.khu_pho_unit_id`;

export async function listSetupUnits(db: Queryable): Promise<SetupUnit[]> {
  const { rows } = await db.query<SetupUnit>(
    `${UNIT_SELECT} ORDER BY u.active DESC,
       array_position(ARRAY['leadership','department','service_center','digital_team','khu_pho'], u.kind),
       u.sort_order, u.name`,
  );
  return rows;
}

export async function findSetupUnit(db: Queryable, id: string): Promise<SetupUnit | undefined> {
  const { rows } = await db.query<SetupUnit>(`${UNIT_SELECT} WHERE u.id = $1`, [id]);
  return rows[0];
}

export async function unitNameTaken(db: Queryable, name: string, exceptId: string | null): Promise<boolean> {
  const { rows } = await db.query(
    `SELECT 1 FROM units WHERE lower(name) = lower($1) AND id IS DISTINCT FROM $2::uuid`,
    [name, exceptId],
  );
  return rows.length > 0;
}

/** The khu phố unit of that name, created when the ward does not have it yet. */
export async function findOrCreateKhuPho(db: Queryable, wardId: string, name: string): Promise<string> {
  const found = await db.query<{ id: string }>(
    `SELECT id FROM units WHERE kind = 'khu_pho' AND lower(name) = lower($1)`,
    [name],
  );
  if (found.rows[0]) return found.rows[0].id;
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO units (ward_id, kind, name, sort_order)
     VALUES ($1, 'khu_pho', $2, (SELECT count(*) FROM units WHERE kind = 'khu_pho')) RETURNING id`,
    [wardId, name],
  );
  return rows[0]!.id;
}

/** A unit goes after the ward's units of its kind, unless `sortOrder` places it. */
export async function insertUnit(
  db: Queryable,
  wardId: string,
  unit: {
    kind: UnitKind;
    name: string;
    shortName: string | null;
    khuPhoUnitId: string | null;
    sortOrder?: number;
  },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO units (ward_id, kind, name, short_name, khu_pho_unit_id, sort_order)
     VALUES ($1, $2, $3, $4, $5, COALESCE($6, (SELECT count(*) FROM units WHERE kind = $2))) RETURNING id`,
    [wardId, unit.kind, unit.name, unit.shortName, unit.khuPhoUnitId, unit.sortOrder ?? null],
  );
  return rows[0]!.id;
}

export async function updateUnit(
  db: Queryable,
  id: string,
  unit: {
    kind: UnitKind;
    name: string;
    shortName: string | null;
    khuPhoUnitId: string | null;
    active: boolean;
  },
): Promise<void> {
  await db.query(
    `UPDATE units SET kind = $2, name = $3, short_name = $4, khu_pho_unit_id = $5, active = $6 WHERE id = $1`,
    [id, unit.kind, unit.name, unit.shortName, unit.khuPhoUnitId, unit.active],
  );
}

export async function findWardBySlug(
  db: Queryable,
  slug: string,
): Promise<{ id: string; name: string } | undefined> {
  const { rows } = await db.query<{ id: string; name: string }>(
    'SELECT id, name FROM wards WHERE slug = $1',
    [slug],
  );
  return rows[0];
}

/** A ward's active admins, for a new sign-in link from the command line. */
export async function activeAdmins(
  db: Queryable,
  wardId: string,
): Promise<{ id: string; fullName: string; phone: string | null }[]> {
  const { rows } = await db.query<{ id: string; fullName: string; phone: string | null }>(
    `SELECT id, full_name AS "fullName", phone FROM members
      WHERE ward_id = $1 AND role = 'admin' AND active ORDER BY created_at, id`,
    [wardId],
  );
  return rows;
}

// --- the ward's own OA id (ward:connect-oa) ---

export async function selectWardForConnect(
  db: Queryable,
  slug: string,
): Promise<{ id: string; name: string; oaId: string | null } | undefined> {
  const { rows } = await db.query<{ id: string; name: string; oaId: string | null }>(
    `SELECT id, name, zalo_oa_id AS "oaId" FROM wards WHERE slug = $1`,
    [slug],
  );
  return rows[0];
}

/** The ward that already has this OA id, if any (wards.zalo_oa_id is unique). */
export async function selectWardByOaId(
  db: Queryable,
  oaId: string,
): Promise<{ id: string; name: string } | undefined> {
  const { rows } = await db.query<{ id: string; name: string }>(
    `SELECT id, name FROM wards WHERE zalo_oa_id = $1`,
    [oaId],
  );
  return rows[0];
}

export async function setWardOaId(db: Queryable, wardId: string, oaId: string): Promise<void> {
  await db.query(`UPDATE wards SET zalo_oa_id = $2 WHERE id = $1`, [wardId, oaId]);
}
