/**
 * Creates "Phường Dầu Giây" with its units, 17 digital teams, members, khu phố Zalo groups, and then
 * the Science, Technology and Innovation Day campaign the way staff would: the plan importer reads the
 * ward's plan and the import's save creates the campaign and its tasks. Idempotent: a ward that
 * already exists is left alone.
 *
 * Every row goes through the owning feature's service, as the set-up screens would write it, so the
 * seed's rows get the same rules and the same audit entries. What no person did is done by SYSTEM (no
 * member: the audit log shows "Hệ thống"); the plan is saved, approved and started by the ward's staff
 * and leader, as in real use.
 */
import type { MemberRole } from '@loa/shared';
import { recordAudit } from '../audit/audit.js';
import { transitionCampaign } from '../campaigns/service.js';
import { savePlan } from '../imports/service.js';
import type { Session } from '../plugins/auth.js';
import type { Db, Queryable } from '../plugins/db.js';
import { createWard, wardSlugTaken } from '../wards/create-ward.js';
import { registerGroup } from '../wards/groups-service.js';
import { linkZaloIds, touchOaInteraction } from '../wards/identity.js';
import { addMember } from '../wards/members-service.js';
import { createUnit, editWard } from '../wards/service.js';
import { DEMO_PLAN } from './demo-plan.js';
import { DEMO_UNITS, DEMO_WARD, demoPersonName, demoZaloIds, KHU_PHO_COUNT } from './demo-ward-data.js';
import { placeCampaignAround } from './place-demo.js';
import { confineToWard, lockSeeding } from './sql.js';

/** Khu phố whose group the OA created (GMF); the others are ordinary groups the teams share into. */
const OA_GROUP_KHU_PHO = new Set([1, 2, 3]);
const oaGroupId = (n: number) => `70011223344556${String(n).padStart(4, '0')}`;
const DAY_MS = 86_400_000;

interface MemberSeed {
  unitId: string;
  role: MemberRole;
  fullName: string;
  title: string;
  index: number;
  interactedDaysAgo: number | null;
}

/** The seed acting on the new ward: an admin that is no member (audit entries name no person). */
function systemIn(wardId: string): Session {
  return { memberId: undefined, wardId, role: 'admin', unitId: undefined, zaloUserId: undefined };
}

/** A member as the set-up screen adds them, then their Zalo ids and last OA contact as sign-in would. */
async function addDemoMember(db: Queryable, system: Session, member: MemberSeed): Promise<string> {
  const ids = demoZaloIds(member.index);
  const { id } = await addMember(db, system, {
    fullName: member.fullName,
    phone: ids.phone,
    role: member.role,
    unitId: member.unitId,
    title: member.title,
  });
  await linkZaloIds(db, id, ids.appUserId, ids.oaUserId);
  if (member.interactedDaysAgo !== null)
    await touchOaInteraction(
      db,
      system.wardId,
      ids.oaUserId,
      new Date(Date.now() - member.interactedDaysAgo * DAY_MS),
    );
  return id;
}

async function seedWard(db: Queryable, placeAround: string | undefined): Promise<void> {
  const ward = await createWard(db, {
    slug: DEMO_WARD.slug,
    name: DEMO_WARD.name,
    placeName: DEMO_WARD.placeName,
    level: DEMO_WARD.level,
    province: DEMO_WARD.province,
  });
  const wardId = ward.id;
  // From here on the services run confined to the new ward, as a request would be.
  await confineToWard(db, wardId);
  const system = systemIn(wardId);
  await recordAudit(db, {
    wardId,
    actorMemberId: undefined,
    action: 'wards.create',
    entity: 'ward',
    entityId: wardId,
    after: ward,
  });
  await editWard(db, system, {
    zaloOaId: DEMO_WARD.zaloOaId,
    centerLat: DEMO_WARD.centerLat,
    centerLng: DEMO_WARD.centerLng,
    radiusM: DEMO_WARD.radiusM,
  });

  // Sort orders as the ward lists them: offices first, then the khu phố, then their teams.
  const unitIds = new Map<string, string>();
  for (const [order, unit] of DEMO_UNITS.entries()) {
    const created = await createUnit(
      db,
      system,
      { kind: unit.kind, name: unit.name, shortName: unit.shortName },
      order,
    );
    unitIds.set(unit.key, created.id);
  }
  const teamIds: string[] = [];
  const khuPhoIds: string[] = [];
  for (let n = 1; n <= KHU_PHO_COUNT; n++) {
    const khuPho = await createUnit(
      db,
      system,
      { kind: 'khu_pho', name: `Khu phố ${n}`, shortName: `KP${n}` },
      100 + n,
    );
    khuPhoIds.push(khuPho.id);
    const team = await createUnit(
      db,
      system,
      {
        kind: 'digital_team',
        name: `Tổ Công nghệ số cộng đồng Khu phố ${n}`,
        shortName: `Tổ CNS KP${n}`,
        khuPhoName: khuPho.name,
      },
      200 + n,
    );
    teamIds.push(team.id);
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
  const officeIds: string[] = [];
  for (const member of office) officeIds.push(await addDemoMember(db, system, member));
  for (const member of teamMembers) await addDemoMember(db, system, member);
  const [leaderId, staffId] = officeIds;

  // The OA's own groups are the ones Zalo lists for it (the simulator serves the same ids).
  const oaGroups = new Set([...OA_GROUP_KHU_PHO].map(oaGroupId));
  for (let n = 1; n <= KHU_PHO_COUNT; n++) {
    const oaGroup = OA_GROUP_KHU_PHO.has(n);
    await registerGroup(
      db,
      system,
      {
        name: `Nhóm Zalo Khu phố ${n}`,
        deliveryMode: oaGroup ? 'oa_group' : 'team_share',
        zaloGroupId: oaGroup ? oaGroupId(n) : null,
        khuPhoUnitId: khuPhoIds[n - 1]!,
        responsibleUnitId: teamIds[n - 1]!,
      },
      oaGroups,
    );
  }

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
  const { campaignId } = await savePlan(db, staff, {
    ...DEMO_PLAN,
    campaign: plan.campaign,
    tasks: plan.tasks,
  });
  // The demo runs: the leader approved the plan and staff started it.
  await transitionCampaign(db, leader, campaignId, 'approve');
  await transitionCampaign(db, staff, campaignId, 'activate');
  await recordAudit(db, {
    wardId,
    actorMemberId: undefined,
    action: 'seed.demo_ward',
    entity: 'ward',
    entityId: wardId,
    after: { slug: DEMO_WARD.slug, campaignId },
  });
}

/**
 * Returns true when the ward was created now, false when it already existed. `placeAround` (a ward
 * day, e.g. today) moves the campaign's dates so the demo is alive on that day (see place-demo.ts);
 * without it the plan keeps the dates it was written with, which tests rely on.
 */
export async function seedDemoWardIfEmpty(db: Db, options: { placeAround?: string } = {}): Promise<boolean> {
  return db.withSystem(async (client) => {
    await lockSeeding(client);
    if (await wardSlugTaken(client, DEMO_WARD.slug)) return false;
    await seedWard(client, options.placeAround);
    return true;
  });
}
