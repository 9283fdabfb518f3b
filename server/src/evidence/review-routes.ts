/**
 * Review: staff or the leader accept a photo or send it back with a reason. A send-back puts the
 * assignment in needs_fix; either way the team's members get a queued review_result notification
 * (delivering it is the notifications feature's job).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, EvidenceItem, EvidenceReviewBody, IdParams } from '@loa/shared';
import { AppError } from '../errors.js';
import {
  markAssignmentAcceptedIfComplete,
  markAssignmentNeedsFix,
  queueReviewNotifications,
  reviewEvidence,
} from './review-sql.js';
import { findEvidence } from './sql.js';

const reviewRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/evidence/:id/review',
    {
      config: { op: 'evidence.review' },
      onRequest: [app.authenticate, app.requireRole('admin', 'staff', 'leader')],
      schema: {
        tags: ['evidence'],
        summary: 'Duyệt ảnh minh chứng hoặc trả lại kèm lý do',
        params: IdParams,
        body: EvidenceReviewBody,
        response: { 200: EvidenceItem, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => {
      const { decision } = request.body;
      const reason = request.body.reason?.trim() || null;
      if (decision === 'needs_fix' && !reason) throw new AppError('REVIEW_REASON_REQUIRED');
      const { wardId, memberId } = request.session;
      const reviewerId = memberId ?? null;
      return app.db.withWard(wardId, async (client) => {
        const status = decision === 'accept' ? 'accepted' : 'needs_fix';
        const reviewed = await reviewEvidence(client, {
          evidenceId: request.params.id,
          status,
          reason,
          reviewerId,
        });
        if (!reviewed) throw new AppError('EVIDENCE_NOT_FOUND');
        if (status === 'needs_fix')
          await markAssignmentNeedsFix(client, reviewed.assignmentId, reviewerId, reason ?? '');
        else await markAssignmentAcceptedIfComplete(client, reviewed.assignmentId, reviewerId);
        await queueReviewNotifications(client, {
          wardId,
          assignmentId: reviewed.assignmentId,
          unitId: reviewed.unitId,
          dedupePrefix: `review_result:${request.params.id}:${reviewed.reviewedAtMs}`,
          body:
            status === 'accepted'
              ? `Ảnh minh chứng cho nhiệm vụ "${reviewed.taskTitle}" đã được duyệt.`
              : `Ảnh minh chứng cho nhiệm vụ "${reviewed.taskTitle}" cần bổ sung: ${reason}. Mở Loa Phường để chụp lại.`,
          requestedBy: reviewerId,
        });
        const item = await findEvidence(client, request.params.id);
        if (!item) throw new AppError('EVIDENCE_NOT_FOUND');
        return item;
      });
    },
  );
};

export default reviewRoutes;
