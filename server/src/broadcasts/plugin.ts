/**
 * The broadcast engine of this instance (`app.broadcasts`) and its recurring jobs, run by the one
 * scheduler (plugins/scheduler.ts):
 * - `broadcasts.dispatch`, every second: the ledger's work and sending; while a backlog remains the run
 *   goes on, and between seconds it asks to wake for the next occurrence or retry due, so a post due at
 *   07:00:00.600 does not wait for 07:00:01;
 * - the notification jobs (notifications/jobs.ts), which send through the same rate limiter;
 * - `broadcasts.rateWindowSweep`: per-second request counts older than the window are removed.
 * Closing waits for the scheduler's runs, then for sends in flight, then writes the last counts.
 */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { notificationJobs } from '../notifications/jobs.js';
import { postImageKey } from '../posts/images.js';
import { BroadcastEngine } from './engine.js';
import { sweepRequestSeconds } from './rate-window-sql.js';

declare module 'fastify' {
  interface FastifyInstance {
    broadcasts: BroadcastEngine;
  }
}

export default fp(
  async function broadcastsPlugin(app: FastifyInstance) {
    const config = app.config;
    const log = app.log.child({ job: 'broadcasts' });
    const engine = new BroadcastEngine({
      db: app.db,
      // Each row goes out through its own ward's OA, or not at all (zalo/oa-registry.ts).
      messengerFor: (oaId) => app.zalo.oas.connected(oaId),
      log,
      ratePerMinute: config.oaRatePerMinute,
      rateCeilingFactor: config.oaRateCeilingFactor,
      leaseMs: config.deliveryLeaseSeconds * 1000,
      linkBase: config.miniAppLinkBase,
      templateId: config.reminderTemplateId,
      znsTemplateId: config.reminderZnsTemplateId,
      loadImage: (wardId, sha256) => app.photoStorage.getIfExists(postImageKey(wardId, sha256)),
      notifier: app.notifier,
    });
    app.decorate('broadcasts', engine);
    let closing = false;
    app.addHook('onClose', async () => {
      closing = true;
      await app.scheduler.stop();
      await engine.close();
    });

    app.scheduler.add({
      name: 'broadcasts.dispatch',
      everyMs: 1_000,
      run: async ({ now }) => {
        for (let at = now; !closing; at = new Date()) {
          const report = await engine.dispatch(at, { background: true });
          if (report.deliveries || report.occurrences) log.info(report, 'broadcast tick');
          if (!report.moreDue) break; // else a backlog: go on sending rather than wait for the next second
        }
        const wakeAt = await engine.nextDue(new Date(), 1_000);
        return wakeAt ? { wakeAt } : undefined;
      },
    });
    for (const job of notificationJobs(engine, log)) app.scheduler.add(job);
    app.scheduler.add({
      name: 'broadcasts.rateWindowSweep',
      everyMs: 10 * 60_000,
      run: ({ now }) => sweepRequestSeconds(app.db, now),
    });
  },
  { name: 'broadcasts', dependencies: ['db', 'scheduler', 'zalo', 'evidence', 'notifier'] },
);
