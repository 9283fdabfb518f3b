/**
 * One tick of the broadcast machinery, safe on every instance at once: materialise schedules, turn due
 * occurrences into ledger rows, open team tasks, expire dead leases, queue reminders, then send.
 * `runOnce(now)` takes the time so tests drive it with a fake clock.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../plugins/db.js';
import type { ZaloOaMessenger } from '../zalo/types.js';
import { DeliverySender } from './dispatcher.js';
import {
  dispatchDueOccurrences,
  expireDeliveryLeases,
  materialiseOccurrences,
  openTeamTasks,
} from './ledger-sql.js';
import { NotificationSender } from './notifier.js';
import { expireNotificationLeases } from './notify-sql.js';
import { RateLimiter } from './rate-limiter.js';
import { enqueueEscalations, enqueueReminders } from './reminders-sql.js';

export interface EngineOptions {
  db: Db;
  /** Undefined until the Zalo layer is configured: ledger work goes on, sending waits. */
  messenger: () => ZaloOaMessenger | undefined;
  log: FastifyBaseLogger;
  ratePerMinute: number;
  leaseMs: number;
  linkBase: string;
  templateId?: string;
  znsTemplateId?: string;
  /** How far back a missed reminder slot is still worth sending after downtime. */
  reminderCatchUpMs?: number;
  owner?: string;
}

export interface TickReport {
  occurrences: number;
  teamTasks: number;
  expired: number;
  reminders: number;
  deliveries: number;
  notifications: number;
}

export class BroadcastEngine {
  readonly owner: string;
  readonly limiter: RateLimiter;
  private readonly deliveries: DeliverySender;
  private readonly notifications: NotificationSender;

  constructor(private readonly options: EngineOptions) {
    this.owner = options.owner ?? `instance-${randomUUID().slice(0, 8)}`;
    this.limiter = new RateLimiter(options.ratePerMinute);
    const messenger = () => {
      const oa = options.messenger();
      if (!oa) throw new Error('Zalo OA messenger is not configured');
      return oa;
    };
    const common = { ...options, messenger, owner: this.owner, limiter: this.limiter };
    this.deliveries = new DeliverySender(common);
    this.notifications = new NotificationSender({
      ...common,
      templateId: options.templateId,
      znsTemplateId: options.znsTemplateId,
    });
  }

  /** Everything due at `now`; sends until nothing more is due (bounded so one tick cannot run forever). */
  async runOnce(now: Date, maxBatches = 50): Promise<TickReport> {
    const { db, linkBase } = this.options;
    const catchUp = this.options.reminderCatchUpMs ?? 6 * 3_600_000;
    // A tick with a backlog runs for a while: later claims must lease from the time they are made,
    // or another instance would see a lease already expired and take the row as unknown.
    const t0 = performance.now();
    const current = () => new Date(now.getTime() + performance.now() - t0);
    const report: TickReport = {
      occurrences: 0,
      teamTasks: 0,
      expired: 0,
      reminders: 0,
      deliveries: 0,
      notifications: 0,
    };
    report.occurrences = await db.withSystem(async (client) => {
      await materialiseOccurrences(client);
      let total = 0;
      for (
        let n = await dispatchDueOccurrences(client, now, linkBase);
        n > 0;
        n = await dispatchDueOccurrences(client, now, linkBase)
      )
        total += n;
      return total;
    });
    report.teamTasks = await db.withSystem((client) => openTeamTasks(client, now));
    report.expired = await db.withSystem(
      async (client) =>
        (await expireDeliveryLeases(client, now)) + (await expireNotificationLeases(client, now)),
    );
    report.reminders = await db.withSystem(
      async (client) =>
        (await enqueueReminders(client, now, catchUp)) + (await enqueueEscalations(client, now, catchUp)),
    );
    if (!this.options.messenger()) {
      this.options.log.warn('Zalo OA messenger not configured: deliveries and notifications wait');
      return report;
    }
    // Several claim loops at once: a batch waits for its slowest call (a timeout lasts seconds), so one
    // loop alone would idle the rate limiter behind every stall.
    const first = await this.deliveries.runOnce(current());
    report.deliveries += first;
    await Promise.all(
      Array.from({ length: first > 0 ? 4 : 0 }, async () => {
        for (let i = 0; i < maxBatches; i++) {
          const sent = await this.deliveries.runOnce(current());
          report.deliveries += sent;
          if (sent === 0) break;
        }
      }),
    );
    for (let i = 0; i < maxBatches; i++) {
      const sent = await this.notifications.runOnce(current());
      report.notifications += sent;
      if (sent === 0) break;
    }
    return report;
  }
}
