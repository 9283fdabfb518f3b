/**
 * Changing a task after it was made: edit any field, cancel it with a reason, or delete it while nobody
 * has worked on it. Once a unit acknowledged, reported or sent a photo the task is only cancelled, so
 * the work and its history stay (the units read the reason on the task). Every change is audited with
 * what it was before.
 */
import type { Task, TaskPatch } from '@loa/shared';
import { recordAuditBy } from '../audit/audit.js';
import { AppError } from '../errors.js';
import type { Session } from '../plugins/auth.js';
import type { Queryable } from '../plugins/db.js';
import { deleteTaskRow, lockTask, markTaskCancelled, type TaskColumns, updateTask } from './edit-sql.js';
import { dueInsideCampaign, findTask } from './sql.js';

const notFound = () => new AppError('NOT_FOUND', 'Không tìm thấy nhiệm vụ này. Có thể nó đã bị xóa.');

async function lockChangeable(db: Queryable, id: string) {
  const task = await lockTask(db, id);
  if (!task) throw notFound();
  if (task.cancelledAt) throw new AppError('TASK_CANCELLED');
  if (task.campaignStatus === 'closed')
    throw new AppError(
      'CAMPAIGN_STATUS',
      'Kế hoạch đã kết thúc nên không sửa, hủy hay xóa nhiệm vụ được nữa.',
    );
  return task;
}

function columnsOf(task: NonNullable<Awaited<ReturnType<typeof lockTask>>>): TaskColumns {
  return {
    kind: task.kind,
    title: task.title,
    description: task.description,
    dueAt: task.dueAt,
    evidencePhotoCount: task.evidencePhotoCount,
    evidenceLocationRequired: task.evidenceLocationRequired,
    evidenceNumberLabel: task.evidenceNumberLabel,
    place: task.place,
    allowDoneWithoutPhotos: task.allowDoneWithoutPhotos,
  };
}

export async function editTask(db: Queryable, session: Session, id: string, patch: TaskPatch): Promise<Task> {
  const task = await lockChangeable(db, id);
  if (patch.dueAt !== undefined && !(await dueInsideCampaign(db, task.campaignId, patch.dueAt)))
    throw new AppError('TASK_DUE_OUTSIDE_CAMPAIGN');
  const before = columnsOf(task);
  const after: TaskColumns = {
    ...before,
    ...Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)),
    // An empty description is kept as '' (the column is not null).
    description: patch.description ?? before.description,
    place: patch.place === undefined ? before.place : patch.place,
  };
  // Only what changed goes to the audit, so the log reads as the edit a person made.
  const changed = (Object.keys(after) as (keyof TaskColumns)[]).filter(
    (key) => JSON.stringify(after[key]) !== JSON.stringify(before[key]),
  );
  if (changed.length > 0) {
    await updateTask(db, id, after);
    await recordAuditBy(db, session, {
      action: 'tasks.update',
      entity: 'task',
      entityId: id,
      before: Object.fromEntries(changed.map((key) => [key, before[key]])),
      after: Object.fromEntries(changed.map((key) => [key, after[key]])),
    });
  }
  return (await findTask(db, id))!;
}

export async function cancelTask(db: Queryable, session: Session, id: string, reason: string): Promise<Task> {
  if (reason.trim().length < 3)
    throw new AppError('VALIDATION_FAILED', 'Ghi lý do hủy (ít nhất 3 ký tự) để các đơn vị biết vì sao.', [
      { field: 'reason', message: 'Ghi lý do hủy nhiệm vụ' },
    ]);
  const task = await lockChangeable(db, id);
  await markTaskCancelled(db, id, session.memberId, reason.trim());
  await recordAuditBy(db, session, {
    action: 'tasks.cancel',
    entity: 'task',
    entityId: id,
    before: { cancelled: false, hasWork: task.hasWork },
    after: { cancelled: true, reason: reason.trim() },
  });
  return (await findTask(db, id))!;
}

export async function deleteTask(db: Queryable, session: Session, id: string): Promise<void> {
  const task = await lockChangeable(db, id);
  if (task.hasWork) throw new AppError('TASK_HAS_WORK');
  await deleteTaskRow(db, id);
  await recordAuditBy(db, session, {
    action: 'tasks.delete',
    entity: 'task',
    entityId: id,
    before: { campaignId: task.campaignId, ...columnsOf(task) },
  });
}
