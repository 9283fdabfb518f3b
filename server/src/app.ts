/**
 * buildApp(config) → a Fastify instance with every plugin and feature registered, not listening.
 * The listener (server.ts) and the tests build exactly this. Read top to bottom: cross-cutting plugins
 * first, then one encapsulated plugin per feature.
 */
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { ErrorBody } from '@loa/shared';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import auditRoutes from './audit/routes.js';
import authRoutes from './auth/routes.js';
import playRoutes from './broadcasts/plays-routes.js';
import broadcastsPlugin from './broadcasts/plugin.js';
import deliveryRoutes from './broadcasts/routes.js';
import campaignRoutes from './campaigns/routes.js';
import type { AppConfig } from './config.js';
import conversationsPlugin from './conversations/plugin.js';
import evidencePlugin from './evidence/plugin.js';
import healthRoutes from './health/routes.js';
import type { Operation } from './http/operations.js';
import { moveRequestBodies } from './http/request-bodies.js';
import importRoutes from './imports/routes.js';
import { loggerOptions } from './logger.js';
import notifierPlugin from './notifications/queue.js';
import reminderRuleRoutes from './notifications/reminder-rules-routes.js';
import notificationRoutes from './notifications/routes.js';
import authPlugin from './plugins/auth.js';
import dbPlugin from './plugins/db.js';
import errorsPlugin, { frameworkErrors } from './plugins/errors.js';
import inputTextPlugin from './plugins/input-text.js';
import miniAppPlugin from './plugins/mini-app.js';
import schedulerPlugin from './plugins/scheduler.js';
import securityHeadersPlugin from './plugins/security-headers.js';
import postEditRoutes from './posts/edit-routes.js';
import postRoutes from './posts/routes.js';
import publicRoutes from './public/routes.js';
import siteRoutes from './public/site-routes.js';
import reportRoutes from './reports/routes.js';
import assignmentRoutes from './tasks/assignment-routes.js';
import taskRoutes from './tasks/task-routes.js';
import wardRoutes from './wards/routes.js';
import zaloPlugin from './zalo/plugin.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Operation name for the request log line, e.g. "campaigns.create" (the catalogue: http/operations.ts). */
    op?: Operation;
  }
  interface FastifyInstance {
    config: AppConfig;
  }
}

export async function buildApp(
  config: AppConfig,
  options: { logger?: boolean } = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger === false ? false : loggerOptions(config),
    // One line per request, written by the onResponse hook below, instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    // A hop count as the function Fastify builds from a number (its types accept only the function).
    trustProxy:
      typeof config.trustProxy === 'number'
        ? (
            (hops: number) => (_address: string, hop: number) =>
              hop < hops
          )(config.trustProxy)
        : config.trustProxy,
    bodyLimit: 1024 * 1024,
    // Fastify sets none by default, so a client that never finishes holds its socket forever.
    // A whole request may take 5 minutes (a 15 MB photo over a weak 3G link), a silent socket 2.
    requestTimeout: 5 * 60_000,
    connectionTimeout: 2 * 60_000,
    keepAliveTimeout: 72_000,
    // verbose: an error carries its schema, so a bad field is named by its Vietnamese description.
    ajv: { customOptions: { allErrors: true, verbose: true, coerceTypes: 'array', removeAdditional: false } },
    frameworkErrors,
  }).withTypeProvider<TypeBoxTypeProvider>();

  // Headers must arrive within 30 s (slowloris); bodies then have the request timeout above.
  app.server.headersTimeout = 30_000;
  app.decorate('config', config);
  app.decorate('healthChecks', new Map());
  app.addSchema(ErrorBody);

  // One log line per request, named by the route's operation.
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        op: request.routeOptions.config.op ?? 'unrouted',
        method: request.method,
        url: request.url,
        statusCode: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request',
    );
  });

  await app.register(errorsPlugin);
  await app.register(inputTextPlugin);
  // Everything the app loads comes from this server: the icon font and styles are built into the
  // mini app (no CDN). blob: is the photos the app itself fetched with the session and shows.
  await app.register(securityHeadersPlugin, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'blob:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cors, { origin: config.corsOrigins });
  // Limits count per signed-in member where the route knows one (its limit runs after sign-in checks),
  // else per client address (the real one: see TRUST_PROXY).
  await app.register(rateLimit, {
    global: false,
    keyGenerator: (request) =>
      request.session?.memberId ? `member:${request.session.memberId}` : request.ip,
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Loa Phường API',
        version: '0.1.0',
        description: 'Hợp đồng API giữa mini app và máy chủ.',
      },
      components: { securitySchemes: { session: { type: 'http', scheme: 'bearer' } } },
    },
    transformObject: (document) =>
      moveRequestBodies('openapiObject' in document ? document.openapiObject : document.swaggerObject),
  });
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    staticCSP: true,
    // Swagger UI writes style attributes as it renders, which style hashes cannot allow; its own
    // inline scripts stay pinned by hash. Nothing is loaded from another host.
    transformStaticCSP: (header) =>
      header
        .replace(/style-src [^;]*;/, "style-src 'self' 'unsafe-inline';")
        .replace(/img-src [^;]*;/, "img-src 'self' data:;")
        .replace(/font-src [^;]*;/, "font-src 'self';"),
    uiConfig: { validatorUrl: null },
  });
  await app.register(dbPlugin, { connectionString: config.databaseUrl });
  // The one scheduler: features add their recurring jobs; it starts when the app is ready.
  await app.register(schedulerPlugin);
  await app.register(authPlugin, {
    secret: config.sessionSecret,
    ttlMinutes: config.sessionTtlMinutes,
    recheckSeconds: config.sessionRecheckSeconds,
  });
  // Messages to people are recorded as queued notifications (notifications/); its sender delivers them.
  await app.register(notifierPlugin, {});

  // Everything that speaks Zalo: app.zalo, the OA token keeper, /webhooks/zalo, the simulator at /sim.
  await app.register(zaloPlugin, { config });

  await app.register(healthRoutes);
  await app.register(publicRoutes, { defaultWardSlug: config.defaultWardSlug });
  // Sign-in with Zalo (mini-app token → session) and the signed-in profile.
  await app.register(authRoutes, { defaultWardSlug: config.defaultWardSlug });
  // Photo evidence: upload pipeline, verification flags, review queue, authenticated photo serving.
  await app.register(evidencePlugin);
  // Campaigns: staff write, leaders approve, staff activate and close.
  await app.register(campaignRoutes);
  // Plan documents (pasted, .docx, .pdf) → a draft campaign to check, then campaign + units + tasks.
  await app.register(importRoutes);
  // Tasks, assignment to teams, the progress board and urging late teams (staff).
  await app.register(taskRoutes);
  // A team's own assignments: list, acknowledge, mark done.
  await app.register(assignmentRoutes);
  // Broadcasts: the delivery ledger's engine, its jobs and the notification jobs (run when SCHEDULER is on).
  await app.register(broadcastsPlugin, {});
  // Setting the ward up: the ward, places, units, members (list import/export), Zalo groups.
  await app.register(wardRoutes);
  // Who did what: the audit view.
  await app.register(auditRoutes);
  // Posts, approval and schedules; what the ledger did with them; messages to people that need a human.
  await app.register(postRoutes);
  // Sending a post back, its exact preview, its image, the loudspeaker slots.
  await app.register(postEditRoutes);
  await app.register(deliveryRoutes);
  // The loudspeaker play log: each play a team reports.
  await app.register(playRoutes);
  // The ward's public web pages and Atom feed of sent posts (/w/:slug), with the posts' images.
  await app.register(siteRoutes);
  await app.register(notificationRoutes);
  // Reminder rules per campaign (defaults on every new campaign).
  await app.register(reminderRuleRoutes);
  // Results: the report (.docx), the spreadsheet annex (.xlsx) and the delivery ledger (.csv).
  await app.register(reportRoutes);
  // The OA chatbot (answers what people send the OA, exactly once) and the staff inbox.
  await app.register(conversationsPlugin);
  if (config.serveMiniApp) await app.register(miniAppPlugin, {});

  return app;
}
