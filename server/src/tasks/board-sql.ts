import type { Board } from '@loa/shared';
import type { Queryable } from '../plugins/db.js';
import { OVERDUE } from './sql.js';

/**
 * The progress board of one campaign in one query: its tasks, the units they are assigned to (digital
 * teams first), every cell with its status and derived overdue flag, and the counts. Uses tasks_campaign
 * and the (task_id, unit_id) unique index (cancelled tasks are left out), so it reads only this campaign's rows whatever the province size.
 */
export const BOARD_SQL = `
WITH t AS (
  SELECT id, title, kind, due_at, sort_order FROM tasks WHERE campaign_id = $1 AND cancelled_at IS NULL
), cell AS (
  SELECT a.id, a.task_id, a.unit_id, a.status, ${OVERDUE} AS overdue
    FROM t JOIN assignments a ON a.task_id = t.id
), team AS (
  SELECT u.id, u.name, u.short_name, u.kind, u.sort_order,
         count(*)::int AS total,
         count(*) FILTER (WHERE cell.status IN ('submitted', 'accepted'))::int AS done,
         count(*) FILTER (WHERE cell.overdue)::int AS overdue
    FROM cell JOIN units u ON u.id = cell.unit_id
   GROUP BY u.id
)
SELECT c.id AS "campaignId",
  COALESCE((SELECT json_agg(json_build_object('id', t.id, 'title', t.title, 'kind', t.kind,
              'dueAt', to_char(t.due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
              ORDER BY t.sort_order, t.due_at) FROM t), '[]') AS tasks,
  COALESCE((SELECT json_agg(json_build_object('id', team.id, 'name', team.name, 'shortName', team.short_name,
              'total', team.total, 'done', team.done, 'overdue', team.overdue)
              ORDER BY team.kind <> 'digital_team', team.sort_order, team.name) FROM team), '[]') AS teams,
  COALESCE((SELECT json_agg(json_build_object('taskId', cell.task_id, 'unitId', cell.unit_id,
              'assignmentId', cell.id, 'status', cell.status, 'overdue', cell.overdue)) FROM cell), '[]') AS cells,
  (SELECT json_build_object(
     'total', count(*),
     'pending', count(*) FILTER (WHERE status = 'pending'),
     'acknowledged', count(*) FILTER (WHERE status = 'acknowledged'),
     'done', count(*) FILTER (WHERE status IN ('submitted', 'accepted')),
     'overdue', count(*) FILTER (WHERE overdue)) FROM cell) AS counts
FROM campaigns c WHERE c.id = $1`;

export async function loadBoard(db: Queryable, campaignId: string): Promise<Board | undefined> {
  const { rows } = await db.query<Board>(BOARD_SQL, [campaignId]);
  return rows[0];
}
