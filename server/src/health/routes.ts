import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { HealthReply } from '@loa/shared';
import { routeGroup } from '../http/access.js';
import { pingDatabase } from './sql.js';

export interface HealthCheckResult {
  ok: boolean;
  /** Vietnamese, for the staff who read the status page. */
  message?: string;
  /** A failing non-critical check makes the status "degraded" instead of "down". */
  critical?: boolean;
}
export type HealthCheck = () => Promise<HealthCheckResult>;

declare module 'fastify' {
  interface FastifyInstance {
    healthChecks: Map<string, HealthCheck>;
  }
}

const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // The database first (the map is shared with the features that add their checks): when it is down,
  // nothing else works, and the status page should say so first.
  const others = [...app.healthChecks];
  app.healthChecks.clear();
  app.healthChecks.set('database', async () => {
    await pingDatabase(app.db.pool);
    return { ok: true };
  });
  for (const [name, check] of others) app.healthChecks.set(name, check);
  await app.register(
    routeGroup('public', async (app) => {
      app.get(
        '/health',
        {
          config: { op: 'health.get' },
          schema: {
            tags: ['system'],
            response: { 200: HealthReply, 503: HealthReply },
          },
        },
        async (request, reply) => {
          const checks: HealthReply['checks'] = {};
          let status: HealthReply['status'] = 'ok';
          for (const [name, check] of app.healthChecks) {
            // Anyone may read /health: the error itself (addresses, users, driver text) goes to the log only.
            const result = await check().catch((error: Error) => {
              request.log.error({ err: error, check: name }, 'health check failed');
              return {
                ok: false,
                message: `Kiểm tra "${name}" không đạt; xem nhật ký máy chủ.`,
                critical: true,
              };
            });
            checks[name] = { ok: result.ok, ...(result.message ? { message: result.message } : {}) };
            if (!result.ok) status = result.critical === false && status === 'ok' ? 'degraded' : 'down';
          }
          return reply.status(status === 'down' ? 503 : 200).send({ status, checks });
        },
      );
    }),
  );
};

export default healthRoutes;
