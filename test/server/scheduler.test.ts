import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { addApprovedPost, addGroups, addSchedule } from '../helpers/broadcasts.js';
import { createWard } from '../helpers/factories.js';

describe('scheduler plugin', () => {
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
