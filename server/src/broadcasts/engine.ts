/**
 * One tick of the broadcast machinery, safe on every instance at once: materialise schedules, turn due
 * occurrences into ledger rows, open team tasks, expire dead leases, queue reminders, then send.
 * `runOnce(now)` takes the time so tests drive it with a fake clock.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { queueDueReminders } from '../notifications/reminders.js';
import { NotificationSender } from '../notifications/sender.js';
import type { Db } from '../plugins/db.js';
import type { ZaloOaMessenger } from '../zalo/types.js';
import { DeliverySender } from './dispatcher.js';
import {
  dispatchDueOccurrences,
  expireDeliveryLeases,
  materialiseOccurrences,
  nextDueAt,
} from './ledger-sql.js';
import { RateLimiter } from './rate-limiter.js';
import { databaseWindowStore } from './rate-window-sql.js';
import { openTeamTasks } from './team-deliveries.js';

export interface EngineOptions {
  db: Db;
  /** Undefined until the Zalo layer is configured: ledger work goes on, sending waits. */
  messenger: () => ZaloOaMessenger | undefined;
  log: FastifyBaseLogger;
  ratePerMinute: number;
  /** The per-second ceiling as a multiple of the per-minute average (1.5 unless told). */
  rateCeilingFactor?: number;
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
  /** Deliveries were still due when the tick stopped sending. */
  moreDue: boolean;
}

export interface TickOptions {
  /** Notification batches per tick. */
  maxBatches?: number;
  /** How long one tick goes on claiming deliveries. */
  drainMs?: number;
  /**
   * Return once every claimed delivery is under way, leaving the slowest calls (a held answer lasts
   * the whole timeout) to finish in the background, so the next tick need not wait for them.
   */
  background?: boolean;
}

export class BroadcastEngine {
  readonly owner: string;
  readonly limiter: RateLimiter;
  private readonly deliveries: DeliverySender;
  private readonly notifications: NotificationSender;

  constructor(private readonly options: EngineOptions) {
    this.owner = options.owner ?? `instance-${randomUUID().slice(0, 8)}`;
    this.limiter = new RateLimiter({
      perMinute: options.ratePerMinute,
      ceilingFactor: options.rateCeilingFactor,
      store: databaseWindowStore(options.db),
      owner: this.owner,
      onSyncError: (error) => options.log.warn({ err: error }, 'rate window exchange failed'),
    });
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

  private readonly stragglers = new Set<Promise<void>>();

  /** Waits for sends still in flight, then writes the last request counts (on close). */
  async close(): Promise<void> {
    await Promise.all(this.stragglers);
    await this.limiter.stop();
  }

  /** The next occurrence or retry due within `withinMs`, so the scheduler can wake for it on time. */
  nextDue(now: Date, withinMs: number): Promise<Date | undefined> {
    return this.options.db.withSystem((client) => nextDueAt(client, now, withinMs));
  }

  private track(settled: Promise<void>): void {
    const tracked = settled
      .catch((error) => this.options.log.error({ err: error }, 'delivery sends failed'))
      .finally(() => this.stragglers.delete(tracked));
    this.stragglers.add(tracked);
  }

  /** Everything due at `now`; sends until nothing more is due (bounded so one tick cannot run forever). */
  async runOnce(now: Date, options: TickOptions = {}): Promise<TickReport> {
    const { maxBatches = 50, drainMs = 10_000, background = false } = options;
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
      moreDue: false,
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
    report.expired =
      (await db.withSystem((client) => expireDeliveryLeases(client, now))) +
      (await this.notifications.expireLeases(now));
    report.reminders = await db.withSystem((client) => queueDueReminders(client, now, catchUp));
    if (!this.options.messenger()) {
      this.options.log.warn('Zalo OA messenger not configured: deliveries and notifications wait');
      return report;
    }
    // One continuous feed; a tick with a backlog stops claiming after a while so the ledger work above
    // runs again (the scheduler ticks again at once when `moreDue` says so).
    const drained = await this.deliveries.drain(current, drainMs);
    report.deliveries = drained.claimed;
    report.moreDue = drained.more;
    if (background) this.track(drained.settled);
    else await drained.settled;
    for (let i = 0; i < maxBatches; i++) {
      const sent = await this.notifications.runOnce(current());
      report.notifications += sent;
      if (sent === 0) break;
    }
    return report;
  }
}
