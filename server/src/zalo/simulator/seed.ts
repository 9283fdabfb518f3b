/** Fills the simulator from the database: the default ward's OA, its members and its 17 groups. */
import type { Db } from '../../plugins/db.js';
import { DAY_MS, type SimState } from './state.js';

interface MemberRow {
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

/** A few residents who are not members: they write to the OA and sit in the khu phố groups. */
const RESIDENTS = [
  { name: 'Lê Thị Hoa', khuPho: 1 },
  { name: 'Phạm Văn Nam', khuPho: 2 },
  { name: 'Võ Thị Lan', khuPho: 3 },
];

export async function seedSimulator(state: SimState, db: Db, wardSlug: string): Promise<boolean> {
  return db.withSystem(async (client) => {
    const { rows: wards } = await client.query<{ id: string; oaId: string; name: string }>(
      `SELECT id, zalo_oa_id AS "oaId", name FROM wards WHERE slug = $1 AND zalo_oa_id IS NOT NULL`,
      [wardSlug],
    );
    const ward = wards[0];
    if (!ward) return false;
    state.oaId = ward.oaId;
    state.oaName = `UBND ${ward.name}`;
    const { rows: members } = await client.query<MemberRow>(
      `SELECT m.id, m.full_name AS "fullName", m.role, u.name AS "unitName", g.name AS "groupName", m.phone, m.zalo_app_user_id AS "appUserId", m.zalo_oa_user_id AS "oaUserId",
              m.last_oa_interaction_at AS "lastInteraction"
         FROM members m LEFT JOIN units u ON u.id = m.unit_id
         LEFT JOIN zalo_groups g ON g.responsible_unit_id = m.unit_id
        WHERE m.ward_id = $1 AND m.active ORDER BY u.sort_order NULLS FIRST, m.full_name`,
      [ward.id],
    );
    const { rows: groups } = await client.query<{
      name: string;
      groupId: string | null;
      mode: string;
      status: string;
    }>(
      `SELECT name, zalo_group_id AS "groupId", delivery_mode AS mode, status
         FROM zalo_groups WHERE ward_id = $1 ORDER BY created_at, name`,
      [ward.id],
    );
    state.people.clear();
    state.groups.clear();
    for (const member of members) {
      if (!member.oaUserId || !member.appUserId) continue;
      state.people.set(member.oaUserId, {
        oaUserId: member.oaUserId,
        appUserId: member.appUserId,
        name: member.fullName,
        phone: member.phone ?? '',
        memberId: member.id,
        role: member.role,
        unitName: member.unitName ?? 'Văn phòng',
        lastInteraction: member.lastInteraction?.getTime(),
        follower: member.lastInteraction !== null,
        location: { latitude: 10.9419, longitude: 107.1408 },
      });
    }
    RESIDENTS.forEach((resident, index) => {
      const n = String(index + 1).padStart(3, '0');
      state.people.set(`8800000000000000${n}`, {
        oaUserId: `8800000000000000${n}`,
        appUserId: `7700000000000000${n}`,
        name: resident.name,
        phone: `84900000${n}`,
        role: 'resident',
        unitName: `Cư dân Khu phố ${resident.khuPho}`,
        lastInteraction: Date.now() - DAY_MS,
        follower: true,
        location: { latitude: 10.94, longitude: 107.14 },
      });
    });
    groups.forEach((group, index) => {
      // Ordinary groups have no Zalo id we know; the page still shows them under a local id.
      const groupId = group.groupId ?? `local-${index + 1}`;
      const memberIds = members
        .filter((member) => member.oaUserId && member.groupName === group.name)
        .map((member) => member.oaUserId as string);
      RESIDENTS.forEach((resident, r) => {
        if (group.name === `Nhóm Zalo Khu phố ${resident.khuPho}`)
          memberIds.push(`8800000000000000${String(r + 1).padStart(3, '0')}`);
      });
      state.groups.set(groupId, {
        groupId,
        name: group.name,
        oaGroup: group.mode === 'oa_group',
        status: group.status === 'disabled' ? 'disabled' : 'enabled',
        memberIds,
      });
    });
    return true;
  });
}
