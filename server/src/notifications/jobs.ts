/**
 * The notification jobs the scheduler runs: queue reminders and escalations at their slots (every
 * minute; the rules are in minutes), and send what is queued (every second). Sending goes through the
 * broadcast engine, which holds this instance's share of the OA's rate limit.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Job } from '../plugins/scheduler.js';

interface NotificationEngine {
  queueReminders(now: Date): Promise<number>;
  notify(now: Date): Promise<{ expired: number; notifications: number }>;
}

export function notificationJobs(engine: NotificationEngine, log: FastifyBaseLogger): Job[] {
  return [
    {
      name: 'notifications.reminders',
      everyMs: 60_000,
      run: async ({ now }) => {
        const reminders = await engine.queueReminders(now);
        if (reminders) log.info({ reminders }, 'reminders queued');
      },
    },
    {
      name: 'notifications.send',
      everyMs: 1_000,
      run: async ({ now }) => {
        const report = await engine.notify(now);
        if (report.notifications || report.expired) log.info(report, 'notifications sent');
      },
    },
  ];
}
