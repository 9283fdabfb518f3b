/**
 * Review: staff or the leader accept a photo or send it back with a reason. A send-back puts the
 * assignment in needs_fix (through tasks/); either way the team's members get a queued review_result
 * notification (through notifications/, which delivers it).
 */
import type { EvidenceItem, EvidenceReviewBody } from '@loa/shared';
import { recordAuditBy } from '../audit/audit.js';
import { AppError } from '../errors.js';
import type { Notifier } from '../notifications/queue.js';
import type { Session } from '../plugins/auth.js';
import type { Queryable } from '../plugins/db.js';
import { acceptIfComplete, sendBack } from '../tasks/assignment-status.js';
import { reviewEvidence, uploadedBy } from './review-sql.js';
import { findEvidence } from './sql.js';

export async function reviewPhoto(
  db: Queryable,
  notifier: Notifier,
  session: Session,
  evidenceId: string,
  input: EvidenceReviewBody,
): Promise<EvidenceItem> {
  const reason = input.reason?.trim() || null;
  if (input.decision === 'needs_fix' && !reason) throw new AppError('REVIEW_REASON_REQUIRED');
  const reviewerId = session.memberId ?? null;
  const status = input.decision === 'accept' ? 'accepted' : 'needs_fix';
  const reviewed = await reviewEvidence(db, { evidenceId, status, reason, reviewerId });
  if (!reviewed) {
    // A staff member can also be in a team and upload; accepting their own photo would check nothing.
    if (reviewerId && (await uploadedBy(db, evidenceId, reviewerId)))
      throw new AppError('EVIDENCE_OWN_PHOTO');
    throw new AppError('EVIDENCE_NOT_FOUND');
  }
  await recordAuditBy(db, session, {
    action: status === 'accepted' ? 'evidence.accept' : 'evidence.sendBack',
    entity: 'evidence',
    entityId: evidenceId,
    after: { reviewStatus: status, reason },
  });
  if (status === 'needs_fix') await sendBack(db, reviewed.assignmentId, reviewerId, reason ?? '');
  else await acceptIfComplete(db, reviewed.assignmentId, reviewerId);
  const body =
    status === 'accepted'
      ? `Ảnh minh chứng cho nhiệm vụ "${reviewed.taskTitle}" đã được duyệt.`
      : `Ảnh minh chứng cho nhiệm vụ "${reviewed.taskTitle}" cần bổ sung: ${reason}. Mở Loa Phường để chụp lại.`;
  await notifier.enqueueForTeams(db, [
    {
      wardId: session.wardId,
      kind: 'review_result',
      unitId: reviewed.unitId,
      assignmentId: reviewed.assignmentId,
      // Reviewing the same photo again is a new review, so a new message.
      dedupePrefix: `review_result:${evidenceId}:${reviewed.reviewedAtMs}`,
      body,
      requestedBy: reviewerId ?? undefined,
    },
  ]);
  const item = await findEvidence(db, evidenceId);
  if (!item) throw new AppError('EVIDENCE_NOT_FOUND');
  return item;
}
