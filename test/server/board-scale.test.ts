/**
 * The progress board stays fast as the province grows: 17 teams × 50 tasks in one ward, then the same
 * ward among 100. Checked by the plan (indexes, no sequential scan of tasks or assignments) and by a
 * timing ratio between the two sizes, never by a fixed number of milliseconds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOARD_SQL } from '../../server/src/tasks/board-sql.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { authHeader } from '../helpers/sessions.js';
import { buildSyntheticWards } from '../helpers/synthetic-province.js';

async function medianMs(run: () => Promise<unknown>, times = 25): Promise<number> {
  for (let i = 0; i < 5; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  return samples.sort((x, y) => x - y)[Math.floor(times / 2)]!;
}

describe('progress board at province scale', () => {
  let t: TestApp;
  let first: { wardId: string; campaignId: string };

  beforeAll(async () => {
    t = await buildTestApp();
    [first] = (await buildSyntheticWards(t.app.db, { prefix: 'mot', count: 1 })) as [typeof first];
  }, 120_000);
  afterAll(() => t.close());

  const board = () =>
    t.app.inject({
      method: 'GET',
      url: `/api/campaigns/${first.campaignId}/board`,
      headers: authHeader(t.app, { wardId: first.wardId, role: 'staff' }),
    });

  it('answers 17 teams × 50 tasks, and stays as fast among 100 wards, using indexes', async () => {
    const small = await board();
    expect(small.statusCode).toBe(200);
    expect(small.json().teams).toHaveLength(17);
    expect(small.json().tasks).toHaveLength(50);
    expect(small.json().cells).toHaveLength(850);
    const alone = await medianMs(board);

    await buildSyntheticWards(t.app.db, { prefix: 'tinh', count: 99 });
    const crowded = await medianMs(board);
    const big = await board();
    expect(big.json().cells).toHaveLength(850);
    expect(big.json().counts).toEqual(small.json().counts);

    const plan = await t.app.db.withWard(
      first.wardId,
      async (db) =>
        (await db.query(`EXPLAIN (FORMAT JSON) ${BOARD_SQL}`, [first.campaignId])).rows[0]['QUERY PLAN'],
    );
    const scans: string[] = [];
    const walk = (node: Record<string, unknown>) => {
      if (typeof node['Relation Name'] === 'string')
        scans.push(`${node['Node Type']} on ${node['Relation Name']}`);
      for (const child of (node.Plans as Record<string, unknown>[] | undefined) ?? []) walk(child);
    };
    walk(plan[0].Plan);
    expect(scans.filter((scan) => /^Seq Scan on (tasks|assignments|units|campaigns)$/.test(scan))).toEqual(
      [],
    );
    expect(scans.some((scan) => /^(Index|Index Only|Bitmap Heap) Scan on assignments$/.test(scan))).toBe(
      true,
    );

    // 100× the data must not make one ward's board meaningfully slower (noise allowance on a shared machine).
    expect(crowded / alone).toBeLessThan(3);
    console.info(
      JSON.stringify({ board: { aloneMs: alone, crowdedMs: crowded, ratio: crowded / alone, scans } }),
    );
  }, 180_000);
});
