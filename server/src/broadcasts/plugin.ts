/**
 * Starts the broadcast engine's ticks with the server when SCHEDULER is on: node-cron every second in
 * the ward's time zone, one tick at a time per instance, and a catch-up tick right after start (the
 * database holds every due occurrence and queued row, so whatever was missed while down is found).
 * Between cron seconds, a tick is also timed for the next occurrence or retry due; while a backlog remains
 * the next tick follows at once.
 * Stopped on close, after the tick in flight. `app.broadcasts.runOnce(now)` is there for tests.
 */

import { WARD_TIME_ZONE } from '@loa/shared';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import cron, { type ScheduledTask } from 'node-cron';
import type { ZaloOaMessenger } from '../zalo/types.js';
import { BroadcastEngine } from './engine.js';

declare module 'fastify' {
  interface FastifyInstance {
    broadcasts: BroadcastEngine;
  }
}

export default fp(
  async function broadcastScheduler(app: FastifyInstance, options: { messenger?: ZaloOaMessenger }) {
    const config = app.config;
    const engine = new BroadcastEngine({
      db: app.db,
      messenger: () => options.messenger ?? (app.hasDecorator('zalo') ? app.zalo?.oa : undefined),
      log: app.log.child({ job: 'broadcasts' }),
      ratePerMinute: config.oaRatePerMinute,
      rateCeilingFactor: config.oaRateCeilingFactor,
      leaseMs: config.deliveryLeaseSeconds * 1000,
      linkBase: config.miniAppLinkBase,
      templateId: config.reminderTemplateId,
      znsTemplateId: config.reminderZnsTemplateId,
    });
    app.decorate('broadcasts', engine);
    let task: ScheduledTask | undefined;
    let wake: NodeJS.Timeout | undefined; // a tick set for the next due occurrence between cron seconds
    let running: Promise<unknown> | undefined;
    let closing = false;
    app.addHook('onClose', async () => {
      closing = true;
      clearTimeout(wake);
      await task?.stop();
      await running;
      await engine.close();
    });
    if (!config.scheduler) return;

    const tick = () => {
      if (running || closing) return; // one tick at a time on this instance; others are fine (SKIP LOCKED)
      running = engine
        .runOnce(new Date(), { background: true })
        .then((report) => {
          if (report.deliveries || report.notifications || report.occurrences)
            app.log.info({ job: 'broadcasts', ...report }, 'broadcast tick');
          return report.moreDue;
        })
        .catch((error) => {
          app.log.error({ err: error, job: 'broadcasts' }, 'broadcast tick failed');
          return false;
        })
        .finally(() => {
          running = undefined;
        })
        .then((moreDue) => {
          if (moreDue)
            setImmediate(tick); // a backlog: go on sending rather than wait for the next second
          else return wakeForNextDue();
        });
    };
    // The cron tick is once a second; a post due at 07:00:00.600 should not wait for 07:00:01.
    const wakeForNextDue = async () => {
      const now = new Date();
      const due = await engine.nextDue(now, 1_000).catch((error) => {
        app.log.warn({ err: error, job: 'broadcasts' }, 'looking up the next due occurrence failed');
        return undefined;
      });
      if (!due || closing) return;
      clearTimeout(wake);
      // A few ms after: a timer may fire a hair before the wall clock reads the due time.
      wake = setTimeout(tick, Math.max(0, due.getTime() - Date.now() + 5));
      wake.unref();
    };
    app.addHook('onReady', async () => {
      await app.db.pool.query(
        `INSERT INTO job_runs (job_name, slot_at, claimed_by) VALUES ('broadcasts.catch_up', now(), $1)
         ON CONFLICT DO NOTHING`,
        [engine.owner],
      );
      task = cron.schedule('* * * * * *', tick, {
        timezone: WARD_TIME_ZONE,
        name: 'broadcasts',
        noOverlap: true,
      });
      tick(); // catch up at once rather than at the next second
    });
  },
  { name: 'broadcast-scheduler', dependencies: ['db'] },
);
