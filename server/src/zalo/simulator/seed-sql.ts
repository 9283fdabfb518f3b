/** What the simulator reads to fill itself: the ward's OA, its active members and its groups. */
import type { Queryable } from '../../plugins/db.js';

export interface MemberRow {
  id: string;
  fullName: string;
  role: string;
  unitName: string | null;
  groupName: string | null;
  phone: string | null;
  appUserId: string | null;
  oaUserId: string | null;
  lastInteraction: Date | null;
}

export async function findSimulatedWard(db: Queryable, wardSlug: string) {
  const { rows } = await db.query<{ id: string; oaId: string; name: string }>(
    `SELECT id, zalo_oa_id AS "oaId", name FROM wards WHERE slug = $1 AND zalo_oa_id IS NOT NULL`,
    [wardSlug],
  );
  return rows[0];
}

export async function listWardMembers(db: Queryable, wardId: string): Promise<MemberRow[]> {
  const { rows } = await db.query<MemberRow>(
    `SELECT m.id, m.full_name AS "fullName", m.role, u.name AS "unitName", g.name AS "groupName", m.phone, m.zalo_app_user_id AS "appUserId", m.zalo_oa_user_id AS "oaUserId",
            m.last_oa_interaction_at AS "lastInteraction"
       FROM members m LEFT JOIN units u ON u.id = m.unit_id
       LEFT JOIN zalo_groups g ON g.responsible_unit_id = m.unit_id
      WHERE m.ward_id = $1 AND m.active ORDER BY u.sort_order NULLS FIRST, m.full_name`,
    [wardId],
  );
  return rows;
}

export async function listWardGroups(db: Queryable, wardId: string) {
  const { rows } = await db.query<{ name: string; groupId: string | null; mode: string; status: string }>(
    `SELECT name, zalo_group_id AS "groupId", delivery_mode AS mode, status
       FROM zalo_groups WHERE ward_id = $1 ORDER BY created_at, name`,
    [wardId],
  );
  return rows;
}
