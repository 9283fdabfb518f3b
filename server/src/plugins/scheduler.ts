/**
 * The one scheduler: every recurring job of the server (the ledger's dispatch tick, reminders,
 * notification sending, webhook retries, the OA token refresh, sweeps) is added here by its feature
 * and run here, nowhere else.
 *
 * A job runs in slots (`everyMs` apart, on the epoch, so every instance agrees on them). Before a run,
 * the instance claims the slot in SQL (job_runs; the first insert wins), so two instances never run the
 * same slot, and one instance never runs a job twice at once (a slot that comes while the last run is
 * still going is left for another instance). A job may ask to run again at a given instant before its
 * next slot (`wakeAt`: the ledger's next due occurrence); that instant is claimed as a slot of its own.
 * On boot the current slot is claimed and run at once: whatever was missed while no instance ran is
 * caught up by that one run (jobs do all that is due, not one slot's share), never once per missed slot.
 *
 * With SCHEDULER=false nothing runs on this instance except jobs marked `always` (webhook retries:
 * this instance took those events and answers for them). Stopped on close, after runs in flight.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Db } from './db.js';
import { claimSlot, finishSlot, lastClaimedSlot, pruneClaims } from './scheduler-sql.js';

export interface JobRun {
  /** The slot this run claimed. */
  slotAt: Date;
  /** When the run started (the clock's time). */
  now: Date;
  /** True on boot when at least one whole slot went by with no run. */
  catchingUp: boolean;
}

export interface Job {
  /** `feature.job`, e.g. "broadcasts.dispatch": the claim's key and the log's name. */
  name: string;
  everyMs: number;
  /** May return `{ wakeAt }` to run again at that instant if it comes before the next slot. */
  run(run: JobRun): Promise<unknown>;
  /** Runs even on an instance with SCHEDULER=false. */
  always?: boolean;
}

export interface SchedulerOptions {
  db: Db;
  log: FastifyBaseLogger;
  /** SCHEDULER: whether this instance runs jobs at all (`always` jobs aside). */
  enabled: boolean;
  owner?: string;
  clock?: () => Date;
}

/** Claims are kept a day: plenty to see what ran, little to keep. */
const KEEP_CLAIMS_MS = 86_400_000;
/** A few ms after a slot: a timer may fire a hair before the wall clock reads the slot's time. */
const TIMER_SLACK_MS = 5;

interface JobState {
  job: Job;
  running: Promise<void> | undefined;
  timer: NodeJS.Timeout | undefined;
  wake: NodeJS.Timeout | undefined;
}

export class Scheduler {
  readonly owner: string;
  private readonly jobs = new Map<string, JobState>();
  private readonly clock: () => Date;
  private started = false;
  private stopped = false;

  constructor(private readonly options: SchedulerOptions) {
    this.owner = options.owner ?? `instance-${randomUUID().slice(0, 8)}`;
    this.clock = options.clock ?? (() => new Date());
    this.add({
      name: 'scheduler.prune',
      everyMs: 3_600_000,
      run: async ({ now }) => {
        await options.db.withSystem((client) =>
          pruneClaims(client, new Date(now.getTime() - KEEP_CLAIMS_MS)),
        );
      },
    });
  }

  add(job: Job): void {
    if (this.started) throw new Error(`job ${job.name} added after the scheduler started`);
    if (this.jobs.has(job.name)) throw new Error(`job ${job.name} added twice`);
    this.jobs.set(job.name, { job, running: undefined, timer: undefined, wake: undefined });
  }

  /** The slot an instant falls in. */
  static slotOf(at: Date, everyMs: number): Date {
    return new Date(Math.floor(at.getTime() / everyMs) * everyMs);
  }

  /** Boot: each job's current slot at once (the catch-up), then every slot as it comes. */
  async start(): Promise<void> {
    this.started = true;
    const active = [...this.jobs.values()].filter((state) => this.options.enabled || state.job.always);
    await Promise.all(
      active.map(async (state) => {
        const now = this.clock();
        const slotAt = Scheduler.slotOf(now, state.job.everyMs);
        const last = await this.options.db
          .withSystem((client) => lastClaimedSlot(client, state.job.name))
          .catch(() => undefined);
        const catchingUp = last !== undefined && slotAt.getTime() - last.getTime() > state.job.everyMs;
        if (catchingUp) this.options.log.info({ job: state.job.name, last }, 'catching up missed slots');
        void this.runSlot(state.job.name, slotAt, catchingUp);
        this.arm(state);
      }),
    );
  }

  /** Stops the timers and waits for runs in flight. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const state of this.jobs.values()) {
      clearTimeout(state.timer);
      clearTimeout(state.wake);
    }
    await Promise.all([...this.jobs.values()].map((state) => state.running));
  }

  /**
   * Claims `slotAt` for the job and runs it. Resolves to false when the slot was not run here: another
   * instance has it, or this instance is still running the job.
   */
  async runSlot(name: string, slotAt: Date, catchingUp = false): Promise<boolean> {
    const state = this.jobs.get(name);
    if (!state) throw new Error(`no job ${name}`);
    if (state.running || this.stopped) return false;
    let claimed = false;
    const run = (async () => {
      const { db, log } = this.options;
      claimed = await db.withSystem((client) => claimSlot(client, name, slotAt, this.owner));
      if (!claimed) return;
      const outcome = (await state.job.run({ slotAt, now: this.clock(), catchingUp })) as
        | { wakeAt?: Date }
        | undefined;
      await db.withSystem((client) => finishSlot(client, name, slotAt));
      if (outcome?.wakeAt instanceof Date) this.wakeAt(state, outcome.wakeAt);
      log.debug?.({ job: name, slotAt }, 'job ran');
    })()
      .catch((error: unknown) => this.options.log.error({ err: error, job: name, slotAt }, 'job failed'))
      .finally(() => {
        state.running = undefined;
      });
    state.running = run;
    await run;
    return claimed;
  }

  /** The next slot's timer. */
  private arm(state: JobState): void {
    if (this.stopped) return;
    const { everyMs } = state.job;
    const next = Scheduler.slotOf(this.clock(), everyMs).getTime() + everyMs;
    state.timer = setTimeout(
      () => {
        void this.runSlot(state.job.name, new Date(next));
        this.arm(state);
      },
      Math.max(0, next - this.clock().getTime() + TIMER_SLACK_MS),
    );
    state.timer.unref();
  }

  private wakeAt(state: JobState, at: Date): void {
    if (this.stopped) return;
    const next = Scheduler.slotOf(this.clock(), state.job.everyMs).getTime() + state.job.everyMs;
    if (at.getTime() >= next) return; // the slot's own timer comes first
    clearTimeout(state.wake);
    state.wake = setTimeout(
      () => void this.runSlot(state.job.name, at),
      Math.max(0, at.getTime() - this.clock().getTime() + TIMER_SLACK_MS),
    );
    state.wake.unref();
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    scheduler: Scheduler;
  }
}

/** Decorates `app.scheduler`; features add their jobs while they register, and it starts when ready. */
export default fp(
  async function schedulerPlugin(app: FastifyInstance) {
    const scheduler = new Scheduler({
      db: app.db,
      log: app.log.child({ component: 'scheduler' }),
      enabled: app.config.scheduler,
    });
    app.decorate('scheduler', scheduler);
    app.addHook('onReady', () => scheduler.start());
    app.addHook('onClose', () => scheduler.stop());
  },
  { name: 'scheduler', dependencies: ['db'] },
);
