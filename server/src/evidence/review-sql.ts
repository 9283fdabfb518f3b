import type { Queryable } from '../plugins/db.js';

export interface ReviewedRow {
  assignmentId: string;
  unitId: string;
  taskTitle: string;
  reviewedAtMs: string;
}

export async function reviewEvidence(
  db: Queryable,
  review: {
    evidenceId: string;
    status: 'accepted' | 'needs_fix';
    reason: string | null;
    reviewerId: string | null;
  },
): Promise<ReviewedRow | undefined> {
  const { rows } = await db.query<ReviewedRow>(
    `UPDATE evidence e
        SET review_status = $2, review_reason = $3, reviewed_by = $4, reviewed_at = clock_timestamp()
       FROM assignments a JOIN tasks t ON t.id = a.task_id
      WHERE e.id = $1 AND e.kind = 'photo' AND a.id = e.assignment_id
      RETURNING e.assignment_id AS "assignmentId", a.unit_id AS "unitId", t.title AS "taskTitle",
                (extract(epoch FROM e.reviewed_at) * 1000)::bigint::text AS "reviewedAtMs"`,
    [review.evidenceId, review.status, review.reason, review.reviewerId],
  );
  return rows[0];
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

/** One queued review_result notification per active team member; sending them is another feature's job. */
export async function queueReviewNotifications(
  db: Queryable,
  notice: {
    wardId: string;
    assignmentId: string;
    unitId: string;
    dedupePrefix: string;
    body: string;
    requestedBy: string | null;
  },
): Promise<number> {
  const { rowCount } = await db.query(
    `INSERT INTO notifications (ward_id, kind, member_id, assignment_id, dedupe_key, body, requested_by)
     SELECT $1, 'review_result', m.id, $2, $4 || ':' || m.id, $5, $6
       FROM members m
      WHERE m.unit_id = $3 AND m.active
     ON CONFLICT (ward_id, dedupe_key) DO NOTHING`,
    [notice.wardId, notice.assignmentId, notice.unitId, notice.dedupePrefix, notice.body, notice.requestedBy],
  );
  return rowCount ?? 0;
}
