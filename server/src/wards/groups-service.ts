/**
 * Zalo groups of a ward. `oa_group`: a group the OA created, listed by Zalo (`getgroupsofoa`), posted
 * into directly. `team_share`: an ordinary khu phố group, shared into by hand by the team named here.
 */
import type { GroupFields, GroupPatch, OaGroupList, SetupGroup } from '@loa/shared';
import type { FastifyInstance } from 'fastify';
import { recordAuditBy } from '../audit/audit.js';
import { AppError } from '../errors.js';
import type { Session } from '../plugins/auth.js';
import type { Queryable } from '../plugins/db.js';
import { ZaloApiError } from '../zalo/errors.js';
import { findGroup, insertGroup, registeredZaloGroups, updateGroup } from './groups-sql.js';
import { nameTaken } from './service.js';
import { findSetupUnit } from './sql.js';

const PAGE = 50;
const MAX_GROUPS = 2000;

/**
 * Every group the ward's own OA belongs to, page by page as Zalo serves them. A ward without an OA id,
 * or whose OA is not connected, is refused (409, with what to do): it never sees another ward's groups.
 */
export async function fetchOaGroups(
  app: FastifyInstance,
  wardId: string,
): Promise<{ zaloGroupId: string; name: string }[]> {
  const { messenger } = await app.zalo.oas.forWard(wardId);
  const groups: { zaloGroupId: string; name: string }[] = [];
  try {
    for (let offset = 0; offset < MAX_GROUPS; offset += PAGE) {
      const page = await messenger.getGroupsOfOa(offset, PAGE);
      for (const group of page.groups)
        groups.push({ zaloGroupId: String(group.group_id), name: String(group.name ?? '') });
      if (page.groups.length < PAGE || groups.length >= page.total) break;
    }
  } catch (error) {
    // Zalo busy or unreachable: 503, try again later. Anything else needs a person to act (409).
    if (error instanceof ZaloApiError && ['retryable', 'rate_limited', 'unknown'].includes(error.kind))
      throw new AppError('ZALO_UNAVAILABLE', `Chưa lấy được danh sách nhóm từ Zalo: ${error.explanation}`);
    if (error instanceof ZaloApiError)
      throw new AppError('ZALO_OA_NOT_CONNECTED', `Zalo từ chối lấy danh sách nhóm: ${error.explanation}`);
    // No OA id or token yet: the ward's OA is not connected (a 503 would tell the app to retry).
    app.log.warn({ err: error }, 'groups of the OA unavailable');
    throw new AppError(
      'ZALO_OA_NOT_CONNECTED',
      'Chưa lấy được danh sách nhóm từ Zalo: OA của phường chưa được kết nối (kiểm tra OA id và quyền của ứng dụng).',
    );
  }
  return groups;
}

export async function markRegistered(
  db: Queryable,
  groups: { zaloGroupId: string; name: string }[],
): Promise<OaGroupList> {
  const registered = await registeredZaloGroups(
    db,
    groups.map((group) => group.zaloGroupId),
  );
  return {
    groups: groups.map((group) => ({ ...group, registeredId: registered.get(group.zaloGroupId) ?? null })),
  };
}

export async function getGroup(db: Queryable, id: string): Promise<SetupGroup> {
  const group = await findGroup(db, id);
  if (!group)
    throw new AppError('NOT_FOUND', 'Không tìm thấy nhóm Zalo này trong phường. Tải lại danh sách.');
  return group;
}

async function checkTeam(db: Queryable, unitId: string | null | undefined): Promise<void> {
  if (!unitId) return;
  const unit = await findSetupUnit(db, unitId);
  if (unit?.kind !== 'digital_team')
    throw new AppError(
      'UNIT_UNKNOWN',
      'Tổ phụ trách phải là một Tổ Công nghệ số cộng đồng của phường. Chọn lại tổ.',
    );
}

export async function registerGroup(
  db: Queryable,
  session: Session,
  fields: GroupFields,
  /** The OA's group ids from Zalo, fetched before the transaction (only for an oa_group). */
  oaGroupIds: Set<string> | undefined,
): Promise<SetupGroup> {
  const khuPho = await findSetupUnit(db, fields.khuPhoUnitId);
  if (khuPho?.kind !== 'khu_pho') throw new AppError('KHU_PHO_UNKNOWN');
  await checkTeam(db, fields.responsibleUnitId);
  let zaloGroupId: string | null = null;
  if (fields.deliveryMode === 'oa_group') {
    if (!fields.zaloGroupId) throw new AppError('GROUP_NEEDS_ZALO_ID');
    // Only a group the OA is in accepts its messages: check with Zalo before saving.
    if (!oaGroupIds?.has(fields.zaloGroupId))
      throw new AppError(
        'GROUP_NEEDS_ZALO_ID',
        'Mã nhóm này không có trong các nhóm của OA trên Zalo. Bấm "Lấy nhóm từ Zalo" rồi chọn nhóm trong danh sách.',
      );
    zaloGroupId = fields.zaloGroupId;
  } else if (!fields.responsibleUnitId) {
    throw new AppError('GROUP_NEEDS_TEAM');
  }
  const id = await insertGroup(db, session.wardId, {
    name: fields.name.trim(),
    deliveryMode: fields.deliveryMode,
    zaloGroupId,
    khuPhoUnitId: fields.khuPhoUnitId,
    responsibleUnitId: fields.responsibleUnitId ?? null,
  }).catch(nameTaken('GROUP_NAME_TAKEN'));
  const group = await getGroup(db, id);
  await recordAuditBy(db, session, {
    action: 'groups.create',
    entity: 'zalo_group',
    entityId: id,
    after: group,
  });
  return group;
}

export async function editGroup(
  db: Queryable,
  session: Session,
  id: string,
  patch: GroupPatch,
): Promise<SetupGroup> {
  const before = await getGroup(db, id);
  if (patch.khuPhoUnitId !== undefined && patch.khuPhoUnitId !== before.khuPhoUnitId) {
    const khuPho = await findSetupUnit(db, patch.khuPhoUnitId);
    if (khuPho?.kind !== 'khu_pho') throw new AppError('KHU_PHO_UNKNOWN');
  }
  await checkTeam(db, patch.responsibleUnitId);
  const responsibleUnitId =
    patch.responsibleUnitId === undefined ? before.responsibleUnitId : patch.responsibleUnitId;
  if (before.deliveryMode === 'team_share' && !responsibleUnitId) throw new AppError('GROUP_NEEDS_TEAM');
  await updateGroup(db, id, {
    name: patch.name?.trim() ?? before.name,
    khuPhoUnitId: patch.khuPhoUnitId ?? before.khuPhoUnitId,
    responsibleUnitId,
    status: patch.status ?? before.status,
  }).catch(nameTaken('GROUP_NAME_TAKEN'));
  const after = await getGroup(db, id);
  await recordAuditBy(db, session, {
    action: 'groups.update',
    entity: 'zalo_group',
    entityId: id,
    before,
    after,
  });
  return after;
}
