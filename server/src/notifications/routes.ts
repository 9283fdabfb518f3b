/** Messages to people that need the office's attention (failed, unreachable, unknown). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { NotificationIssueList } from '@loa/shared';
import { routeGroup } from '../http/access.js';
import { listNotificationIssues } from './sql.js';

const notificationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(
    routeGroup('office', async (app) => {
      app.get(
        '/api/notifications/issues',
        {
          config: { op: 'notifications.issues' },
          schema: { tags: ['posts'], response: { 200: NotificationIssueList } },
        },
        async (request) => ({
          notifications: await app.db.withWard(request.session.wardId, (db) => listNotificationIssues(db)),
        }),
      );
    }),
  );
};

export default notificationRoutes;
