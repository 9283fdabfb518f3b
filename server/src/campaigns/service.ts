/**
 * The rules of a campaign's life: a coherent period, units and signer from the same ward, edits only
 * before it runs, approval by a leader who did not write it, then activate and close. Every change is
 * written to the audit log in the same transaction.
 */
import type { Campaign, CampaignFields, CampaignPatch, CampaignStatus } from '@loa/shared';
import { recordAuditBy } from '../audit/audit.js';
import { AppError } from '../errors.js';
import { DEFAULT_REMINDER_RULES, replaceReminderRules } from '../notifications/reminder-rules.js';
import type { Session } from '../plugins/auth.js';
import type { Queryable } from '../plugins/db.js';
import {
  existingUnitIds,
  existingUnits,
  findCampaign,
  findSourceText,
  insertCampaign,
  memberExists,
  setCampaignStatus,
  updateCampaign,
} from './sql.js';

/** Other features check unit ids the way a campaign does (tasks' assignment targets). */
export { existingUnitIds, existingUnits };

async function checkFields(db: Queryable, fields: CampaignFields): Promise<void> {
  if (fields.endsOn < fields.startsOn) throw new AppError('CAMPAIGN_PERIOD_INVALID');
  if (fields.leadUnitId && (await existingUnitIds(db, [fields.leadUnitId])).length === 0)
    throw new AppError('UNIT_UNKNOWN', 'Đơn vị chủ trì không có trong phường. Chọn lại đơn vị chủ trì.');
  if (fields.signerMemberId && !(await memberExists(db, fields.signerMemberId)))
    throw new AppError('MEMBER_UNKNOWN');
}

export async function getCampaign(db: Queryable, id: string, lock = false): Promise<Campaign> {
  const campaign = await findCampaign(db, id, lock);
  if (!campaign) throw new AppError('NOT_FOUND', 'Không tìm thấy kế hoạch này. Có thể nó đã bị xóa.');
  return campaign;
}

/** One plan as staff read it: its fields and, when it was imported, the document's own text. */
export async function readCampaign(db: Queryable, id: string): Promise<Campaign> {
  const campaign = await getCampaign(db, id);
  return { ...campaign, sourceText: await findSourceText(db, id) };
}

export async function createCampaign(db: Queryable, session: Session, fields: CampaignFields) {
  await checkFields(db, fields);
  const campaign = await insertCampaign(db, session.wardId, fields, session.memberId);
  await recordAuditBy(db, session, {
    action: 'campaigns.create',
    entity: 'campaign',
    entityId: campaign.id,
    after: campaign,
  });
  // Reminders and the morning escalation work from day one, without anyone configuring them.
  await replaceReminderRules(db, session.wardId, campaign.id, DEFAULT_REMINDER_RULES);
  return campaign;
}

export async function editCampaign(db: Queryable, session: Session, id: string, patch: CampaignPatch) {
  const before = await getCampaign(db, id, true);
  if (before.status === 'active' || before.status === 'closed') throw new AppError('CAMPAIGN_NOT_EDITABLE');
  if (patch.version !== undefined && patch.version !== before.version) throw new AppError('CONFLICT');
  const { version: _seen, ...changes } = patch;
  const { sourceText: _kept, ...fields } = before;
  const merged: CampaignFields = { ...fields, ...changes };
  await checkFields(db, merged);
  const after = await updateCampaign(db, id, merged);
  await recordAuditBy(db, session, {
    action: 'campaigns.update',
    entity: 'campaign',
    entityId: id,
    before,
    after,
  });
  return after;
}

const transitions: Record<'approve' | 'activate' | 'close', { from: CampaignStatus; to: CampaignStatus }> = {
  approve: { from: 'draft', to: 'approved' },
  activate: { from: 'approved', to: 'active' },
  close: { from: 'active', to: 'closed' },
};

const wrongStatus: Record<keyof typeof transitions, string> = {
  approve: 'Chỉ duyệt được kế hoạch đang ở trạng thái bản nháp (chờ duyệt).',
  activate: 'Chỉ triển khai được kế hoạch đã được lãnh đạo duyệt.',
  close: 'Chỉ kết thúc được kế hoạch đang triển khai.',
};

export async function transitionCampaign(
  db: Queryable,
  session: Session,
  id: string,
  verb: keyof typeof transitions,
): Promise<Campaign> {
  const before = await getCampaign(db, id, true);
  if (verb === 'approve' && before.createdBy && before.createdBy === session.memberId)
    throw new AppError('CAMPAIGN_SELF_APPROVAL');
  const { from, to } = transitions[verb];
  if (before.status !== from) throw new AppError('CAMPAIGN_STATUS', wrongStatus[verb]);
  const after = await setCampaignStatus(db, id, to, verb === 'approve' ? session.memberId : undefined);
  await recordAuditBy(db, session, {
    action: `campaigns.${verb}`,
    entity: 'campaign',
    entityId: id,
    before: { status: before.status, version: before.version },
    after: { status: after.status, version: after.version, approvedBy: after.approvedBy },
  });
  return after;
}
