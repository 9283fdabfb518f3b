/** Queries of a ward's members: the set-up list, one member, and the batch the list import saves. */
import type { Member, MemberRole } from '@loa/shared';
import type { Queryable } from '../plugins/db.js';

const MEMBER_SELECT = `SELECT m.id, m.full_name AS "fullName",
    CASE WHEN m.phone IS NULL THEN NULL ELSE '0' || substr(m.phone, 3) END AS phone,
    m.role, m.unit_id AS "unitId", u.name AS "unitName", m.title, m.active,
    m.zalo_app_user_id IS NOT NULL AS linked
  FROM members m LEFT JOIN units u ON u.id = m.unit_id`;

export async function listMembers(db: Queryable): Promise<Member[]> {
  const { rows } = await db.query<Member>(
    `${MEMBER_SELECT}
      ORDER BY m.active DESC,
        array_position(ARRAY['admin','leader','staff','team_lead','team_member'], m.role),
        u.sort_order NULLS FIRST, u.name NULLS FIRST, m.full_name`,
  );
  return rows;
}

export async function findMember(db: Queryable, id: string, lock = false): Promise<Member | undefined> {
  const { rows } = await db.query<Member>(
    `${MEMBER_SELECT} WHERE m.id = $1 ${lock ? 'FOR UPDATE OF m' : ''}`,
    [id],
  );
  return rows[0];
}

/** The member who already has this phone (normalised 84…), other than `exceptId`. */
export async function memberIdByPhone(
  db: Queryable,
  phone: string,
  exceptId: string | null,
): Promise<string | undefined> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT id FROM members WHERE phone = $1 AND id IS DISTINCT FROM $2::uuid`,
    [phone, exceptId],
  );
  return rows[0]?.id;
}

export interface MemberRow {
  fullName: string;
  /** Normalised 84…; null only for an admin created without one. */
  phone: string | null;
  role: MemberRole;
  unitId: string | null;
  title: string | null;
  active: boolean;
}

export async function insertMember(db: Queryable, wardId: string, member: MemberRow): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO members (ward_id, full_name, phone, role, unit_id, title, active)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [wardId, member.fullName, member.phone, member.role, member.unitId, member.title, member.active],
  );
  return rows[0]!.id;
}

export async function updateMember(db: Queryable, id: string, member: MemberRow): Promise<void> {
  await db.query(
    `UPDATE members SET full_name = $2, phone = $3, role = $4, unit_id = $5, title = $6, active = $7
      WHERE id = $1`,
    [id, member.fullName, member.phone, member.role, member.unitId, member.title, member.active],
  );
}

/**
 * A whole imported list in one statement: new people inserted, known phones updated, each with the
 * active state the import decided (member-list.ts keeps a known member's state unless the file says).
 * Returns the ids by phone.
 */
export async function upsertMembers(
  db: Queryable,
  wardId: string,
  members: MemberRow[],
): Promise<{ id: string; phone: string; inserted: boolean }[]> {
  const { rows } = await db.query<{ id: string; phone: string; inserted: boolean }>(
    `INSERT INTO members (ward_id, full_name, phone, role, unit_id, active)
     SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::uuid[], $6::boolean[])
     ON CONFLICT (ward_id, phone) DO UPDATE
       SET full_name = EXCLUDED.full_name, role = EXCLUDED.role, unit_id = EXCLUDED.unit_id,
           active = EXCLUDED.active
     RETURNING id, phone, (xmax = 0) AS inserted`,
    [
      wardId,
      members.map((m) => m.fullName),
      members.map((m) => m.phone),
      members.map((m) => m.role),
      members.map((m) => m.unitId),
      members.map((m) => m.active),
    ],
  );
  return rows;
}

/** Phones of the ward's members, normalised, with role, state and unit, for the import preview. */
export async function knownPhones(
  db: Queryable,
): Promise<Map<string, { role: MemberRole; active: boolean; unitId: string | null }>> {
  const { rows } = await db.query<{
    phone: string;
    role: MemberRole;
    active: boolean;
    unitId: string | null;
  }>(`SELECT phone, role, active, unit_id AS "unitId" FROM members WHERE phone IS NOT NULL`);
  return new Map(rows.map(({ phone, role, active, unitId }) => [phone, { role, active, unitId }]));
}

/** Names of the ward's members without a phone, each with their role and whether they are active. */
export async function phonelessMembers(
  db: Queryable,
): Promise<{ fullName: string; role: MemberRole; active: boolean }[]> {
  const { rows } = await db.query<{ fullName: string; role: MemberRole; active: boolean }>(
    `SELECT full_name AS "fullName", role, active FROM members WHERE phone IS NULL`,
  );
  return rows;
}

/**
 * Units by lower-cased name and short name, for matching the "Tổ/đơn vị" column. Stopped units are
 * matched too (the export lists their members); a unit in use wins a name both share.
 */
export async function unitsByName(
  db: Queryable,
): Promise<Map<string, { id: string; kind: string; name: string; active: boolean }>> {
  const { rows } = await db.query<{
    id: string;
    kind: string;
    name: string;
    shortName: string | null;
    active: boolean;
  }>(
    `SELECT id, kind, name, short_name AS "shortName", active FROM units WHERE kind <> 'khu_pho'
      ORDER BY active, sort_order`,
  );
  const map = new Map<string, { id: string; kind: string; name: string; active: boolean }>();
  for (const row of rows) {
    map.set(row.name.normalize('NFC').toLowerCase(), row);
    if (row.shortName) map.set(row.shortName.normalize('NFC').toLowerCase(), row);
  }
  return map;
}

/**
 * The ward's active admins, locked (in id order, so two admins changing each other wait instead of
 * deadlocking): a member change that could leave the ward without one runs after this and is checked
 * against what is left, so two admins locking each other at once cannot both succeed.
 */
export async function lockActiveAdmins(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT id FROM members WHERE role = 'admin' AND active ORDER BY id FOR UPDATE`,
  );
  return rows.map((row) => row.id);
}

export async function countActiveAdmins(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM members WHERE role = 'admin' AND active`,
  );
  return rows[0]!.n;
}
