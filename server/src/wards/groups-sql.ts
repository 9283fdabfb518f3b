/** Queries of a ward's Zalo groups, with each group's latest delivery. */
import type { SetupGroup } from '@loa/shared';
import type { Queryable } from '../plugins/db.js';

const GROUP_SELECT = `SELECT g.id, g.name, g.delivery_mode AS "deliveryMode", g.zalo_group_id AS "zaloGroupId",
    g.khu_pho_unit_id AS "khuPhoUnitId", k.name AS "khuPhoName",
    g.responsible_unit_id AS "responsibleUnitId", r.name AS "responsibleUnitName", g.status,
    (SELECT json_build_object('status', d.status,
              'at', to_char(COALESCE(d.sent_at, d.shared_at, d.updated_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
       FROM deliveries d WHERE d.group_id = g.id
      ORDER BY d.created_at DESC LIMIT 1) AS "lastDelivery"
  FROM zalo_groups g JOIN units k ON k.id = g.khu_pho_unit_id LEFT JOIN units r ON r.id = g.responsible_unit_id`;

export async function listGroups(db: Queryable): Promise<SetupGroup[]> {
  const { rows } = await db.query<SetupGroup>(
    `${GROUP_SELECT} ORDER BY g.status, k.sort_order, k.name, g.name`,
  );
  return rows;
}

export async function findGroup(db: Queryable, id: string): Promise<SetupGroup | undefined> {
  const { rows } = await db.query<SetupGroup>(`${GROUP_SELECT} WHERE g.id = $1`, [id]);
  return rows[0];
}

/** Which of these Zalo group ids the ward has registered, by Zalo id. */
export async function registeredZaloGroups(db: Queryable, zaloIds: string[]): Promise<Map<string, string>> {
  const { rows } = await db.query<{ id: string; zaloGroupId: string }>(
    `SELECT id, zalo_group_id AS "zaloGroupId" FROM zalo_groups WHERE zalo_group_id = ANY($1::text[])`,
    [zaloIds],
  );
  return new Map(rows.map((row) => [row.zaloGroupId, row.id]));
}

export async function insertGroup(
  db: Queryable,
  wardId: string,
  group: {
    name: string;
    deliveryMode: string;
    zaloGroupId: string | null;
    khuPhoUnitId: string;
    responsibleUnitId: string | null;
  },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO zalo_groups (ward_id, name, delivery_mode, zalo_group_id, khu_pho_unit_id, responsible_unit_id)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [wardId, group.name, group.deliveryMode, group.zaloGroupId, group.khuPhoUnitId, group.responsibleUnitId],
  );
  return rows[0]!.id;
}

export async function updateGroup(
  db: Queryable,
  id: string,
  group: { name: string; khuPhoUnitId: string; responsibleUnitId: string | null; status: string },
): Promise<void> {
  await db.query(
    `UPDATE zalo_groups SET name = $2, khu_pho_unit_id = $3, responsible_unit_id = $4, status = $5 WHERE id = $1`,
    [id, group.name, group.khuPhoUnitId, group.responsibleUnitId, group.status],
  );
}
