/**
 * Reading the audit log: newest first, by person and by campaign (an entry's campaign via its record),
 * each entry with the words that name its record (the task's title, the member's name…).
 */
import type { Queryable } from '../plugins/db.js';

/** An entry as stored; the route adds the action's Vietnamese words. */
export interface AuditRow {
  id: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  subject: string | null;
}

const IS_UUID = `l.entity_id ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'`;

/** The campaign an entry belongs to, from the record it names (ids that are not UUIDs belong to none). */
const CAMPAIGN_OF = `CASE WHEN ${IS_UUID} THEN CASE l.entity
    WHEN 'campaign' THEN l.entity_id::uuid
    WHEN 'task' THEN (SELECT campaign_id FROM tasks WHERE id = l.entity_id::uuid)
    WHEN 'assignment' THEN (SELECT t.campaign_id FROM assignments a JOIN tasks t ON t.id = a.task_id
                             WHERE a.id = l.entity_id::uuid)
    WHEN 'evidence' THEN (SELECT t.campaign_id FROM evidence e JOIN assignments a ON a.id = e.assignment_id
                           JOIN tasks t ON t.id = a.task_id WHERE e.id = l.entity_id::uuid)
    WHEN 'post' THEN (SELECT campaign_id FROM posts WHERE id = l.entity_id::uuid)
    WHEN 'schedule' THEN (SELECT p.campaign_id FROM schedules s JOIN posts p ON p.id = s.post_id
                           WHERE s.id = l.entity_id::uuid)
    WHEN 'occurrence' THEN (SELECT p.campaign_id FROM occurrences o JOIN posts p ON p.id = o.post_id
                             WHERE o.id = l.entity_id::uuid)
    WHEN 'delivery' THEN (SELECT p.campaign_id FROM deliveries d JOIN occurrences o ON o.id = d.occurrence_id
                           JOIN posts p ON p.id = o.post_id WHERE d.id = l.entity_id::uuid)
    WHEN 'reminder_rule' THEN (SELECT campaign_id FROM reminder_rules WHERE id = l.entity_id::uuid)
  END END`;

/** A post has no title: its first line, cut at 60 characters, names it. */
const POST_WORDS = (body: string) => `(SELECT CASE WHEN char_length(f) > 60 THEN left(f, 59) || '…' ELSE f END
    FROM (SELECT btrim(split_part(${body}, E'\\n', 1)) AS f) first_line)`;

/** A task's work by one unit: "Treo băng rôn — Tổ CNS Khu phố 2". */
const WORK_OF = (assignment: string) => `(SELECT t.title || ' — ' || u.name FROM assignments a
    JOIN tasks t ON t.id = a.task_id JOIN units u ON u.id = a.unit_id WHERE a.id = ${assignment})`;

/**
 * The record's words as it is now; a record since deleted is named from what the entry kept of it.
 * A member's own sign-in or sign-out names nobody else, so it names nothing.
 */
const SUBJECT_OF = `CASE WHEN l.entity = 'oa_tokens' THEN 'OA ' || l.entity_id
  WHEN ${IS_UUID} THEN COALESCE(CASE l.entity
    WHEN 'campaign' THEN (SELECT title FROM campaigns WHERE id = l.entity_id::uuid)
    WHEN 'task' THEN (SELECT title FROM tasks WHERE id = l.entity_id::uuid)
    WHEN 'assignment' THEN ${WORK_OF('l.entity_id::uuid')}
    WHEN 'evidence' THEN ${WORK_OF('(SELECT assignment_id FROM evidence WHERE id = l.entity_id::uuid)')}
    WHEN 'post' THEN ${POST_WORDS('(SELECT body FROM posts WHERE id = l.entity_id::uuid)')}
    WHEN 'schedule' THEN ${POST_WORDS('(SELECT p.body FROM schedules s JOIN posts p ON p.id = s.post_id WHERE s.id = l.entity_id::uuid)')}
    WHEN 'occurrence' THEN ${POST_WORDS('(SELECT p.body FROM occurrences o JOIN posts p ON p.id = o.post_id WHERE o.id = l.entity_id::uuid)')}
    WHEN 'delivery' THEN (SELECT ${POST_WORDS('p.body')} || ' — ' || COALESCE(g.name, u.name, 'loa phát thanh')
        FROM deliveries d JOIN occurrences o ON o.id = d.occurrence_id JOIN posts p ON p.id = o.post_id
        LEFT JOIN zalo_groups g ON g.id = d.group_id LEFT JOIN units u ON u.id = d.responsible_unit_id
       WHERE d.id = l.entity_id::uuid)
    WHEN 'member' THEN CASE WHEN l.entity_id::uuid IS DISTINCT FROM l.actor_member_id
                            THEN (SELECT full_name FROM members WHERE id = l.entity_id::uuid) END
    WHEN 'unit' THEN (SELECT name FROM units WHERE id = l.entity_id::uuid)
    WHEN 'place' THEN (SELECT name FROM places WHERE id = l.entity_id::uuid)
    WHEN 'zalo_group' THEN (SELECT name FROM zalo_groups WHERE id = l.entity_id::uuid)
    WHEN 'ward' THEN (SELECT name FROM wards WHERE id = l.entity_id::uuid)
    WHEN 'conversation' THEN (SELECT COALESCE(display_name, 'người dùng Zalo') FROM conversations
                               WHERE id = l.entity_id::uuid)
    WHEN 'reminder_rule' THEN (SELECT c.title FROM reminder_rules r JOIN campaigns c ON c.id = r.campaign_id
                                WHERE r.id = l.entity_id::uuid)
  END, CASE WHEN l.entity <> 'member' THEN COALESCE(l.before ->> 'title', l.after ->> 'title',
                                                   l.before ->> 'name', l.after ->> 'name') END)
  END`;

export async function listAudit(
  db: Queryable,
  filter: { campaignId?: string; memberId?: string; before?: number; limit: number },
): Promise<AuditRow[]> {
  const { rows } = await db.query<AuditRow>(
    `SELECT l.id::int AS id, to_char(l.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at,
            l.actor_member_id AS "actorId", m.full_name AS "actorName", l.action, l.entity,
            l.entity_id AS "entityId", ${SUBJECT_OF} AS subject
       FROM (SELECT * FROM audit_log l
              WHERE ($1::uuid IS NULL OR l.actor_member_id = $1)
                AND ($2::bigint IS NULL OR l.id < $2)
                AND ($3::uuid IS NULL OR ${CAMPAIGN_OF} = $3)
              ORDER BY l.id DESC LIMIT $4) l
       LEFT JOIN members m ON m.id = l.actor_member_id
      ORDER BY l.id DESC`,
    [filter.memberId ?? null, filter.before ?? null, filter.campaignId ?? null, filter.limit],
  );
  return rows;
}
