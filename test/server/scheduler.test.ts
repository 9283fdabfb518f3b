import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Job, type JobRun, Scheduler } from '../../server/src/plugins/scheduler.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { addApprovedPost, addGroups, addSchedule } from '../helpers/broadcasts.js';
import { createWard } from '../helpers/factories.js';

describe('the scheduler with the server: the broadcast jobs', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ env: { SCHEDULER: 'true' } });
  });
  afterAll(() => t.close());

  it('runs with the server: an occurrence missed while it was down is materialised into the ledger', async () => {
    const ward = await createWard(t.app.db);
    const groups = await addGroups(t.app.db, ward, 2);
    const postId = await addApprovedPost(t.app.db, ward, 'Bài bị lỡ giờ khi máy chủ tắt');
    await addSchedule(
      t.app.db,
      ward,
      postId,
      { runAt: new Date(Date.now() - 60_000).toISOString() },
      {
        groupIds: groups.map((g) => g.id),
      },
    );
    const statuses = () =>
      t.app.db.withSystem(async (c) =>
        (
          await c.query<{ status: string }>(
            `SELECT d.status FROM deliveries d JOIN occurrences o ON o.id = d.occurrence_id WHERE o.post_id = $1`,
            [postId],
          )
        ).rows.map((r) => r.status),
      );
    // The occurrence was due a minute before the server started: the boot catch-up puts one ledger row
    // per group in, whatever Zalo then answers (this ward's groups are unknown to the simulator).
    await expect.poll(async () => (await statuses()).length, { timeout: 5_000 }).toBe(2);
  });

  it('is off when SCHEDULER=false (the default in tests)', async () => {
    const quiet = await buildTestApp();
    const ward = await createWard(quiet.app.db);
    const groups = await addGroups(quiet.app.db, ward, 1);
    const postId = await addApprovedPost(quiet.app.db, ward, 'Không ai gửi bài này');
    await addSchedule(
      quiet.app.db,
      ward,
      postId,
      { runAt: new Date(Date.now() - 60_000).toISOString() },
      {
        groupIds: [groups[0]!.id],
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const { rows } = await quiet.app.db.withSystem((c) => c.query('SELECT 1 FROM deliveries'));
    expect(rows).toHaveLength(0);
    await quiet.close();
  });
});

describe('the scheduler: one run per slot across instances, missed slots caught up once', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  const MINUTE = 60_000;
  const counting = (name: string, runs: JobRun[], always = false): Job => ({
    name,
    everyMs: MINUTE,
    always,
    run: async (run) => {
      runs.push(run);
      await new Promise((resolve) => setTimeout(resolve, 5)); // both instances are in flight at once
    },
  });
  const scheduler = (clock: () => Date, enabled = true) =>
    new Scheduler({ db: t.app.db, log: t.app.log, enabled, clock });

  it('two instances racing over ten slots run each slot exactly once between them', async () => {
    const runs: JobRun[] = [];
    const at = new Date('2026-05-18T00:00:00Z');
    const a = scheduler(() => at);
    const b = scheduler(() => at);
    a.add(counting('test.race', runs));
    b.add(counting('test.race', runs));
    const slots = Array.from({ length: 10 }, (_, i) => new Date(at.getTime() + i * MINUTE));
    const won: boolean[] = [];
    // Each instance runs one slot at a time; both go for every slot at once.
    for (const slot of slots)
      won.push(...(await Promise.all([a.runSlot('test.race', slot), b.runSlot('test.race', slot)])));
    expect(won.filter(Boolean)).toHaveLength(10);
    expect(runs.map((run) => run.slotAt.toISOString()).sort()).toEqual(
      slots.map((slot) => slot.toISOString()),
    );
    const { rows } = await t.app.db.withSystem((c) =>
      c.query<{ owner: string; finished: boolean }>(
        `SELECT claimed_by AS owner, finished_at IS NOT NULL AS finished FROM job_runs WHERE job_name = 'test.race'`,
      ),
    );
    expect(rows).toHaveLength(10);
    expect(rows.every((row) => row.finished && [a.owner, b.owner].includes(row.owner))).toBe(true);
  });

  it('on boot after five missed slots runs the job once, flagged as a catch-up; a second instance does not', async () => {
    const now = new Date('2026-05-18T07:03:30Z');
    await t.app.db.withSystem((c) =>
      c.query(
        `INSERT INTO job_runs (job_name, slot_at, claimed_by, finished_at) VALUES ('test.boot', $1, 'gone', $1)`,
        [new Date('2026-05-18T06:58:00Z')],
      ),
    );
    const runs: JobRun[] = [];
    const first = scheduler(() => now);
    first.add(counting('test.boot', runs));
    await first.start();
    await expect.poll(() => runs.length).toBe(1);
    expect(runs[0]).toMatchObject({ slotAt: new Date('2026-05-18T07:03:00Z'), catchingUp: true });
    const second = scheduler(() => now);
    second.add(counting('test.boot', runs));
    await second.start();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(runs).toHaveLength(1);
    await Promise.all([first.stop(), second.stop()]);
  });

  it('with SCHEDULER=false runs only the jobs marked always', async () => {
    const runs: JobRun[] = [];
    const always: JobRun[] = [];
    const off = scheduler(() => new Date('2026-05-18T09:00:10Z'), false);
    off.add(counting('test.off', runs));
    off.add(counting('test.always', always, true));
    await off.start();
    await expect.poll(() => always.length).toBe(1);
    expect(runs).toHaveLength(0);
    await off.stop();
  });
});
