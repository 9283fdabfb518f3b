/**
 * Reminder rules of a campaign. Every new campaign starts with the rules a ward would choose, so a real
 * install reminds and escalates without anyone configuring it: remind a unit that has not acknowledged
 * a day after assignment, remind a day before the due time, and each morning at 07:30 remind the late
 * units and send staff and leaders the digest of overdue tasks. Staff can change them on the campaign.
 */
import { type ReminderRule, type ReminderRuleInput, reminderRuleProblem, withKindFields } from '@loa/shared';
import { recordAuditBy } from '../audit/audit.js';
import { AppError } from '../errors.js';
import type { Queryable } from '../plugins/db.js';
import { listReminderRules, writeReminderRules } from './reminder-rules-sql.js';

export const DEFAULT_REMINDER_RULES: ReminderRuleInput[] = [
  { kind: 'after_assigned', offsetMinutes: 24 * 60, timeOfDay: null, escalate: false, active: true },
  { kind: 'before_due', offsetMinutes: 24 * 60, timeOfDay: null, escalate: false, active: true },
  { kind: 'overdue_daily_at', offsetMinutes: null, timeOfDay: '07:30', escalate: true, active: true },
];

/**
 * Which existing rule each saved rule edits. A save must not look like new rules: the dedupe keys of what a
 * rule sent carry its id, so a rule re-created under a new id would send this morning's reminders again.
 * A saved rule keeps the rule its id names; one without an id (an API client sending the list back) takes
 * the first unclaimed rule of its kind; the rest are new, and rules nobody claimed are deleted.
 */
export function planRuleSave(
  existing: ReminderRule[],
  saved: ReminderRuleInput[],
): { kept: ReminderRule[]; added: ReminderRuleInput[] } {
  const unclaimed = new Map(existing.map((r) => [r.id, r]));
  const slots: (string | null)[] = saved.map((r) => {
    if (r.id === undefined || !unclaimed.has(r.id)) return null;
    unclaimed.delete(r.id);
    return r.id;
  });
  saved.forEach((rule, i) => {
    if (slots[i] !== null) return;
    const same = [...unclaimed.values()].find((r) => r.kind === rule.kind);
    if (same === undefined) return;
    unclaimed.delete(same.id);
    slots[i] = same.id;
  });
  const kept: ReminderRule[] = [];
  const added: ReminderRuleInput[] = [];
  saved.forEach(({ id: _id, ...rule }, i) => {
    const id = slots[i];
    if (id) kept.push({ id, ...rule });
    else added.push(rule);
  });
  return { kept, added };
}

/** The campaign's rules become `rules`, editing existing rules in place (see planRuleSave). */
export async function replaceReminderRules(
  db: Queryable,
  wardId: string,
  campaignId: string,
  rules: ReminderRuleInput[],
): Promise<ReminderRule[]> {
  const { kept, added } = planRuleSave(await listReminderRules(db, campaignId), rules);
  await writeReminderRules(db, wardId, campaignId, kept, added);
  return listReminderRules(db, campaignId);
}

/**
 * Staff save a campaign's rules from its screen: each rule checked as the screen checks it (shared
 * reminderRuleProblem), then saved in place and audited with the rules before and after.
 */
export async function saveReminderRules(
  db: Queryable,
  actor: { wardId: string; memberId?: string | undefined },
  campaignId: string,
  inputs: ReminderRuleInput[],
): Promise<ReminderRule[]> {
  inputs.forEach((rule, i) => {
    const problem = reminderRuleProblem(rule);
    if (problem) throw new AppError('VALIDATION_FAILED', `Quy tắc thứ ${i + 1}: ${problem}`);
  });
  const before = await listReminderRules(db, campaignId);
  const rules = await replaceReminderRules(db, actor.wardId, campaignId, inputs.map(withKindFields));
  await recordAuditBy(db, actor, {
    action: 'reminder_rules.replace',
    entity: 'campaign',
    entityId: campaignId,
    before,
    after: rules,
  });
  return rules;
}

export { listReminderRules };
