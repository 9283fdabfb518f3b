/**
 * The ledger as people see it: a post's deliveries per group, a team's share tasks, and the team's
 * confirmation ("Đã chia sẻ", or the number of loudspeaker broadcasts).
 */
import type { Delivery, ShareTask } from '@loa/shared';
import type { Queryable } from '../plugins/db.js';

const TARGET_NAME = `COALESCE(g.name, 'Loa: ' || u.name, d.target_key)`;
const ts = (column: string) => `to_json(${column}) #>> '{}'`;

export async function listPostDeliveries(db: Queryable, postId: string): Promise<Delivery[]> {
  const { rows } = await db.query<Delivery>(
    `SELECT d.id, ${ts('o.due_at')} AS "dueAt", d.target_kind AS "targetKind", ${TARGET_NAME} AS "targetName",
            d.status, d.attempts, ${ts('d.next_attempt_at')} AS "nextAttemptAt", ${ts('d.sent_at')} AS "sentAt",
            ${ts('d.shared_at')} AS "sharedAt", sm.full_name AS "sharedByName", d.broadcast_count AS "broadcastCount",
            d.zalo_message_id AS "zaloMessageId", d.error_reason AS "errorReason"
       FROM deliveries d
       JOIN occurrences o ON o.id = d.occurrence_id
       LEFT JOIN zalo_groups g ON g.id = d.group_id
       LEFT JOIN units u ON u.id = d.responsible_unit_id
       LEFT JOIN members sm ON sm.id = d.shared_by
      WHERE o.post_id = $1
      ORDER BY o.due_at DESC, ${TARGET_NAME}`,
    [postId],
  );
  return rows;
}

/** A team's share and loudspeaker tasks: open ones first, then the last two weeks' done ones. */
export async function listShareTasks(db: Queryable, unitId: string): Promise<ShareTask[]> {
  const { rows } = await db.query<ShareTask>(
    `SELECT d.id, d.target_kind AS "targetKind", ${TARGET_NAME} AS "targetName", d.status, ${ts('o.due_at')} AS "dueAt",
            COALESCE(d.body, p.body) AS body, p.id AS "postId", p.link_path AS "linkPath",
            ${ts('d.shared_at')} AS "sharedAt", sm.full_name AS "sharedByName", d.broadcast_count AS "broadcastCount"
       FROM deliveries d
       JOIN occurrences o ON o.id = d.occurrence_id
       JOIN posts p ON p.id = o.post_id
       LEFT JOIN zalo_groups g ON g.id = d.group_id
       LEFT JOIN units u ON u.id = d.responsible_unit_id
       LEFT JOIN members sm ON sm.id = d.shared_by
      WHERE d.responsible_unit_id = $1 AND d.target_kind IN ('team_share', 'loudspeaker')
        AND (d.status = 'waiting' OR d.updated_at > now() - interval '14 days')
      ORDER BY d.status <> 'waiting', o.due_at DESC
      LIMIT 100`,
    [unitId],
  );
  return rows;
}

/**
 * Waiting → shared (team_share) or done (loudspeaker, with the count), by a member of the responsible
 * team (or staff, `unitId` null). False when it was not waiting or not theirs.
 */
export async function completeTeamDelivery(
  db: Queryable,
  change: {
    id: string;
    kind: 'team_share' | 'loudspeaker';
    memberId: string | null;
    unitId: string | null;
    broadcastCount: number | null;
  },
): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE deliveries
        SET status = CASE WHEN target_kind = 'team_share' THEN 'shared' ELSE 'done' END,
            shared_by = $3, shared_at = now(), broadcast_count = $5, updated_at = now(), error_reason = NULL
      WHERE id = $1 AND target_kind = $2 AND status = 'waiting' AND ($4::uuid IS NULL OR responsible_unit_id = $4)`,
    [change.id, change.kind, change.memberId, change.unitId, change.broadcastCount],
  );
  return rowCount === 1;
}

/** Whether the delivery exists for this team (or any, `unitId` null) whatever its status. */
export async function teamDeliveryExists(
  db: Queryable,
  id: string,
  kind: 'team_share' | 'loudspeaker',
  unitId: string | null,
): Promise<boolean> {
  const { rowCount } = await db.query(
    `SELECT 1 FROM deliveries WHERE id = $1 AND target_kind = $2 AND ($3::uuid IS NULL OR responsible_unit_id = $3)`,
    [id, kind, unitId],
  );
  return (rowCount ?? 0) > 0;
}
