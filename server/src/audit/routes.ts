/** The audit view: who did what and when, for leaders and staff, filtered by campaign and person. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AuditList, AuditQuery } from '@loa/shared';
import { routeGroup } from '../http/access.js';
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
    async (request) => ({
      entries: await app.db.withWard(request.session.wardId, (db) =>
        listAudit(db, { ...request.query, limit: request.query.limit ?? 50 }),
      ),
    }),
  );
};

// The ward office (admin, staff, leaders); summary, security and error answers come from the kit.
export default routeGroup('office', auditRoutes);
