/**
 * What makes a reminder rule usable, in the words a person sees. The server refuses a rule with one of
 * these problems and the campaign screen checks the same before it saves, so the screen says exactly
 * what the server would refuse (the schema also bounds the numbers; this adds what a schema cannot say).
 */
import {
  REMINDER_OFFSET_MAX_MINUTES,
  REMINDER_TIME_PATTERN,
  type ReminderRuleInput,
  type ReminderRuleKind,
} from './schemas/wards.js';

/** Rules that fire at a time of day (the others fire a number of minutes from assignment or due time). */
export const isDailyReminder = (kind: ReminderRuleKind): boolean =>
  kind === 'daily_at' || kind === 'overdue_daily_at';

const TIME_OF_DAY = new RegExp(REMINDER_TIME_PATTERN);

/** The first thing to fix in `rule`, in Vietnamese, or null when the server will take it. */
export function reminderRuleProblem(rule: ReminderRuleInput): string | null {
  if (isDailyReminder(rule.kind)) {
    if (!rule.timeOfDay) return 'Quy tắc nhắc hằng ngày cần giờ nhắc (ví dụ 07:30).';
    if (!TIME_OF_DAY.test(rule.timeOfDay))
      return 'Giờ nhắc phải có dạng giờ:phút từ 00:00 đến 23:59 (ví dụ 07:30).';
    return null;
  }
  if (rule.kind === 'at_due') return null;
  if (rule.offsetMinutes === null)
    return 'Quy tắc nhắc theo hạn hoặc theo lúc giao cần số phút (ví dụ 1440 = một ngày).';
  // 0 would remind at the very moment of assignment or of the due time: "đúng giờ hạn" is its own rule.
  if (!Number.isInteger(rule.offsetMinutes) || rule.offsetMinutes < 1)
    return 'Thời gian nhắc phải là số nguyên lớn hơn 0.';
  if (rule.offsetMinutes > REMINDER_OFFSET_MAX_MINUTES) return 'Thời gian nhắc tối đa là 30 ngày.';
  return null;
}

/**
 * The rule with only the field its kind uses: a time for daily rules, a wait for the others. The
 * schema's type coercion turns a null wait into 0, so without this a daily rule would be stored with a
 * wait of 0 minutes it never uses.
 */
export function withKindFields<T extends ReminderRuleInput>(rule: T): T {
  if (isDailyReminder(rule.kind)) return { ...rule, offsetMinutes: null };
  if (rule.kind === 'at_due') return { ...rule, offsetMinutes: null, timeOfDay: null };
  return { ...rule, timeOfDay: null };
}
