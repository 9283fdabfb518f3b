/**
 * Tasks, their assignment to units, and what teams do with them. Rules that need the database (the
 * campaign's period, the ward's units, the member's own team) are checked here, inside the request's
 * ward transaction, before anything is written.
 */
import { type AssignTargets, type DoneInput, formatDateTimeVi, type TaskInput } from '@loa/shared';
import { recordAuditBy, recordAuditMany } from '../audit/audit.js';
import { existingUnits, getCampaign } from '../campaigns/service.js';
import { AppError } from '../errors.js';
import type { Notifier } from '../notifications/queue.js';
import type { Session } from '../plugins/auth.js';
import type { Queryable } from '../plugins/db.js';
import {
  type AckResult,
  acknowledgeInTransaction,
  countPhotos,
  digitalTeamIds,
  dueInsideCampaign,
  findTask,
  insertAssignments,
  insertTask,
  lockAssignment,
  markDone,
  type UrgeTarget,
  urgeTargets,
} from './sql.js';

/** The board and the definition of overdue, for the report (it must agree with the board to the row). */
export { loadBoard } from './board-sql.js';
export { OVERDUE } from './sql.js';

const notFound = () => new AppError('NOT_FOUND', 'Không tìm thấy nhiệm vụ này. Có thể nó đã bị xóa.');

async function resolveTargets(db: Queryable, targets: AssignTargets): Promise<string[]> {
  const wanted = new Set(targets.unitIds ?? []);
  if (wanted.size > 0) {
    const found = await existingUnits(db, [...wanted]);
    const foundIds = new Set(found.map((unit) => unit.id));
    const unknown = [...wanted].filter((id) => !foundIds.has(id));
    if (unknown.length > 0)
      throw new AppError(
        'UNIT_UNKNOWN',
        undefined,
        unknown.map((id) => ({ field: 'unitIds', message: `Không có đơn vị ${id} trong phường` })),
      );
    // A stopped unit's members would be reminded and the board would show it late every day.
    const stopped = found.filter((unit) => !unit.active);
    if (stopped.length > 0)
      throw new AppError(
        'UNIT_STOPPED',
        `${stopped.map((unit) => unit.name).join(', ')} đã ngừng dùng nên không nhận việc mới. Chọn đơn vị khác hoặc bật lại đơn vị trong phần Thiết lập phường.`,
        stopped.map((unit) => ({ field: 'unitIds', message: `${unit.name} đã ngừng dùng` })),
      );
  }
  if (targets.allTeams) for (const id of await digitalTeamIds(db)) wanted.add(id);
  if (wanted.size === 0) throw new AppError('ASSIGN_TARGETS_EMPTY');
  return [...wanted];
}

export async function assignTask(db: Queryable, session: Session, taskId: string, targets: AssignTargets) {
  const task = await findTask(db, taskId);
  if (!task) throw notFound();
  if (task.cancelledAt) throw new AppError('TASK_CANCELLED');
  const unitIds = await resolveTargets(db, targets);
  const created = await insertAssignments(db, session.wardId, taskId, unitIds);
  await recordAuditMany(
    db,
    created.map((row) => ({
      wardId: session.wardId,
      actorMemberId: session.memberId,
      action: 'tasks.assign',
      entity: 'assignment',
      entityId: row.id,
      after: { taskId, unitId: row.unitId, status: 'pending' },
    })),
  );
  return { created: created.length, total: task.assignedCount + created.length };
}

export async function createTask(db: Queryable, session: Session, campaignId: string, input: TaskInput) {
  const campaign = await getCampaign(db, campaignId);
  if (campaign.status === 'closed')
    throw new AppError('CAMPAIGN_STATUS', 'Kế hoạch đã kết thúc nên không thêm nhiệm vụ được nữa.');
  if (!(await dueInsideCampaign(db, campaignId, input.dueAt)))
    throw new AppError('TASK_DUE_OUTSIDE_CAMPAIGN');
  // Check the targets before writing anything, so a bad unit leaves no half-made task behind.
  if (input.assign) await resolveTargets(db, input.assign);
  const taskId = await insertTask(db, session.wardId, campaignId, input, session.memberId);
  await recordAuditBy(db, session, {
    action: 'tasks.create',
    entity: 'task',
    entityId: taskId,
    after: input,
  });
  if (input.assign) await assignTask(db, session, taskId, input.assign);
  return (await findTask(db, taskId))!;
}

/** The member's own unit only (a team or an office); another ward's assignment is invisible (404), another unit's is 403. */
async function lockOwnAssignment(db: Queryable, session: Session, id: string) {
  const row = await lockAssignment(db, id);
  if (!row) throw notFound();
  if (row.unitId !== session.unitId) throw new AppError('ASSIGNMENT_OTHER_TEAM');
  return row;
}

/**
 * One acknowledgement inside the caller's ward transaction (the OA chat), by the same statement and
 * rule as the batched route: only the assignment's own team moves it from pending, audited once.
 */
export async function acknowledgeAssignment(db: Queryable, session: Session, id: string): Promise<AckResult> {
  const [row] = await acknowledgeInTransaction(db, session.wardId, [
    { id, memberId: session.memberId ?? null, unitId: session.unitId ?? null },
  ]);
  if (!row) throw notFound();
  if (row.unitId !== session.unitId) throw new AppError('ASSIGNMENT_OTHER_TEAM');
  if (row.cancelled) throw new AppError('TASK_CANCELLED');
  return row;
}

/**
 * "Done" needs the photos the task asks for (photos sent back do not count). A task that allows it is
 * done without them; the assignment then shows how many are missing, for the reviewer and the board.
 */
function photosMissingMessage(required: number, have: number): string {
  const missing = required - have;
  return `Nhiệm vụ này cần ${required} ảnh minh chứng, mới có ${have}. Bấm “Chụp ảnh minh chứng” để gửi thêm ${missing} ảnh rồi báo hoàn thành.`;
}

export async function completeAssignment(db: Queryable, session: Session, id: string, input: DoneInput) {
  const before = await lockOwnAssignment(db, session, id);
  if (before.cancelled) throw new AppError('TASK_CANCELLED');
  if (before.status === 'accepted') throw new AppError('ASSIGNMENT_CLOSED');
  const photos = before.photosRequired > 0 ? await countPhotos(db, id) : 0;
  const photosMissing = Math.max(0, before.photosRequired - photos);
  if (photosMissing > 0 && !before.allowDoneWithoutPhotos)
    throw new AppError('EVIDENCE_PHOTOS_MISSING', photosMissingMessage(before.photosRequired, photos));
  await markDone(db, { id, memberId: session.memberId, note: input.note, numberDone: input.numberDone });
  await recordAuditBy(db, session, {
    action: 'assignments.done',
    entity: 'assignment',
    entityId: id,
    before: { status: before.status, note: before.note, numberDone: before.numberDone },
    after: {
      status: 'submitted',
      note: input.note ?? before.note,
      numberDone: input.numberDone ?? before.numberDone,
      ...(photosMissing > 0 ? { photosMissing } : {}),
    },
  });
}

function urgeBody(target: UrgeTarget): string {
  return `Nhắc việc từ UBND phường: nhiệm vụ "${target.title}" của ${target.unitName} (hạn ${formatDateTimeVi(target.dueAt)}) chưa hoàn thành. Mở Loa Phường để xác nhận và báo cáo kết quả.`;
}

/** A double tap within the same quarter hour records one message per member, not two. */
const URGE_WINDOW_MS = 15 * 60 * 1000;

export async function urge(
  db: Queryable,
  notifier: Notifier,
  session: Session,
  scope: { assignmentId: string } | { campaignId: string },
) {
  const targets = await urgeTargets(db, scope);
  const window = Math.floor(Date.now() / URGE_WINDOW_MS);
  const queued = await notifier.enqueue(
    db,
    session.wardId,
    targets.map((target) => ({
      kind: 'urge',
      memberId: target.memberId,
      assignmentId: target.assignmentId,
      dedupeKey: `urge:${target.assignmentId}:${target.memberId}:${window}`,
      body: urgeBody(target),
      requestedBy: session.memberId,
    })),
  );
  const assignments = [...new Set(targets.map((target) => target.assignmentId))];
  await recordAuditMany(
    db,
    assignments.map((assignmentId) => ({
      wardId: session.wardId,
      actorMemberId: session.memberId,
      action: 'assignments.urge',
      entity: 'assignment',
      entityId: assignmentId,
      after: { queued },
    })),
  );
  return { teams: new Set(targets.map((target) => target.unitId)).size, queued };
}

export async function urgeOne(db: Queryable, notifier: Notifier, session: Session, assignmentId: string) {
  const row = await lockAssignment(db, assignmentId);
  if (!row) throw notFound();
  if (row.cancelled) throw new AppError('TASK_CANCELLED');
  if (row.status === 'submitted' || row.status === 'accepted') throw new AppError('ASSIGNMENT_ALREADY_DONE');
  return urge(db, notifier, session, { assignmentId });
}
