/** The audit view: who did what and when, for leaders and staff, filtered by campaign and person. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AuditList, AuditQuery, ErrorBody } from '@loa/shared';
import { listAudit } from './read-sql.js';

const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/audit',
    {
      onRequest: [app.authenticate, app.requireRole('admin', 'staff', 'leader')],
      config: { op: 'audit.list' },
      schema: {
        tags: ['audit'],
        summary: 'Nhật ký thao tác: ai làm gì, lúc nào (lọc theo kế hoạch, theo người)',
        security: [{ session: [] }],
        querystring: AuditQuery,
        response: { 200: AuditList, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody },
      },
    },
    async (request) => ({
      entries: await app.db.withWard(request.session.wardId, (db) =>
        listAudit(db, { ...request.query, limit: request.query.limit ?? 50 }),
      ),
    }),
  );
};

export default auditRoutes;
