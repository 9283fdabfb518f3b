/**
 * Rows for the dispatch benchmark: the bench ward (its OA is the one the simulator plays), then per
 * phase `groups` OA groups and `posts` approved posts, each scheduled once to every group.
 */
import type pg from 'pg';

export const BENCH_WARD_SLUG = 'bench-dispatch';
export const BENCH_OA_ID = '4318217340012279999';

const one = async (db: pg.Client, text: string, values: unknown[]) =>
  (await db.query<{ id: string }>(text, values)).rows[0]!.id;

export async function createBenchWard(db: pg.Client): Promise<string> {
  return one(
    db,
    `INSERT INTO wards (slug, name, place_name, level, province, zalo_oa_id)
     VALUES ($1, 'Phường thử tải', 'Phường thử tải', 'phuong', 'Đồng Nai', $2) RETURNING id`,
    [BENCH_WARD_SLUG, BENCH_OA_ID],
  );
}

export async function seedBench(
  db: pg.Client,
  options: { wardId: string; groups: number; posts: number; firstDueAt: Date; spacingMs: number },
) {
  const { wardId } = options;
  const tag = Math.random().toString(36).slice(2, 8);
  const khuPho = await one(
    db,
    `INSERT INTO units (ward_id, kind, name) VALUES ($1, 'khu_pho', $2) RETURNING id`,
    [wardId, `Khu phố thử tải ${tag}`],
  );
  const staff = await one(
    db,
    `INSERT INTO members (ward_id, role, full_name) VALUES ($1, 'staff', 'Cán bộ') RETURNING id`,
    [wardId],
  );
  const leader = await one(
    db,
    `INSERT INTO members (ward_id, role, full_name) VALUES ($1, 'leader', 'Lãnh đạo') RETURNING id`,
    [wardId],
  );
  const campaignId = await one(
    db,
    `INSERT INTO campaigns (ward_id, title, starts_on, ends_on, status, created_by)
     VALUES ($1, 'Kế hoạch thử tải', current_date - 1, current_date + 7, 'active', $2) RETURNING id`,
    [wardId, staff],
  );
  const { rows: groups } = await db.query<{ id: string; zaloGroupId: string }>(
    `INSERT INTO zalo_groups (ward_id, khu_pho_unit_id, name, delivery_mode, zalo_group_id)
     SELECT $1, $2, 'Nhóm ' || $3 || ' ' || n, 'oa_group', $3 || '-' || n FROM generate_series(1, $4) n
     RETURNING id, zalo_group_id AS "zaloGroupId"`,
    [wardId, khuPho, tag, options.groups],
  );
  const pairs: string[] = [];
  const dueAtByText = new Map<string, Date>();
  for (let p = 0; p < options.posts; p++) {
    const body = `Bài thử tải ${tag} số ${p + 1}: tuyên truyền Ngày Khoa học và Công nghệ Việt Nam 18/5.`;
    const dueAt = new Date(options.firstDueAt.getTime() + p * options.spacingMs);
    const postId = await one(
      db,
      `INSERT INTO posts (ward_id, campaign_id, body, status, created_by, approved_by, approved_at)
       VALUES ($1, $2, $3, 'approved', $4, $5, now()) RETURNING id`,
      [wardId, campaignId, body, staff, leader],
    );
    await db.query(
      `INSERT INTO schedules (ward_id, post_id, kind, run_at, targets, created_by) VALUES ($1, $2, 'once', $3, $4, $5)`,
      [wardId, postId, dueAt, JSON.stringify({ groupIds: groups.map((g) => g.id) }), staff],
    );
    dueAtByText.set(body, dueAt);
    for (const g of groups) pairs.push(`${g.zaloGroupId}\n${body}`);
  }
  return {
    expected: options.groups * options.posts,
    pairs,
    dueAtByText,
    firstDueAt: options.firstDueAt,
    groups: groups.map((g, n) => ({ groupId: g.zaloGroupId, name: `Nhóm thử tải ${n + 1}` })),
  };
}
