/**
 * A new ward from nothing: the ward row, its office (Văn phòng HĐND và UBND) and its first admin, who
 * gets a sign-in link. Everything else (units, members, groups) is then set up in the app.
 */

import type { WardSettings } from '@loa/shared';
import { recordAudit } from '../audit/audit.js';
import type { Db, Queryable } from '../plugins/db.js';
import { createInvite, type InviteLinkBases } from './invites.js';
import { normaliseMobile } from './member-list.js';
import { insertMember } from './members-sql.js';
import { insertUnit, insertWard, wardSlugTaken } from './sql.js';

export interface NewWard {
  name: string;
  slug: string;
  province: string;
  adminName: string;
  adminPhone: string | undefined;
}

export { wardSlugTaken };

/**
 * The ward row alone, on a connection that sees every ward (no ward exists to confine it to yet). The
 * caller records the "wards.create" audit entry with whatever else it set up.
 */
export async function createWard(
  db: Queryable,
  ward: { slug: string; name: string; placeName: string; level: string; province: string },
): Promise<WardSettings> {
  if (await wardSlugTaken(db, ward.slug))
    throw new Error(`Đã có phường với mã "${ward.slug}". Chọn mã khác.`);
  return insertWard(db, ward);
}

export async function createWardWithAdmin(
  db: Db,
  ward: NewWard,
  links: InviteLinkBases,
): Promise<{ wardId: string; adminId: string; link: string; demoLink?: string; expiresAt: string }> {
  if (!/^[a-z0-9-]{2,80}$/.test(ward.slug))
    throw new Error('--slug chỉ gồm chữ thường không dấu, số và dấu gạch ngang, ví dụ "xuan-tho".');
  const phone = ward.adminPhone === undefined ? null : normaliseMobile(ward.adminPhone);
  if (phone === undefined)
    throw new Error('--admin-phone chưa đúng: cần số di động 10 chữ số, ví dụ 0912345678.');
  const level = /^xã\b/i.test(ward.name) ? 'xa' : /đặc khu/i.test(ward.name) ? 'dac_khu' : 'phuong';
  const placeName = ward.name.replace(/^(phường|xã|đặc khu)\s+/i, '').trim() || ward.name;
  return db.withSystem(async (client) => {
    const created = await createWard(client, {
      slug: ward.slug,
      name: ward.name,
      placeName,
      level,
      province: ward.province,
    });
    const officeId = await insertUnit(client, created.id, {
      kind: 'department',
      name: 'Văn phòng HĐND và UBND',
      shortName: 'Văn phòng',
      khuPhoUnitId: null,
    });
    const adminId = await insertMember(client, created.id, {
      fullName: ward.adminName,
      phone,
      role: 'admin',
      unitId: officeId,
      title: 'Quản trị',
      active: true,
    });
    await recordAudit(client, {
      wardId: created.id,
      actorMemberId: undefined,
      action: 'wards.create',
      entity: 'ward',
      entityId: created.id,
      after: { ...created, adminId },
    });
    const invite = await createInvite(client, {
      wardId: created.id,
      memberId: adminId,
      createdBy: undefined,
      links,
    });
    return { wardId: created.id, adminId, ...invite };
  });
}
