/**
 * One tick of the broadcast machinery, safe on every instance at once: materialise schedules, turn due
 * occurrences into ledger rows, open team tasks, expire dead leases, queue reminders, then send.
 * `runOnce(now)` takes the time so tests drive it with a fake clock.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { type Notifier, queueingNotifier } from '../notifications/queue.js';
import { queueDueReminders } from '../notifications/reminders.js';
import { NotificationSender } from '../notifications/sender.js';
import type { Db } from '../plugins/db.js';
import type { ZaloOaMessenger } from '../zalo/types.js';
import { DeliverySender } from './dispatcher.js';
import { ImageAttachments, type ImageLoader } from './image-attachments.js';
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
  /**
   * The messenger of a ward's OA (`null`: the ward has none), refusing with the reason an OA that
   * cannot send (zalo/oa-registry.ts `connected`). Test fakes answer for every OA.
   */
  messengerFor: (oaId: string | null) => ZaloOaMessenger | Promise<ZaloOaMessenger>;
  log: FastifyBaseLogger;
  ratePerMinute: number;
  /** The per-second ceiling as a multiple of the per-minute average (1.5 unless told). */
  rateCeilingFactor?: number;
  leaseMs: number;
  linkBase: string;
  templateId?: string;
  znsTemplateId?: string;
  /** Reads a post image's bytes, to upload it to Zalo with the group message. */
  loadImage?: ImageLoader;
  /** How far back a missed reminder slot is still worth sending after downtime. */
  reminderCatchUpMs?: number;
  /** Where share-task messages are queued: the app's `notifier` (the plain queue unless told). */
  notifier?: Notifier;
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

export type DispatchReport = Pick<
  TickReport,
  'occurrences' | 'teamTasks' | 'expired' | 'deliveries' | 'moreDue'
>;

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
  /** One rate limiter per OA (Zalo counts each OA's requests per minute), made on first use. */
  private readonly limiters = new Map<string, RateLimiter>();
  private readonly deliveries: DeliverySender;
  private readonly notifications: NotificationSender;

  constructor(private readonly options: EngineOptions) {
    this.owner = options.owner ?? `instance-${randomUUID().slice(0, 8)}`;
    const limiterFor = (oaId: string | null) => this.limiterFor(oaId);
    const common = { ...options, owner: this.owner, limiterFor };
    this.deliveries = new DeliverySender({
      ...common,
      images: new ImageAttachments(options.db, options.loadImage),
    });
    this.notifications = new NotificationSender({
      ...common,
      templateId: options.templateId,
      znsTemplateId: options.znsTemplateId,
    });
  }

  private readonly stragglers = new Set<Promise<void>>();

  /**
   * The OA's rate limiter: its window is shared with every instance through the database, keyed by the
   * OA, so one ward's burst never holds another ward's sends. A ward without an OA sends nothing; its
   * rows still pass through one limiter of their own (keyed '') on their way to a refusal.
   */
  limiterFor(oaId: string | null): RateLimiter {
    const key = oaId ?? '';
    let limiter = this.limiters.get(key);
    if (!limiter) {
      limiter = new RateLimiter({
        perMinute: this.options.ratePerMinute,
        ceilingFactor: this.options.rateCeilingFactor,
        store: databaseWindowStore(this.options.db, key),
        owner: this.owner,
        onSyncError: (error) =>
          this.options.log.warn({ err: error, oaId: key }, 'rate window exchange failed'),
      });
      this.limiters.set(key, limiter);
    }
    return limiter;
  }

  /** Waits for sends still in flight, then writes the last request counts (on close). */
  async close(): Promise<void> {
    await Promise.all(this.stragglers);
    await Promise.all([...this.limiters.values()].map((limiter) => limiter.stop()));
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

  /**
   * Everything due at `now`, in one go (tests drive the engine this way with a fake clock): the ledger
   * work, reminders, then sending deliveries and notifications until nothing more is due (bounded so
   * one tick cannot run forever). The scheduler runs the same parts as separate jobs.
   */
  async runOnce(now: Date, options: TickOptions = {}): Promise<TickReport> {
    const { maxBatches = 50 } = options;
    const current = this.clockFrom(now);
    const report: TickReport = {
      occurrences: 0,
      teamTasks: 0,
      expired: 0,
      reminders: 0,
      deliveries: 0,
      notifications: 0,
      moreDue: false,
    };
    Object.assign(report, await this.prepareLedger(now));
    report.expired += await this.notifications.expireLeases(now);
    report.reminders = await this.queueReminders(now);
    Object.assign(report, await this.drainDeliveries(current, options));
    report.notifications = await this.sendNotifications(current, maxBatches);
    return report;
  }

  /** The dispatch job: the ledger's work due at `now`, then sending its deliveries. */
  async dispatch(now: Date, options: TickOptions = {}): Promise<DispatchReport> {
    const prepared = await this.prepareLedger(now);
    return { ...prepared, ...(await this.drainDeliveries(this.clockFrom(now), options)) };
  }

  /** The notification job: expired leases become unknown, then queued messages are sent. */
  async notify(now: Date, maxBatches = 50): Promise<{ expired: number; notifications: number }> {
    const expired = await this.notifications.expireLeases(now);
    return { expired, notifications: await this.sendNotifications(this.clockFrom(now), maxBatches) };
  }

  /** Reminders and escalations due at `now` (a missed slot within the catch-up window too). */
  queueReminders(now: Date): Promise<number> {
    const catchUp = this.options.reminderCatchUpMs ?? 6 * 3_600_000;
    return this.options.db.withSystem((client) => queueDueReminders(client, now, catchUp));
  }

  /** Schedules to occurrences, due occurrences to ledger rows, team tasks opened, dead leases expired. */
  private async prepareLedger(
    now: Date,
  ): Promise<{ occurrences: number; teamTasks: number; expired: number }> {
    const { db, linkBase } = this.options;
    const occurrences = await db.withSystem(async (client) => {
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
    const teamTasks = await db.withSystem((client) =>
      openTeamTasks(client, now, this.options.notifier ?? queueingNotifier),
    );
    const expired = await db.withSystem((client) => expireDeliveryLeases(client, now));
    return { occurrences, teamTasks, expired };
  }

  /** A running clock from `now`: a tick with a backlog runs for a while, and later claims must lease
   * from the time they are made, or another instance would see a lease already expired. */
  private clockFrom(now: Date): () => Date {
    const t0 = performance.now();
    return () => new Date(now.getTime() + performance.now() - t0);
  }

  private async drainDeliveries(
    current: () => Date,
    options: TickOptions,
  ): Promise<{ deliveries: number; moreDue: boolean }> {
    const { drainMs = 10_000, background = false } = options;
    // One continuous feed; a tick with a backlog stops claiming after a while so the ledger work
    // runs again (the dispatch job goes on at once when `moreDue` says so).
    const drained = await this.deliveries.drain(current, drainMs);
    if (background) this.track(drained.settled);
    else await drained.settled;
    return { deliveries: drained.claimed, moreDue: drained.more };
  }

  private async sendNotifications(current: () => Date, maxBatches: number): Promise<number> {
    let total = 0;
    for (let i = 0; i < maxBatches; i++) {
      const sent = await this.notifications.runOnce(current());
      total += sent;
      if (sent === 0) break;
    }
    return total;
  }
}
