/**
 * Occurrences (one per send time of a schedule) as the posts feature changes them: added with their
 * schedule, edited or cancelled before they are due. The engine's own statements are ledger-sql.ts.
 */
import type { Queryable } from '../plugins/db.js';

export async function insertOccurrences(
  db: Queryable,
  o: { wardId: string; scheduleId: string; postId: string; dueAts: Date[] },
): Promise<void> {
  await db.query(
    `INSERT INTO occurrences (ward_id, schedule_id, post_id, due_at)
     SELECT $1, $2, $3, d FROM unnest($4::timestamptz[]) d`,
    [o.wardId, o.scheduleId, o.postId, o.dueAts],
  );
}

/** Pending occurrences of a post that fell due already (while it waited in draft) are cancelled. */
export async function cancelOverdueOccurrences(db: Queryable, postId: string): Promise<void> {
  await db.query(
    `UPDATE occurrences SET status = 'cancelled' WHERE post_id = $1 AND status = 'pending' AND due_at < now()`,
    [postId],
  );
}

/** Cancels every send of the post not yet due; returns how many (the archive's audit says so). */
export async function cancelPendingOccurrences(db: Queryable, postId: string): Promise<number> {
  const { rowCount } = await db.query(
    `UPDATE occurrences SET status = 'cancelled' WHERE post_id = $1 AND status = 'pending'`,
    [postId],
  );
  return rowCount ?? 0;
}

/** A cancelled schedule cancels all it has pending; a resumed one, what fell due while paused. */
export async function cancelScheduleOccurrences(
  db: Queryable,
  scheduleId: string,
  status: string,
  now: Date,
): Promise<void> {
  await db.query(
    `UPDATE occurrences SET status = 'cancelled'
      WHERE schedule_id = $1 AND status = 'pending' AND ($2 = 'cancelled' OR ($2 = 'active' AND due_at < $3))`,
    [scheduleId, status, now],
  );
}

export async function updateOccurrence(
  db: Queryable,
  id: string,
  change: { dueAt: Date; bodyOverride: string | null; cancel: boolean },
): Promise<void> {
  await db.query(
    `UPDATE occurrences SET due_at = $2, body_override = $3, status = CASE WHEN $4 THEN 'cancelled' ELSE status END WHERE id = $1`,
    [id, change.dueAt, change.bodyOverride, change.cancel],
  );
}
