/**
 * An assignment's status moves only through here (and the acknowledgement and "done" of the tasks
 * routes): a photo submits it, a reviewer sends it back or accepts it. Other features call these; they
 * never write `assignments` themselves.
 */
import type { Queryable } from '../plugins/db.js';
import * as sql from './status-sql.js';

/** A new photo puts the assignment back in the reviewers' hands (also after a send-back). */
export function submitForReview(db: Queryable, assignmentId: string, memberId: string | undefined) {
  return sql.markAssignmentSubmitted(db, assignmentId, memberId);
}

/** A photo sent back: the whole assignment needs fixing, with the reason the team reads. */
export function sendBack(db: Queryable, assignmentId: string, reviewerId: string | null, reason: string) {
  return sql.markAssignmentNeedsFix(db, assignmentId, reviewerId, reason);
}

/** A photo accepted: the assignment is accepted once none of its photos is pending or sent back. */
export function acceptIfComplete(db: Queryable, assignmentId: string, reviewerId: string | null) {
  return sql.markAssignmentAcceptedIfComplete(db, assignmentId, reviewerId);
}
