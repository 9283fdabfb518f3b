import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { HealthReply } from '@loa/shared';
import { routeGroup } from '../http/access.js';

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
        async (_request, reply) => {
          const checks: HealthReply['checks'] = {};
          let status: HealthReply['status'] = 'ok';
          for (const [name, check] of app.healthChecks) {
            const result = await check().catch((error: Error) => ({
              ok: false,
              message: error.message,
              critical: true,
            }));
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
