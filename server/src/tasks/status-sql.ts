/**
 * The assignment status changes that photos and their review cause (assignment-status.ts is the way in
 * for other features). Acknowledging and "done" are in sql.ts, beside the rest of the assignment reads.
 */
import type { Queryable } from '../plugins/db.js';

/** A new photo puts the assignment back in the reviewers' hands (also after a send-back). */
export const MARK_ASSIGNMENT_SUBMITTED = {
  name: 'tasks.mark-assignment-submitted', // prepared once per connection, like the upload's other statements
  text: `UPDATE assignments SET status = 'submitted', submitted_at = now(), submitted_by = $2, updated_at = now()
      WHERE id = $1 AND status IN ('pending', 'acknowledged', 'needs_fix', 'submitted')`,
};

export async function markAssignmentSubmitted(
  db: Queryable,
  assignmentId: string,
  memberId: string | undefined,
): Promise<void> {
  await db.query({ ...MARK_ASSIGNMENT_SUBMITTED, values: [assignmentId, memberId ?? null] });
}

/** A send-back puts the whole assignment in needs_fix with the reason, so the team sees it on the task. */
export async function markAssignmentNeedsFix(
  db: Queryable,
  assignmentId: string,
  reviewerId: string | null,
  reason: string,
): Promise<void> {
  await db.query(
    `UPDATE assignments SET status = 'needs_fix', reviewed_at = now(), reviewed_by = $2, review_reason = $3,
            updated_at = now()
      WHERE id = $1`,
    [assignmentId, reviewerId, reason],
  );
}

/** The assignment is accepted once none of its photos is still pending or sent back. */
export async function markAssignmentAcceptedIfComplete(
  db: Queryable,
  assignmentId: string,
  reviewerId: string | null,
): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE assignments SET status = 'accepted', reviewed_at = now(), reviewed_by = $2, review_reason = NULL,
            updated_at = now()
      WHERE id = $1
        AND NOT EXISTS (SELECT FROM evidence
                         WHERE assignment_id = $1 AND kind = 'photo' AND review_status <> 'accepted')`,
    [assignmentId, reviewerId],
  );
  return (rowCount ?? 0) > 0;
}
