import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { createWard, type WardFixture } from '../helpers/factories.js';

describe('row-level security on ward_id', () => {
  let t: TestApp;
  let a: WardFixture;
  let b: WardFixture;

  beforeAll(async () => {
    t = await buildTestApp();
    a = await createWard(t.app.db, 'Phường A');
    b = await createWard(t.app.db, 'Phường B');
  });
  afterAll(() => t.close());

  it('a query that forgets the ward filter sees only the request ward', async () => {
    const titles = await t.app.db.withWard(a.wardId, async (client) => {
      const { rows } = await client.query<{ title: string }>('SELECT title FROM campaigns');
      return rows.map((row) => row.title);
    });
    expect(titles).toEqual(['Kế hoạch của Phường A']);
  });

  it('an unfiltered UPDATE in ward A leaves ward B untouched', async () => {
    const changed = await t.app.db.withWard(a.wardId, async (client) => {
      const result = await client.query(`UPDATE assignments SET status = 'acknowledged'`);
      return result.rowCount;
    });
    expect(changed).toBe(1);
    const bStatus = await t.app.db.withSystem(async (client) => {
      const { rows } = await client.query<{ status: string }>(
        'SELECT status FROM assignments WHERE id = $1',
        [b.assignmentId],
      );
      return rows[0]?.status;
    });
    expect(bStatus).toBe('pending');
  });

  it('ward A cannot read ward B by id, nor write a row into ward B', async () => {
    await t.app.db.withWard(a.wardId, async (client) => {
      const { rowCount } = await client.query('SELECT 1 FROM tasks WHERE id = $1', [b.taskId]);
      expect(rowCount).toBe(0);
      const deleted = await client.query('DELETE FROM members WHERE ward_id = $1', [b.wardId]);
      expect(deleted.rowCount).toBe(0);
    });
    await expect(
      t.app.db.withWard(a.wardId, (client) =>
        client.query(`INSERT INTO units (ward_id, kind, name) VALUES ($1, 'department', 'Đơn vị lạ')`, [
          b.wardId,
        ]),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('every table with a ward_id column has row-level security enabled, forced and a policy', async () => {
    // A table added later without RLS would let a query that forgets its ward filter read every ward.
    const tables = await t.app.db.withSystem(
      async (client) =>
        (
          await client.query<{ table: string; enabled: boolean; forced: boolean; policies: number }>(
            `SELECT cl.relname AS table, cl.relrowsecurity AS enabled, cl.relforcerowsecurity AS forced,
                    (SELECT count(*)::int FROM pg_policies p
                      WHERE p.schemaname = c.table_schema AND p.tablename = c.table_name) AS policies
               FROM information_schema.columns c
               JOIN pg_namespace n ON n.nspname = c.table_schema
               JOIN pg_class cl ON cl.relnamespace = n.oid AND cl.relname = c.table_name
              WHERE c.column_name = 'ward_id' AND c.table_schema = current_schema()
                AND cl.relkind IN ('r', 'p')
              ORDER BY 1`,
          )
        ).rows,
    );
    expect(tables.map((row) => row.table)).toEqual(
      expect.arrayContaining(['members', 'places', 'zalo_groups']),
    );
    const open = tables
      .filter((row) => !(row.enabled && row.forced && row.policies > 0))
      .map((row) => row.table);
    expect(open).toEqual([]);
  });

  it('a connection outside any ward context sees nothing', async () => {
    const client = await t.app.db.pool.connect();
    try {
      await client.query('BEGIN; SET LOCAL ROLE loa_app');
      const { rowCount } = await client.query('SELECT 1 FROM members');
      expect(rowCount).toBe(0);
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  });
});
