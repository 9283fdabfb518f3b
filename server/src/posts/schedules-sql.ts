/**
 * Queries of schedules and their occurrences (one per send time). All run inside `withWard`, so
 * row-level security keeps them to the request's ward.
 */
import type { Schedule } from '@loa/shared';
import type { Queryable } from '../plugins/db.js';

/** A schedule, materialised up to its last send time: its occurrences are added with it (schedules.ts). */
export async function insertSchedule(
  db: Queryable,
  s: {
    wardId: string;
    postId: string;
    kind: string;
    runAt: string | null;
    timesOfDay: string[] | null;
    startsOn: string | null;
    endsOn: string | null;
    targets: object;
    createdBy: string | null;
  },
  dueAts: Date[],
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO schedules (ward_id, post_id, kind, run_at, times_of_day, starts_on, ends_on, targets, created_by, materialised_until)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, (SELECT max(d) FROM unnest($10::timestamptz[]) d)) RETURNING id`,
    [
      s.wardId,
      s.postId,
      s.kind,
      s.runAt,
      s.timesOfDay,
      s.startsOn,
      s.endsOn,
      JSON.stringify(s.targets),
      s.createdBy,
      dueAts,
    ],
  );
  return rows[0]!.id;
}

export async function listSchedules(db: Queryable, postId: string): Promise<Schedule[]> {
  const { rows } = await db.query<Schedule>(
    `SELECT s.id, s.post_id AS "postId", s.kind, to_json(s.run_at) #>> '{}' AS "runAt", s.times_of_day AS "timesOfDay",
            to_char(s.starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(s.ends_on, 'YYYY-MM-DD') AS "endsOn", s.status, s.targets,
            COALESCE((SELECT json_agg(json_build_object('id', o.id, 'dueAt', to_json(o.due_at) #>> '{}', 'status', o.status,
                                                        'bodyOverride', o.body_override) ORDER BY o.due_at)
                        FROM occurrences o WHERE o.schedule_id = s.id), '[]') AS occurrences
       FROM schedules s WHERE s.post_id = $1 ORDER BY s.created_at`,
    [postId],
  );
  return rows;
}

export async function setScheduleStatus(db: Queryable, id: string, status: string): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE schedules SET status = $2 WHERE id = $1 AND status <> 'cancelled'`,
    [id, status],
  );
  return rowCount === 1;
}

export async function findOccurrence(db: Queryable, id: string) {
  const { rows } = await db.query<{
    id: string;
    status: string;
    dueAt: Date;
    campaignId: string;
    bodyOverride: string | null;
  }>(
    `SELECT o.id, o.status, o.due_at AS "dueAt", p.campaign_id AS "campaignId", o.body_override AS "bodyOverride"
       FROM occurrences o JOIN posts p ON p.id = o.post_id WHERE o.id = $1 FOR UPDATE OF o`,
    [id],
  );
  return rows[0];
}

/**
 * A changed occurrence text is a change to what goes out: the post returns to draft, and nothing of it
 * is sent until a leader approves again (the ledger sends only approved posts).
 */
export async function returnPostToDraft(db: Queryable, occurrenceId: string): Promise<void> {
  await db.query(
    `UPDATE posts SET status = 'draft', approved_by = NULL, approved_at = NULL, version = version + 1,
            updated_at = now()
      WHERE id = (SELECT post_id FROM occurrences WHERE id = $1) AND status = 'approved'`,
    [occurrenceId],
  );
}
