/** A campaign's reminder rules (reminder_rules). */
import type { ReminderRule, ReminderRuleInput } from '@loa/shared';
import type { Queryable } from '../plugins/db.js';

const COLUMNS = `id, kind, offset_minutes AS "offsetMinutes", time_of_day AS "timeOfDay", escalate, active`;

export async function listReminderRules(db: Queryable, campaignId: string): Promise<ReminderRule[]> {
  const { rows } = await db.query<ReminderRule>(
    `SELECT ${COLUMNS} FROM reminder_rules WHERE campaign_id = $1 ORDER BY created_at, id`,
    [campaignId],
  );
  return rows;
}

/**
 * Writes a save planned by `planRuleSave`: rules not kept are deleted (their notifications keep their rows,
 * with rule_id set to null), kept rules are updated in place and keep their ids, new rules are inserted
 * after them. Runs in the caller's transaction.
 */
export async function writeReminderRules(
  db: Queryable,
  wardId: string,
  campaignId: string,
  kept: ReminderRule[],
  added: ReminderRuleInput[],
): Promise<void> {
  const columns = (rules: ReminderRuleInput[]) => [
    rules.map((r) => r.kind),
    rules.map((r) => r.offsetMinutes),
    rules.map((r) => r.timeOfDay),
    rules.map((r) => r.escalate),
    rules.map((r) => r.active),
  ];
  await db.query('DELETE FROM reminder_rules WHERE campaign_id = $1 AND NOT (id = ANY($2::uuid[]))', [
    campaignId,
    kept.map((r) => r.id),
  ]);
  await db.query(
    `UPDATE reminder_rules r
        SET kind = k.kind, offset_minutes = k.offset_minutes, time_of_day = k.time_of_day,
            escalate = k.escalate, active = k.active
       FROM unnest($2::uuid[], $3::text[], $4::int[], $5::text[], $6::boolean[], $7::boolean[])
            AS k (id, kind, offset_minutes, time_of_day, escalate, active)
      WHERE r.id = k.id AND r.campaign_id = $1`,
    [campaignId, kept.map((r) => r.id), ...columns(kept)],
  );
  await db.query(
    `INSERT INTO reminder_rules (ward_id, campaign_id, kind, offset_minutes, time_of_day, escalate, active, created_at)
     SELECT $1, $2, r.kind, r.offset_minutes, r.time_of_day, r.escalate, r.active,
            now() + r.n * interval '1 microsecond'
       FROM unnest($3::text[], $4::int[], $5::text[], $6::boolean[], $7::boolean[])
            WITH ORDINALITY AS r (kind, offset_minutes, time_of_day, escalate, active, n)`,
    [wardId, campaignId, ...columns(added)],
  );
}
