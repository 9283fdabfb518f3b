/**
 * Factories make unique rows, so no test assumes empty tables or another test's data.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../../server/src/plugins/db.js';

const unique = () => randomBytes(4).toString('hex');

export interface WardFixture {
  wardId: string;
  slug: string;
  unitId: string;
  teamId: string;
  staffId: string;
  leaderId: string;
  teamMemberId: string;
  campaignId: string;
  taskId: string;
  assignmentId: string;
}

/** Ids of one row of every other kind a route can name, for the isolation matrix. */
export interface WardRows extends WardFixture {
  evidenceId: string;
  groupId: string;
  postId: string;
  scheduleId: string;
  occurrenceId: string;
  deliveryId: string;
  placeId: string;
  conversationId: string;
}

/** Which fixture row a path parameter names: by its name, or for `{id}` by the segment before it. */
const ROW_OF_PARAM: Record<string, keyof WardRows> = {
  campaigns: 'campaignId',
  campaignId: 'campaignId',
  tasks: 'taskId',
  taskId: 'taskId',
  assignments: 'assignmentId',
  assignmentId: 'assignmentId',
  units: 'teamId',
  unitId: 'teamId',
  members: 'teamMemberId',
  memberId: 'teamMemberId',
  evidence: 'evidenceId',
  evidenceId: 'evidenceId',
  posts: 'postId',
  postId: 'postId',
  slug: 'slug',
  schedules: 'scheduleId',
  occurrences: 'occurrenceId',
  deliveries: 'deliveryId',
  groups: 'groupId',
  places: 'placeId',
  conversations: 'conversationId',
};

/** The WardRows field that fills `{param}` of an OpenAPI path, or undefined for a kind not known here. */
export function wardRowOf(path: string, param: string): keyof WardRows | undefined {
  const segment =
    path
      .slice(0, path.indexOf(`{${param}}`))
      .split('/')
      .filter(Boolean)
      .at(-1) ?? '';
  return ROW_OF_PARAM[param] ?? (param === 'id' ? ROW_OF_PARAM[segment] : undefined);
}

/** A small ward: one department, one digital team, staff, a leader, a team member, a campaign with one task. */
export async function createWard(db: Db, name = `Phường Thử ${unique()}`): Promise<WardFixture> {
  return db.withSystem(async (client) => {
    const slug = `thu-${unique()}`;
    const q = async (sql: string, values: unknown[]) =>
      (await client.query<{ id: string }>(sql, values)).rows[0]!.id;
    const wardId = await q(
      `INSERT INTO wards (slug, name, place_name, level, province) VALUES ($1, $2, $2, 'phuong', 'Đồng Nai') RETURNING id`,
      [slug, name],
    );
    const unitId = await q(
      `INSERT INTO units (ward_id, kind, name) VALUES ($1, 'department', 'Phòng Văn hóa - Xã hội') RETURNING id`,
      [wardId],
    );
    const teamId = await q(
      `INSERT INTO units (ward_id, kind, name) VALUES ($1, 'digital_team', 'Tổ CNS Khu phố 1') RETURNING id`,
      [wardId],
    );
    const member = (role: string, unit: string) =>
      q(
        `INSERT INTO members (ward_id, unit_id, role, full_name, zalo_app_user_id) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [wardId, unit, role, `Người ${role} ${unique()}`, `9${Date.now()}${Math.floor(Math.random() * 1e6)}`],
      );
    const staffId = await member('staff', unitId);
    const leaderId = await member('leader', unitId);
    const teamMemberId = await member('team_member', teamId);
    const campaignId = await q(
      `INSERT INTO campaigns (ward_id, title, theme, starts_on, ends_on, created_by) VALUES ($1, $2, 'Chủ đề thử', '2026-05-18', '2026-05-24', $3) RETURNING id`,
      [wardId, `Kế hoạch của ${name}`, staffId],
    );
    const taskId = await q(
      `INSERT INTO tasks (ward_id, campaign_id, kind, title, due_at) VALUES ($1, $2, 'loudspeaker', 'Phát thanh', '2026-05-20T17:00:00+07:00') RETURNING id`,
      [wardId, campaignId],
    );
    const assignmentId = await q(
      `INSERT INTO assignments (ward_id, task_id, unit_id) VALUES ($1, $2, $3) RETURNING id`,
      [wardId, taskId, teamId],
    );
    return {
      wardId,
      slug,
      unitId,
      teamId,
      staffId,
      leaderId,
      teamMemberId,
      campaignId,
      taskId,
      assignmentId,
    };
  });
}

/** A ward with one row of every kind: evidence, a khu phố group, a post sent once, its delivery. */
export async function createWardWithEveryRow(db: Db, name?: string): Promise<WardRows> {
  const ward = await createWard(db, name);
  return db.withSystem(async (client) => {
    const q = async (sql: string, values: unknown[]) =>
      (await client.query<{ id: string }>(sql, values)).rows[0]!.id;
    const { wardId, assignmentId, teamMemberId, teamId, campaignId, staffId } = ward;
    const evidenceId = await q(
      `INSERT INTO evidence (ward_id, assignment_id, kind, note, uploaded_by)
       VALUES ($1, $2, 'note', 'Đã phát thanh 2 lần', $3) RETURNING id`,
      [wardId, assignmentId, teamMemberId],
    );
    // A khu phố group the team shares into, and one post sent to it once: the broadcast rows.
    const khuPhoId = await q(
      `INSERT INTO units (ward_id, kind, name) VALUES ($1, 'khu_pho', 'Khu phố 1') RETURNING id`,
      [wardId],
    );
    const groupId = await q(
      `INSERT INTO zalo_groups (ward_id, khu_pho_unit_id, responsible_unit_id, name, delivery_mode)
       VALUES ($1, $2, $3, 'Nhóm Zalo Khu phố 1', 'team_share') RETURNING id`,
      [wardId, khuPhoId, teamId],
    );
    const postId = await q(
      `INSERT INTO posts (ward_id, campaign_id, body, created_by) VALUES ($1, $2, 'Bài tuyên truyền thử', $3) RETURNING id`,
      [wardId, campaignId, staffId],
    );
    const scheduleId = await q(
      `INSERT INTO schedules (ward_id, post_id, kind, run_at, targets, created_by)
       VALUES ($1, $2, 'once', '2026-05-18T07:00:00+07:00', $3, $4) RETURNING id`,
      [wardId, postId, { groupIds: [groupId] }, staffId],
    );
    const occurrenceId = await q(
      `INSERT INTO occurrences (ward_id, schedule_id, post_id, due_at) VALUES ($1, $2, $3, '2026-05-18T07:00:00+07:00') RETURNING id`,
      [wardId, scheduleId, postId],
    );
    const deliveryId = await q(
      `INSERT INTO deliveries (ward_id, occurrence_id, target_kind, target_key, group_id, responsible_unit_id, status, body)
       VALUES ($1, $2, 'team_share', $3, $4, $5, 'waiting', 'Bài tuyên truyền thử') RETURNING id`,
      [wardId, occurrenceId, groupId, groupId, teamId],
    );
    const placeId = await q(
      `INSERT INTO places (ward_id, name, lat, lng) VALUES ($1, 'Trụ sở UBND', 10.95, 107.15) RETURNING id`,
      [wardId],
    );
    const conversationId = await q(
      `INSERT INTO conversations (ward_id, zalo_user_id) VALUES ($1, $2) RETURNING id`,
      [wardId, `oa-${wardId.slice(0, 8)}`],
    );
    return {
      ...ward,
      evidenceId,
      groupId,
      postId,
      scheduleId,
      occurrenceId,
      deliveryId,
      placeId,
      conversationId,
    };
  });
}
