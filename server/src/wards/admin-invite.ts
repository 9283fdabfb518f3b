/**
 * A new sign-in link for a ward's admin, from the command line. The first admin's link from
 * `npm run ward:create` lasts 7 days; if it expires before anyone used it, nobody in the ward can
 * sign in to make another one (staff may not invite admins), and `ward:create` again refuses the slug.
 */
import { recordAudit } from '../audit/audit.js';
import type { Db } from '../plugins/db.js';
import { createInvite, type InviteLinkBases } from './invites.js';
import { displayPhone, normaliseMobile } from './member-list.js';
import { activeAdmins, findWardBySlug } from './sql.js';

export async function inviteWardAdmin(
  db: Db,
  request: { slug: string; phone: string | undefined },
  links: InviteLinkBases,
): Promise<{ wardName: string; adminName: string; link: string; demoLink?: string; expiresAt: string }> {
  const phone = request.phone === undefined ? undefined : normaliseMobile(request.phone);
  if (request.phone !== undefined && phone === undefined)
    throw new Error('--phone chưa đúng: cần số di động 10 chữ số, ví dụ 0912345678.');
  return db.withSystem(async (client) => {
    const ward = await findWardBySlug(client, request.slug);
    if (!ward)
      throw new Error(
        `Không có phường nào với mã "${request.slug}". Xem lại --slug (mã đã đặt khi chạy ward:create).`,
      );
    const admins = await activeAdmins(client, ward.id);
    if (admins.length === 0) throw new Error(`${ward.name} không còn quản trị viên nào đang hoạt động.`);
    let admin = admins[0]!;
    if (phone !== undefined) {
      const found = admins.find((a) => a.phone === phone);
      if (!found)
        throw new Error(
          `${ward.name} không có quản trị viên đang hoạt động với số ${displayPhone(phone)}. Xem lại --phone.`,
        );
      admin = found;
    } else if (admins.length > 1) {
      throw new Error(
        `${ward.name} có ${admins.length} quản trị viên: thêm --phone để chọn người nhận liên kết.`,
      );
    }
    const invite = await createInvite(client, {
      wardId: ward.id,
      memberId: admin.id,
      createdBy: undefined,
      links,
    });
    // No member made it: the audit entry has no actor, like `wards.create`.
    await recordAudit(client, {
      wardId: ward.id,
      actorMemberId: undefined,
      action: 'members.invite',
      entity: 'member',
      entityId: admin.id,
      after: { expiresAt: invite.expiresAt, from: 'ward:invite-admin' },
    });
    return { wardName: ward.name, adminName: admin.fullName, ...invite };
  });
}
