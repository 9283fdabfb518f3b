/**
 * Reminder rules of a campaign. Every new campaign starts with the rules a ward would choose, so a real
 * install reminds and escalates without anyone configuring it: remind a unit that has not acknowledged
 * a day after assignment, remind a day before the due time, and each morning at 07:30 remind the late
 * units and send staff and leaders the digest of overdue tasks. Staff can change them on the campaign.
 */
import type { ReminderRuleInput } from '@loa/shared';

export const DEFAULT_REMINDER_RULES: ReminderRuleInput[] = [
  { kind: 'after_assigned', offsetMinutes: 24 * 60, timeOfDay: null, escalate: false, active: true },
  { kind: 'before_due', offsetMinutes: 24 * 60, timeOfDay: null, escalate: false, active: true },
  { kind: 'overdue_daily_at', offsetMinutes: null, timeOfDay: '07:30', escalate: true, active: true },
];

// Other folders (a new campaign's rules) take these from here, never from our sql file.
export { listReminderRules, replaceReminderRules } from './reminder-rules-sql.js';
