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

/** The campaign's rules become exactly `rules` (one statement pair, in the caller's transaction). */
export async function replaceReminderRules(
  db: Queryable,
  wardId: string,
  campaignId: string,
  rules: ReminderRuleInput[],
): Promise<ReminderRule[]> {
  await db.query('DELETE FROM reminder_rules WHERE campaign_id = $1', [campaignId]);
  const { rows } = await db.query<ReminderRule>(
    `INSERT INTO reminder_rules (ward_id, campaign_id, kind, offset_minutes, time_of_day, escalate, active, created_at)
     SELECT $1, $2, r.kind, r.offset_minutes, r.time_of_day, r.escalate, r.active,
            now() + r.n * interval '1 microsecond'
       FROM unnest($3::text[], $4::int[], $5::text[], $6::boolean[], $7::boolean[])
            WITH ORDINALITY AS r (kind, offset_minutes, time_of_day, escalate, active, n)
     RETURNING ${COLUMNS}`,
    [
      wardId,
      campaignId,
      rules.map((r) => r.kind),
      rules.map((r) => r.offsetMinutes),
      rules.map((r) => r.timeOfDay),
      rules.map((r) => r.escalate),
      rules.map((r) => r.active),
    ],
  );
  return rows;
}
