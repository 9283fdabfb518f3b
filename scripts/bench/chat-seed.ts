/**
 * The bench:chat ward: its OA (the one the simulator plays), a running campaign with its own theme,
 * slogans, purposes and posts (what residents ask about), digital teams with open tasks, and `people`
 * OA followers of whom `teamShare` are team members (recognised by their OA id), the rest residents.
 */
import type pg from 'pg';

export const CHAT_WARD_SLUG = 'bench-chat';
export const CHAT_OA_ID = '4318217340012270001';
const TEAM_SIZE = 10;

const one = async (db: pg.Client, text: string, values: unknown[]) =>
  (await db.query<{ id: string }>(text, values)).rows[0]!.id;

export interface ChatPerson {
  oaUserId: string;
  name: string;
  role: 'resident' | 'team_lead' | 'team_member';
}

export async function seedChatWard(
  db: pg.Client,
  options: { people: number; teamShare: number; idPrefix: string },
): Promise<{ wardId: string; people: ChatPerson[] }> {
  const wardId = await one(
    db,
    `INSERT INTO wards (slug, name, place_name, level, province, zalo_oa_id)
     VALUES ($1, 'Phường thử tải trò chuyện', 'Phường thử tải', 'phuong', 'Đồng Nai', $2) RETURNING id`,
    [CHAT_WARD_SLUG, CHAT_OA_ID],
  );
  const staff = await one(
    db,
    `INSERT INTO members (ward_id, role, full_name) VALUES ($1, 'staff', 'Cán bộ văn phòng') RETURNING id`,
    [wardId],
  );
  const leader = await one(
    db,
    `INSERT INTO members (ward_id, role, full_name) VALUES ($1, 'leader', 'Lãnh đạo phường') RETURNING id`,
    [wardId],
  );
  const campaignId = await one(
    db,
    `INSERT INTO campaigns (ward_id, title, theme, slogans, purposes, starts_on, ends_on, status, created_by)
     VALUES ($1, 'Kế hoạch tuyên truyền Ngày Chuyển đổi số', 'Chuyển đổi số toàn dân, toàn diện',
             ARRAY['Dữ liệu số, cuộc sống số', 'Mỗi người dân một tài khoản định danh điện tử'],
             ARRAY['Tuyên truyền lợi ích của dịch vụ công trực tuyến'],
             current_date - 1, current_date + 6, 'active', $2) RETURNING id`,
    [wardId, staff],
  );
  const tasks = [
    { kind: 'hang_banner', title: 'Treo băng rôn tại nhà văn hóa khu phố', photos: 2 },
    { kind: 'loudspeaker', title: 'Phát thanh tuyên truyền trên loa khu phố', photos: 0 },
    { kind: 'share_post', title: 'Chia sẻ bài viết vào nhóm Zalo khu phố', photos: 0 },
  ];
  for (const [index, task] of tasks.entries()) {
    await db.query(
      `INSERT INTO tasks (ward_id, campaign_id, kind, title, due_at, sort_order, evidence_photo_count)
       VALUES ($1, $2, $3, $4, now() + interval '3 days', $5, $6)`,
      [wardId, campaignId, task.kind, task.title, index, task.photos],
    );
  }
  for (let n = 1; n <= 3; n++) {
    await db.query(
      `INSERT INTO posts (ward_id, campaign_id, body, status, created_by, approved_by, approved_at)
       VALUES ($1, $2, $3, 'approved', $4, $5, now())`,
      [wardId, campaignId, `Bài tuyên truyền số ${n} về chuyển đổi số.`, staff, leader],
    );
  }

  const people: ChatPerson[] = [];
  const members = Math.round(options.people * options.teamShare);
  const teams = Math.max(1, Math.ceil(members / TEAM_SIZE));
  for (let team = 0; team < teams; team++) {
    const unitId = await one(
      db,
      `INSERT INTO units (ward_id, kind, name, sort_order) VALUES ($1, 'digital_team', $2, $3) RETURNING id`,
      [wardId, `Tổ Công nghệ số cộng đồng thử tải ${team + 1}`, team],
    );
    await db.query(
      `INSERT INTO assignments (ward_id, task_id, unit_id) SELECT ward_id, id, $2 FROM tasks WHERE campaign_id = $1`,
      [campaignId, unitId],
    );
    for (let k = 0; k < TEAM_SIZE && people.length < members; k++) {
      const person: ChatPerson = {
        oaUserId: `${options.idPrefix}${String(people.length + 1).padStart(6, '0')}`,
        name: `${k === 0 ? 'Tổ trưởng' : 'Tổ viên'} ${team + 1}.${k + 1}`,
        role: k === 0 ? 'team_lead' : 'team_member',
      };
      await db.query(
        `INSERT INTO members (ward_id, unit_id, role, full_name, zalo_oa_user_id) VALUES ($1, $2, $3, $4, $5)`,
        [wardId, unitId, person.role, person.name, person.oaUserId],
      );
      people.push(person);
    }
  }
  while (people.length < options.people) {
    people.push({
      oaUserId: `${options.idPrefix}${String(people.length + 1).padStart(6, '0')}`,
      name: `Người dân ${people.length + 1}`,
      role: 'resident',
    });
  }
  return { wardId, people };
}
