/** Reading the audit log: newest first, by person and by campaign (an entry's campaign via its record). */
import type { AuditEntry } from '@loa/shared';
import type { Queryable } from '../plugins/db.js';

/** The campaign an entry belongs to, from the record it names (ids that are not UUIDs belong to none). */
const CAMPAIGN_OF = `CASE WHEN l.entity_id ~ '^[0-9a-f-]{36}$' THEN CASE l.entity
    WHEN 'campaign' THEN l.entity_id::uuid
    WHEN 'task' THEN (SELECT campaign_id FROM tasks WHERE id = l.entity_id::uuid)
    WHEN 'assignment' THEN (SELECT t.campaign_id FROM assignments a JOIN tasks t ON t.id = a.task_id
                             WHERE a.id = l.entity_id::uuid)
    WHEN 'post' THEN (SELECT campaign_id FROM posts WHERE id = l.entity_id::uuid)
    WHEN 'schedule' THEN (SELECT p.campaign_id FROM schedules s JOIN posts p ON p.id = s.post_id
                           WHERE s.id = l.entity_id::uuid)
    WHEN 'occurrence' THEN (SELECT p.campaign_id FROM occurrences o JOIN posts p ON p.id = o.post_id
                             WHERE o.id = l.entity_id::uuid)
    WHEN 'delivery' THEN (SELECT p.campaign_id FROM deliveries d JOIN occurrences o ON o.id = d.occurrence_id
                           JOIN posts p ON p.id = o.post_id WHERE d.id = l.entity_id::uuid)
    WHEN 'reminder_rule' THEN (SELECT campaign_id FROM reminder_rules WHERE id = l.entity_id::uuid)
  END END`;

export async function listAudit(
  db: Queryable,
  filter: { campaignId?: string; memberId?: string; before?: number; limit: number },
): Promise<AuditEntry[]> {
  const { rows } = await db.query<AuditEntry>(
    `SELECT l.id::int AS id, to_char(l.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at,
            l.actor_member_id AS "actorId", m.full_name AS "actorName", l.action, l.entity,
            l.entity_id AS "entityId"
       FROM audit_log l LEFT JOIN members m ON m.id = l.actor_member_id
      WHERE ($1::uuid IS NULL OR l.actor_member_id = $1)
        AND ($2::bigint IS NULL OR l.id < $2)
        AND ($3::uuid IS NULL OR ${CAMPAIGN_OF} = $3)
      ORDER BY l.id DESC LIMIT $4`,
    [filter.memberId ?? null, filter.before ?? null, filter.campaignId ?? null, filter.limit],
  );
  return rows;
}
