/**
 * Rules of posts and schedules: text limits after NFC, approval by a leader who is not the author,
 * schedules only for approved posts, inside the campaign, in the future, to usable groups.
 */
import { type OccurrenceUpdate, POST_MAX_CHARS, type Post, type ScheduleInput } from '@loa/shared';
import { AppError } from '../errors.js';
import type { Queryable } from '../plugins/db.js';
import * as sql from './sql.js';
import { wardDay, wardDays, wardInstant } from './vn-time.js';

/** The exact text a group receives; the ledger composes the same at send time. */
export function composePostText(body: string, linkPath: string | null, linkBase: string): string {
  return (linkPath ? `${body}\n\nXem chi tiết: ${linkBase}${linkPath}` : body).normalize('NFC');
}

export function checkedBody(body: string, linkPath: string | null, linkBase: string): string {
  const text = body.normalize('NFC').trim();
  const composed = composePostText(text, linkPath, linkBase);
  if (text.length === 0)
    throw new AppError('VALIDATION_FAILED', 'Nội dung bài đăng đang trống. Hãy nhập nội dung.');
  if ([...composed].length > POST_MAX_CHARS || composed.length > POST_MAX_CHARS)
    throw new AppError(
      'POST_TOO_LONG',
      `Bài đăng dài ${composed.length} ký tự (tính cả đường dẫn), quá giới hạn ${POST_MAX_CHARS}. Hãy rút gọn ${composed.length - POST_MAX_CHARS} ký tự.`,
    );
  return text;
}

export function withPreview(post: Omit<Post, 'preview'>, linkBase: string): Post {
  return { ...post, preview: composePostText(post.body, post.linkPath, linkBase) };
}

/** 404 unless the post exists in this ward (row-level security hides other wards' posts). */
export async function assertPostExists(db: Queryable, id: string): Promise<void> {
  if (!(await sql.findPost(db, id))) throw new AppError('NOT_FOUND', 'Không tìm thấy bài đăng này.');
}

export async function approve(db: Queryable, id: string, version: number, leaderId: string | undefined) {
  const post = await sql.findPost(db, id, true);
  if (!post) throw new AppError('NOT_FOUND', 'Không tìm thấy bài đăng này.');
  if (!leaderId || post.createdBy === leaderId) throw new AppError('POST_SELF_APPROVAL');
  if (post.status === 'approved') return post;
  if (!(await sql.approvePost(db, id, version, leaderId))) throw new AppError('CONFLICT');
  return (await sql.findPost(db, id))!;
}

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
  if (dueAts.some((d) => wardDay(d) < window.startsOn || wardDay(d) > window.endsOn))
    throw new AppError(
      'SCHEDULE_OUTSIDE_CAMPAIGN',
      `Lịch gửi nằm ngoài thời gian kế hoạch (${vnDate(window.startsOn)}–${vnDate(window.endsOn)}). Chọn ngày trong khoảng này.`,
    );
  if (dueAts.some((d) => d.getTime() <= now.getTime())) throw new AppError('SCHEDULE_IN_PAST');
  return dueAts.sort((a, b) => a.getTime() - b.getTime());
}

const vnDate = (day: string) => day.split('-').reverse().join('/');

export async function createSchedule(
  db: Queryable,
  session: { wardId: string; memberId?: string },
  postId: string,
  input: ScheduleInput,
  now: Date,
): Promise<string> {
  const post = await sql.findPost(db, postId, true);
  if (!post || post.status === 'archived') throw new AppError('NOT_FOUND', 'Không tìm thấy bài đăng này.');
  if (post.status !== 'approved') throw new AppError('POST_NOT_APPROVED');
  const { groupIds, loudspeaker = false } = input.targets;
  if (groupIds.length === 0 && !loudspeaker) throw new AppError('SCHEDULE_NO_TARGETS');
  if ((await sql.countUsableGroups(db, groupIds)) !== groupIds.length) throw new AppError('GROUP_NOT_USABLE');
  const window = await sql.findCampaignWindow(db, post.campaignId);
  if (!window) throw new AppError('NOT_FOUND', 'Không tìm thấy kế hoạch của bài đăng.');
  const dueAts = dueTimes(input, window, now);
  return sql.insertSchedule(
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
}

export async function editOccurrence(
  db: Queryable,
  id: string,
  change: OccurrenceUpdate,
  now: Date,
  linkBase: string,
): Promise<void> {
  const occurrence = await sql.findOccurrence(db, id);
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
  await sql.updateOccurrence(db, id, { dueAt, bodyOverride, cancel: change.cancel ?? false });
}
