/**
 * Creates "Phường Dầu Giây" with its units, 17 digital teams, members, khu phố Zalo groups, and then
 * the Science, Technology and Innovation Day campaign the way staff would: the plan importer reads the
 * ward's plan and the import's save creates the campaign and its tasks. Idempotent: a ward that
 * already exists is left alone.
 */
import type pg from 'pg';
import { transitionCampaign } from '../campaigns/service.js';
import { savePlan } from '../imports/service.js';
import type { Session } from '../plugins/auth.js';
import type { Db } from '../plugins/db.js';
import { DEMO_PLAN } from './demo-plan.js';
import { DEMO_UNITS, DEMO_WARD, demoPersonName, demoZaloIds, KHU_PHO_COUNT } from './demo-ward-data.js';
import { placeCampaignAround } from './place-demo.js';

/** Khu phố whose group the OA created (GMF); the others are ordinary groups the teams share into. */
const OA_GROUP_KHU_PHO = new Set([1, 2, 3]);

interface MemberSeed {
  unitId: string | null;
  role: string;
  fullName: string;
  title: string;
  index: number;
  interactedDaysAgo: number | null;
}

async function insertUnit(
  client: pg.PoolClient,
  wardId: string,
  unit: {
    kind: string;
    name: string;
    shortName?: string | null;
    khuPhoUnitId?: string | null;
    sortOrder: number;
  },
): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO units (ward_id, kind, name, short_name, khu_pho_unit_id, sort_order)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [wardId, unit.kind, unit.name, unit.shortName ?? null, unit.khuPhoUnitId ?? null, unit.sortOrder],
  );
  return rows[0]!.id;
}

async function insertMembers(
  client: pg.PoolClient,
  wardId: string,
  members: MemberSeed[],
): Promise<string[]> {
  const ids = members.map((member) => demoZaloIds(member.index));
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO members (ward_id, unit_id, role, full_name, title, phone, zalo_app_user_id, zalo_oa_user_id, last_oa_interaction_at)
     SELECT $1, unit_id, role, full_name, title, phone, app_id, oa_id,
            CASE WHEN days IS NULL THEN NULL ELSE now() - make_interval(days => days) END
       FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::int[])
            WITH ORDINALITY AS m(unit_id, role, full_name, title, phone, app_id, oa_id, days, n)
      ORDER BY n
     RETURNING id`,
    [
      wardId,
      members.map((m) => m.unitId),
      members.map((m) => m.role),
      members.map((m) => m.fullName),
      members.map((m) => m.title),
      ids.map((i) => i.phone),
      ids.map((i) => i.appUserId),
      ids.map((i) => i.oaUserId),
      members.map((m) => m.interactedDaysAgo),
    ],
  );
  return rows.map((row) => row.id);
}

async function seedWard(client: pg.PoolClient, placeAround: string | undefined): Promise<void> {
  const { rows: wardRows } = await client.query<{ id: string }>(
    `INSERT INTO wards (slug, name, place_name, level, province, center_lat, center_lng, radius_m, zalo_oa_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [
      DEMO_WARD.slug,
      DEMO_WARD.name,
      DEMO_WARD.placeName,
      DEMO_WARD.level,
      DEMO_WARD.province,
      DEMO_WARD.centerLat,
      DEMO_WARD.centerLng,
      DEMO_WARD.radiusM,
      DEMO_WARD.zaloOaId,
    ],
  );
  const wardId = wardRows[0]!.id;

  const unitIds = new Map<string, string>();
  for (const [order, unit] of DEMO_UNITS.entries()) {
    unitIds.set(unit.key, await insertUnit(client, wardId, { ...unit, sortOrder: order }));
  }
  const teamIds: string[] = [];
  const khuPhoIds: string[] = [];
  for (let n = 1; n <= KHU_PHO_COUNT; n++) {
    const khuPhoId = await insertUnit(client, wardId, {
      kind: 'khu_pho',
      name: `Khu phố ${n}`,
      shortName: `KP${n}`,
      sortOrder: 100 + n,
    });
    khuPhoIds.push(khuPhoId);
    teamIds.push(
      await insertUnit(client, wardId, {
        kind: 'digital_team',
        name: `Tổ Công nghệ số cộng đồng Khu phố ${n}`,
        shortName: `Tổ CNS KP${n}`,
        khuPhoUnitId: khuPhoId,
        sortOrder: 200 + n,
      }),
    );
  }

  // People: the signer of the plan, the office staff, an admin, and 2–3 members per team.
  let person = 0;
  const office: MemberSeed[] = [
    {
      unitId: unitIds.get('leadership')!,
      role: 'leader',
      fullName: 'Bùi Văn Điệp',
      title: 'Phó Chủ tịch UBND phường',
      index: person++,
      interactedDaysAgo: 1,
    },
    {
      unitId: unitIds.get('vhxh')!,
      role: 'staff',
      fullName: 'Nguyễn Thị Nhi',
      title: 'Công chức Phòng Văn hóa - Xã hội',
      index: person++,
      interactedDaysAgo: 0,
    },
    {
      unitId: unitIds.get('dvth')!,
      role: 'staff',
      fullName: 'Trần Minh Hùng',
      title: 'Viên chức Trung tâm Dịch vụ tổng hợp',
      index: person++,
      interactedDaysAgo: 3,
    },
    {
      unitId: unitIds.get('vhxh')!,
      role: 'admin',
      fullName: 'Lê Quốc Bảo',
      title: 'Quản trị hệ thống',
      index: person++,
      interactedDaysAgo: null,
    },
  ];
  const teamMembers: MemberSeed[] = [];
  teamIds.forEach((teamId, t) => {
    const size = t % 3 === 0 ? 3 : 2;
    for (let k = 0; k < size; k++) {
      const index = person++;
      teamMembers.push({
        unitId: teamId,
        role: k === 0 ? 'team_lead' : 'team_member',
        fullName: demoPersonName(index),
        title: k === 0 ? `Tổ trưởng Tổ CNS Khu phố ${t + 1}` : `Thành viên Tổ CNS Khu phố ${t + 1}`,
        index,
        // A mix of recent, stale and never: the reminder channel depends on it.
        interactedDaysAgo: k === 0 ? (t % 4 === 3 ? 10 : 1) : t % 2 === 0 ? 5 : null,
      });
    }
  });
  const [leaderId, staffId] = await insertMembers(client, wardId, office);
  await insertMembers(client, wardId, teamMembers);

  for (let n = 1; n <= KHU_PHO_COUNT; n++) {
    const oaGroup = OA_GROUP_KHU_PHO.has(n);
    await client.query(
      `INSERT INTO zalo_groups (ward_id, khu_pho_unit_id, responsible_unit_id, name, delivery_mode, zalo_group_id)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        wardId,
        khuPhoIds[n - 1],
        teamIds[n - 1],
        `Nhóm Zalo Khu phố ${n}`,
        oaGroup ? 'oa_group' : 'team_share',
        oaGroup ? `70011223344556${String(n).padStart(4, '0')}` : null,
      ],
    );
  }

  // From here on the ward's own services run, confined to the new ward as a request would be.
  await client.query(`SET LOCAL app.ward_id = '${wardId}'`);
  const plan = placeAround
    ? placeCampaignAround(placeAround, DEMO_PLAN.campaign, DEMO_PLAN.tasks)
    : DEMO_PLAN;
  const staff: Session = {
    memberId: staffId,
    wardId,
    role: 'staff',
    unitId: unitIds.get('vhxh'),
    zaloUserId: undefined,
  };
  const leader: Session = { ...staff, memberId: leaderId, role: 'leader', unitId: unitIds.get('leadership') };
  const { campaignId } = await savePlan(client, staff, {
    ...DEMO_PLAN,
    campaign: plan.campaign,
    tasks: plan.tasks,
  });
  // The demo runs: the leader approved the plan and staff started it.
  await transitionCampaign(client, leader, campaignId, 'approve');
  await transitionCampaign(client, staff, campaignId, 'activate');
  await client.query(
    `INSERT INTO audit_log (ward_id, actor_member_id, action, entity, entity_id, after)
     VALUES ($1, NULL, 'seed.demo_ward', 'ward', $2, $3)`,
    [wardId, wardId, { slug: DEMO_WARD.slug, campaignId }],
  );
}

/**
 * Returns true when the ward was created now, false when it already existed. `placeAround` (a ward
 * day, e.g. today) moves the campaign's dates so the demo is alive on that day (see place-demo.ts);
 * without it the plan keeps the dates it was written with, which tests rely on.
 */
export async function seedDemoWardIfEmpty(db: Db, options: { placeAround?: string } = {}): Promise<boolean> {
  return db.withSystem(async (client) => {
    // Serialise concurrent seeders (two instances starting together).
    await client.query('SELECT pg_advisory_xact_lock(727002)');
    const { rowCount } = await client.query('SELECT 1 FROM wards WHERE slug = $1', [DEMO_WARD.slug]);
    if (rowCount) return false;
    await seedWard(client, options.placeAround);
    return true;
  });
}
