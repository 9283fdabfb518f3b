/** Fills the simulator from the database: the default ward's OA, its members and its 17 groups. */
import type { Db } from '../../plugins/db.js';
import { findSimulatedWard, listWardGroups, listWardMembers } from './seed-sql.js';
import { DAY_MS, type SimState } from './state.js';

/** A few residents who are not members: they write to the OA and sit in the khu phố groups. */
const RESIDENTS = [
  { name: 'Lê Thị Hoa', khuPho: 1 },
  { name: 'Phạm Văn Nam', khuPho: 2 },
  { name: 'Võ Thị Lan', khuPho: 3 },
];

export async function seedSimulator(state: SimState, db: Db, wardSlug: string): Promise<boolean> {
  return db.withSystem(async (client) => {
    const ward = await findSimulatedWard(client, wardSlug);
    if (!ward) return false;
    state.oaId = ward.oaId;
    state.oaName = `UBND ${ward.name}`;
    const members = await listWardMembers(client, ward.id);
    const groups = await listWardGroups(client, ward.id);
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
