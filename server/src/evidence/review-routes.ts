/** Review of a photo over HTTP (review-service.ts says what a review does). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, EvidenceItem, EvidenceReviewBody, IdParams } from '@loa/shared';
import { routeGroup } from '../http/access.js';
import { reviewPhoto } from './review-service.js';

const reviewRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(
    routeGroup('office', async (app) => {
      app.post(
        '/api/evidence/:id/review',
        {
          config: { op: 'evidence.review' },
          schema: {
            tags: ['evidence'],
            params: IdParams,
            body: EvidenceReviewBody,
            response: { 200: EvidenceItem, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
          },
        },
        async (request) =>
          app.db.withWard(request.session.wardId, (db) =>
            reviewPhoto(db, app.notifier, request.session, request.params.id, request.body),
          ),
      );
    }),
  );
};

export default reviewRoutes;
