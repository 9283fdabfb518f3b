/** Messages to people that need the office's attention (failed, unreachable, unknown). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, NotificationIssueList } from '@loa/shared';
import { listNotificationIssues } from './sql.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

const notificationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/notifications/issues',
    {
      onRequest: [app.authenticate, app.requireRole('admin', 'staff', 'leader')],
      config: { op: 'notifications.issues' },
      schema: { tags: ['posts'], response: { 200: NotificationIssueList, ...errors } },
    },
    async (request) => ({
      notifications: await app.db.withWard(request.session.wardId, (db) => listNotificationIssues(db)),
    }),
  );
};

export default notificationRoutes;
