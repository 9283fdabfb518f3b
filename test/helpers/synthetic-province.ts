/**
 * A synthetic province: `count` wards, each with 17 digital teams and one active campaign of 50 tasks
 * assigned to every team (850 assignments per ward), statuses mixed. Built in a handful of set-based
 * statements so 100 wards take seconds.
 */
import type { Db } from '../../server/src/plugins/db.js';

export async function buildSyntheticWards(
  db: Db,
  options: { prefix: string; count: number; teams?: number; tasks?: number },
): Promise<{ wardId: string; campaignId: string }[]> {
  const { prefix, count, teams = 17, tasks = 50 } = options;
  return db.withSystem(async (client) => {
    const { rows: wards } = await client.query<{ id: string }>(
      `INSERT INTO wards (slug, name, place_name, level, province)
       SELECT $1 || '-' || g, 'Phường thử ' || $1 || ' ' || g, 'Thử ' || g, 'phuong', 'Tỉnh thử'
         FROM generate_series(1, $2) g RETURNING id`,
      [prefix, count],
    );
    const wardIds = wards.map((row) => row.id);
    await client.query(
      `INSERT INTO units (ward_id, kind, name, sort_order)
       SELECT w, 'digital_team', 'Tổ Công nghệ số cộng đồng Khu phố ' || n, 200 + n
         FROM unnest($1::uuid[]) w, generate_series(1, $2) n`,
      [wardIds, teams],
    );
    const { rows: campaigns } = await client.query<{ wardId: string; campaignId: string }>(
      `INSERT INTO campaigns (ward_id, title, theme, starts_on, ends_on, status)
       SELECT w, 'Kế hoạch thử', 'Chủ đề', '2026-05-18', '2026-05-24', 'active' FROM unnest($1::uuid[]) w
       RETURNING ward_id AS "wardId", id AS "campaignId"`,
      [wardIds],
    );
    await client.query(
      `INSERT INTO tasks (ward_id, campaign_id, kind, title, due_at, sort_order)
       SELECT c.ward_id, c.id, 'custom', 'Nhiệm vụ ' || n, now() + (n - $2 / 2) * interval '1 hour', n
         FROM campaigns c, generate_series(1, $2) n WHERE c.ward_id = ANY($1::uuid[])`,
      [wardIds, tasks],
    );
    await client.query(
      `INSERT INTO assignments (ward_id, task_id, unit_id, status)
       SELECT t.ward_id, t.id, u.id,
              (ARRAY['pending', 'acknowledged', 'submitted', 'accepted'])[1 + floor(random() * 4)::int]
         FROM tasks t JOIN units u ON u.ward_id = t.ward_id AND u.kind = 'digital_team'
        WHERE t.ward_id = ANY($1::uuid[])`,
      [wardIds],
    );
    await client.query('ANALYZE wards, units, campaigns, tasks, assignments');
    return campaigns;
  });
}
