/** The audit view: who did what and when, for leaders and staff, filtered by campaign and person. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AuditList, AuditQuery } from '@loa/shared';
import { routeGroup } from '../http/access.js';
import { auditActionText } from './actions.js';
import { listAudit } from './read-sql.js';

const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/audit',
    {
      config: { op: 'audit.list' },
      schema: {
        tags: ['audit'],
        querystring: AuditQuery,
        response: { 200: AuditList },
      },
    },
    async (request) => {
      const limit = request.query.limit ?? 50;
      // One entry more than the page says whether "Xem thêm" has anything to show.
      const rows = await app.db.withWard(request.session.wardId, (db) =>
        listAudit(db, { ...request.query, limit: limit + 1 }),
      );
      const entries = rows
        .slice(0, limit)
        .map((row) => ({ ...row, actionText: auditActionText(row.action) }));
      return { entries, next: rows.length > limit ? entries[entries.length - 1]!.id : null };
    },
  );
};

// The ward office (admin, staff, leaders); summary, security and error answers come from the kit.
export default routeGroup('office', auditRoutes);
