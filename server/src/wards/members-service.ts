/**
 * Members: add, edit, deactivate (the auth plugin refuses a deactivated member's session on the next
 * request), and the list import: preview first, save only a list with no problem, all in one transaction.
 */
import type {
  Member,
  MemberFields,
  MemberImportBody,
  MemberImportReply,
  MemberPatch,
  MemberRole,
} from '@loa/shared';
import { isTeamRole } from '@loa/shared';
import { recordAuditBy, recordAuditMany } from '../audit/audit.js';
import { AppError } from '../errors.js';
import type { Session } from '../plugins/auth.js';
import type { Queryable } from '../plugins/db.js';
import {
  membersCsv,
  membersWorkbook,
  normaliseMobile,
  phonelessByName,
  readMemberList,
} from './member-list.js';
import {
  countActiveAdmins,
  findMember,
  insertMember,
  knownPhones,
  listMembers,
  lockActiveAdmins,
  memberIdByPhone,
  phonelessMembers,
  unitsByName,
  updateMember,
  upsertMembers,
} from './members-sql.js';
import { findSetupUnit } from './sql.js';

export async function getMember(db: Queryable, id: string, lock = false): Promise<Member> {
  const member = await findMember(db, id, lock);
  if (!member) throw new AppError('NOT_FOUND', 'Không tìm thấy người này trong phường. Tải lại danh sách.');
  return member;
}

/**
 * Checks a member's fields against the ward; returns the phone as stored (84…). A phone of null is kept
 * as it is: only an admin made by `ward:create` without --admin-phone has none, and locking or editing
 * them must not ask for one.
 */
async function checkMember(
  db: Queryable,
  session: Session,
  fields: { phone: string | null; role: MemberRole; unitId: string | null },
  exceptId: string | null,
): Promise<string | null> {
  const phone = fields.phone === null ? null : normaliseMobile(fields.phone);
  if (phone === undefined) throw new AppError('MEMBER_PHONE_INVALID');
  if (fields.role === 'admin' && session.role !== 'admin') throw new AppError('MEMBER_ROLE_ADMIN_ONLY');
  if (fields.unitId) {
    const unit = await findSetupUnit(db, fields.unitId);
    if (!unit || unit.kind === 'khu_pho') throw new AppError('UNIT_UNKNOWN');
    if (isTeamRole(fields.role) && unit.kind !== 'digital_team') throw new AppError('MEMBER_UNIT_REQUIRED');
  } else if (isTeamRole(fields.role)) {
    throw new AppError('MEMBER_UNIT_REQUIRED');
  }
  if (phone && (await memberIdByPhone(db, phone, exceptId))) throw new AppError('MEMBER_PHONE_TAKEN');
  return phone;
}

export async function addMember(db: Queryable, session: Session, fields: MemberFields): Promise<Member> {
  const phone = await checkMember(db, session, fields, null);
  const id = await insertMember(db, session.wardId, {
    fullName: fields.fullName.trim(),
    phone,
    role: fields.role,
    unitId: fields.unitId,
    title: fields.title?.trim() || null,
    active: true,
  });
  const member = await getMember(db, id);
  await recordAuditBy(db, session, {
    action: 'members.create',
    entity: 'member',
    entityId: id,
    after: member,
  });
  return member;
}

export async function editMember(
  db: Queryable,
  session: Session,
  id: string,
  patch: MemberPatch,
): Promise<Member> {
  // The admins first, then the member: the same order in every change, so concurrent ones queue.
  await lockActiveAdmins(db);
  const before = await getMember(db, id, true);
  if (before.role === 'admin' && session.role !== 'admin') throw new AppError('MEMBER_ROLE_ADMIN_ONLY');
  if (id === session.memberId) {
    // Whoever locks or demotes themselves cannot undo it; another admin must (and the last admin could
    // not be replaced at all: ward:invite-admin needs an active admin).
    if (patch.active === false) throw new AppError('MEMBER_SELF_DEACTIVATE');
    if (patch.role !== undefined && patch.role !== before.role) throw new AppError('MEMBER_SELF_ROLE');
  }
  const merged = {
    fullName: patch.fullName?.trim() ?? before.fullName,
    phone: patch.phone ?? before.phone,
    role: patch.role ?? before.role,
    unitId: patch.unitId === undefined ? before.unitId : patch.unitId,
    title: patch.title === undefined ? before.title : patch.title?.trim() || null,
    active: patch.active ?? before.active,
  };
  const phone = await checkMember(db, session, merged, id);
  await updateMember(db, id, { ...merged, phone });
  if (before.role === 'admin' && before.active && (await countActiveAdmins(db)) === 0)
    throw new AppError('MEMBER_LAST_ADMIN');
  const after = await getMember(db, id);
  await recordAuditBy(db, session, {
    action: before.active && !after.active ? 'members.deactivate' : 'members.update',
    entity: 'member',
    entityId: id,
    before,
    after,
  });
  return after;
}

/** Preview (commit false) or save (commit true) a members list; a list with any problem saves nothing. */
export async function importMembers(
  db: Queryable,
  session: Session,
  body: MemberImportBody,
): Promise<MemberImportReply> {
  const content = Buffer.from(body.contentBase64, 'base64');
  if (content.length === 0) throw new AppError('IMPORT_FILE_UNREADABLE');
  // Saving: the admins stay as read here until the commit (see editMember).
  if (body.commit) await lockActiveAdmins(db);
  const phoneless = await phonelessMembers(db);
  const self = session.memberId ? await findMember(db, session.memberId) : undefined;
  const { rows, members } = await readMemberList(body.fileName, content, {
    units: await unitsByName(db),
    mayGrantAdmin: session.role === 'admin',
    existingPhones: await knownPhones(db),
    phonelessNames: phonelessByName(phoneless),
    selfPhone: self?.phone ? normaliseMobile(self.phone) : undefined,
    phonelessActiveAdmins: phoneless.filter((m) => m.role === 'admin' && m.active).length,
  });
  const ok = rows.every((row) => row.problems.length === 0);
  const created = rows.filter((row) => row.action === 'create').length;
  const updated = rows.filter((row) => row.action === 'update').length;
  if (!body.commit) return { ok, saved: false, rows, created, updated };
  if (!ok) {
    const wrong = rows.filter((row) => row.problems.length > 0);
    throw new AppError(
      'IMPORT_HAS_PROBLEMS',
      `Danh sách có ${wrong.length} dòng chưa đúng nên chưa lưu người nào. Sửa các dòng được nêu rồi gửi lại.`,
      wrong.map((row) => ({ field: `Dòng ${row.line}`, message: row.problems.join(' ') })),
    );
  }
  const saved = await upsertMembers(db, session.wardId, members);
  if ((await countActiveAdmins(db)) === 0) throw new AppError('MEMBER_LAST_ADMIN');
  await recordAuditMany(
    db,
    saved.map((row) => ({
      wardId: session.wardId,
      actorMemberId: session.memberId,
      action: row.inserted ? 'members.import_create' : 'members.import_update',
      entity: 'member',
      entityId: row.id,
      after: members.find((m) => m.phone === row.phone),
    })),
  );
  return { ok, saved: true, rows, created, updated };
}

/**
 * The member list as a file (.xlsx or .csv, the import's columns). Every phone number of the ward leaves
 * the system with it, so who took it, when and in which format is recorded, in the same transaction.
 */
export async function exportMembers(
  db: Queryable,
  session: Session,
  format: 'xlsx' | 'csv',
): Promise<Buffer | string> {
  const members = await listMembers(db);
  const file = format === 'csv' ? membersCsv(members) : await membersWorkbook(members);
  await recordAuditBy(db, session, {
    action: 'members.export',
    entity: 'ward',
    entityId: session.wardId,
    after: { format, members: members.length },
  });
  return file;
}
