/** The review's query: a photo's verdict, returning what the assignment and the message need. */
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
        -- Nobody reviews their own photo (review-service.ts tells them why).
        AND ($4::uuid IS NULL OR e.uploaded_by IS DISTINCT FROM $4::uuid)
      RETURNING e.assignment_id AS "assignmentId", a.unit_id AS "unitId", t.title AS "taskTitle",
                (extract(epoch FROM e.reviewed_at) * 1000)::bigint::text AS "reviewedAtMs"`,
    [review.evidenceId, review.status, review.reason, review.reviewerId],
  );
  return rows[0];
}

/** Whether this member uploaded the photo (why a review of it found nothing to update). */
export async function uploadedBy(db: Queryable, evidenceId: string, memberId: string): Promise<boolean> {
  const { rows } = await db.query(`SELECT 1 FROM evidence WHERE id = $1 AND uploaded_by = $2`, [
    evidenceId,
    memberId,
  ]);
  return rows.length > 0;
}
