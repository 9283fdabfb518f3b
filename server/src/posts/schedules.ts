/**
 * Rules of schedules: only for approved posts, inside the campaign, in the future, to usable groups; at
 * most 500 sends. Every due time is computed here and stored with the schedule (no tick materialises
 * it); an occurrence is edited or cancelled only before it is due.
 */
import {
  formatIsoDayVi,
  type OccurrenceUpdate,
  type ScheduleInput,
  wardDayOf,
  wardDays,
  wardInstant,
} from '@loa/shared';
import { recordAuditBy } from '../audit/audit.js';
import { cancelScheduleOccurrences, insertOccurrences, updateOccurrence } from '../broadcasts/occurrences.js';
import { AppError } from '../errors.js';
import type { Queryable } from '../plugins/db.js';
import * as schedulesSql from './schedules-sql.js';
import { checkedBody, postNotFound } from './service.js';
import * as sql from './sql.js';

/** Every instant the schedule will send at, checked against the campaign and the clock. */
export function dueTimes(
  input: ScheduleInput,
  window: { startsOn: string; endsOn: string },
  now: Date,
): Date[] {
  let dueAts: Date[];
  if (input.kind === 'once') dueAts = [new Date(input.runAt)];
  else {
    if (input.endsOn < input.startsOn)
      throw new AppError('VALIDATION_FAILED', 'Ngày kết thúc phải sau hoặc bằng ngày bắt đầu của lịch gửi.');
    dueAts = wardDays(input.startsOn, input.endsOn).flatMap((day) =>
      input.timesOfDay.map((t) => wardInstant(day, t)),
    );
  }
  if (dueAts.length > 500)
    throw new AppError('VALIDATION_FAILED', 'Lịch gửi quá 500 lượt. Hãy rút ngắn khoảng thời gian.');
  if (dueAts.some((d) => wardDayOf(d) < window.startsOn || wardDayOf(d) > window.endsOn))
    throw new AppError(
      'SCHEDULE_OUTSIDE_CAMPAIGN',
      `Lịch gửi nằm ngoài thời gian kế hoạch (${formatIsoDayVi(window.startsOn)}–${formatIsoDayVi(window.endsOn)}). Chọn ngày trong khoảng này.`,
    );
  if (dueAts.some((d) => d.getTime() <= now.getTime())) throw new AppError('SCHEDULE_IN_PAST');
  return dueAts.sort((a, b) => a.getTime() - b.getTime());
}

export async function createSchedule(
  db: Queryable,
  session: { wardId: string; memberId?: string },
  postId: string,
  input: ScheduleInput,
  now: Date,
): Promise<string> {
  const post = await sql.findPost(db, postId, true);
  if (!post || post.status === 'archived') throw postNotFound();
  if (post.status !== 'approved') throw new AppError('POST_NOT_APPROVED');
  const { groupIds, loudspeaker = false } = input.targets;
  if (groupIds.length === 0 && !loudspeaker) throw new AppError('SCHEDULE_NO_TARGETS');
  // The loudspeaker reads its own script, never the post with its link.
  if (loudspeaker && !post.loudspeakerScript)
    throw new AppError(
      'VALIDATION_FAILED',
      'Bài này chưa có bài đọc loa. Hãy sửa bài, viết “Bài đọc trên loa” rồi lên lịch phát loa.',
    );
  if ((await sql.countUsableGroups(db, groupIds)) !== groupIds.length) throw new AppError('GROUP_NOT_USABLE');
  const window = await sql.findCampaignWindow(db, post.campaignId);
  if (!window) throw new AppError('NOT_FOUND', 'Không tìm thấy kế hoạch của bài đăng.');
  const dueAts = dueTimes(input, window, now);
  const scheduleId = await schedulesSql.insertSchedule(
    db,
    {
      wardId: session.wardId,
      postId,
      kind: input.kind,
      runAt: input.kind === 'once' ? input.runAt : null,
      timesOfDay: input.kind === 'daily' ? input.timesOfDay : null,
      startsOn: input.kind === 'daily' ? input.startsOn : null,
      endsOn: input.kind === 'daily' ? input.endsOn : null,
      targets: { groupIds, loudspeaker },
      createdBy: session.memberId ?? null,
    },
    dueAts,
  );
  await insertOccurrences(db, { wardId: session.wardId, scheduleId, postId, dueAts });
  await recordAuditBy(db, session, {
    action: 'schedules.create',
    entity: 'schedule',
    entityId: scheduleId,
    after: { ...input, targets: { groupIds, loudspeaker }, sends: dueAts.length },
  });
  return scheduleId;
}

/** Who changes a schedule or a send: their ward and member, for the audit log. */
type Actor = { wardId: string; memberId?: string | undefined };

export async function editOccurrence(
  db: Queryable,
  actor: Actor,
  id: string,
  change: OccurrenceUpdate,
  now: Date,
  linkBase: string,
): Promise<void> {
  const occurrence = await schedulesSql.findOccurrence(db, id);
  if (!occurrence) throw new AppError('NOT_FOUND', 'Không tìm thấy lượt gửi này.');
  if (occurrence.status !== 'pending' || occurrence.dueAt.getTime() <= now.getTime())
    throw new AppError('OCCURRENCE_NOT_EDITABLE');
  const dueAt = change.dueAt ? new Date(change.dueAt) : occurrence.dueAt;
  const window = await sql.findCampaignWindow(db, occurrence.campaignId);
  if (window) dueTimes({ kind: 'once', runAt: dueAt.toISOString(), targets: { groupIds: [] } }, window, now);
  const bodyOverride =
    change.bodyOverride === undefined
      ? occurrence.bodyOverride
      : change.bodyOverride === null
        ? null
        : checkedBody(change.bodyOverride, null, linkBase);
  await updateOccurrence(db, id, { dueAt, bodyOverride, cancel: change.cancel ?? false });
  if (bodyOverride !== occurrence.bodyOverride) await schedulesSql.returnPostToDraft(db, id);
  await recordAuditBy(db, actor, {
    action: 'occurrences.update',
    entity: 'occurrence',
    entityId: id,
    after: change,
  });
}

/** Pausing, resuming or cancelling a schedule (see setScheduleStatus for what happens to its sends). */
export async function setScheduleStatus(
  db: Queryable,
  actor: Actor,
  id: string,
  status: string,
  now: Date,
): Promise<void> {
  if (!(await schedulesSql.setScheduleStatus(db, id, status)))
    throw new AppError('NOT_FOUND', 'Không tìm thấy lịch gửi này, hoặc lịch đã hủy.');
  // Pausing skips what falls due meanwhile: resuming must not fire a burst of stale posts.
  await cancelScheduleOccurrences(db, id, status, now);
  await recordAuditBy(db, actor, {
    action: 'schedules.setStatus',
    entity: 'schedule',
    entityId: id,
    after: { status },
  });
}
