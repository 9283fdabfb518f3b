import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { createWard, type WardFixture } from '../helpers/factories.js';

/** batchInWard: several statements, one round trip, one transaction, the ward's row-level security. */
describe('db.batchInWard', () => {
  let t: TestApp;
  let a: WardFixture;
  let b: WardFixture;

  beforeAll(async () => {
    t = await buildTestApp();
    a = await createWard(t.app.db, 'Phường A');
    b = await createWard(t.app.db, 'Phường B');
  });
  afterAll(() => t.close());

  const unitNames = (wardId: string) =>
    t.app.db.withSystem(async (client) => {
      const { rows } = await client.query<{ name: string }>(
        'SELECT name FROM units WHERE ward_id = $1 ORDER BY name',
        [wardId],
      );
      return rows.map((row) => row.name);
    });

  it('answers each statement, seeing only the ward it runs for', async () => {
    const [campaigns, otherWardTask] = await t.app.db.batchInWard(a.wardId, (client) =>
      Promise.all([
        client.query<{ title: string }>('SELECT title FROM campaigns'),
        client.query('SELECT 1 FROM tasks WHERE id = $1', [b.taskId]),
      ]),
    );
    expect(campaigns.rows.map((row) => row.title)).toEqual(['Kế hoạch của Phường A']);
    expect(otherWardTask.rowCount).toBe(0);
  });

  it('commits its writes together, or none of them when one statement fails', async () => {
    await t.app.db.batchInWard(a.wardId, (client) =>
      Promise.all([
        client.query(`INSERT INTO units (ward_id, kind, name) VALUES ($1, 'department', 'Ban A1')`, [
          a.wardId,
        ]),
        client.query(`INSERT INTO units (ward_id, kind, name) VALUES ($1, 'department', 'Ban A2')`, [
          a.wardId,
        ]),
      ]),
    );
    expect(await unitNames(a.wardId)).toEqual(expect.arrayContaining(['Ban A1', 'Ban A2']));

    await expect(
      t.app.db.batchInWard(a.wardId, (client) =>
        Promise.all([
          client.query(`INSERT INTO units (ward_id, kind, name) VALUES ($1, 'department', 'Ban A3')`, [
            a.wardId,
          ]),
          // Another ward's row: refused by row-level security, which must undo Ban A3 too.
          client.query(`INSERT INTO units (ward_id, kind, name) VALUES ($1, 'department', 'Ban lạ')`, [
            b.wardId,
          ]),
        ]),
      ),
    ).rejects.toThrow(/row-level security/);
    expect(await unitNames(a.wardId)).not.toContain('Ban A3');
    expect(await unitNames(b.wardId)).not.toContain('Ban lạ');
  });

  it('refuses a statement issued after an await, which would run outside the transaction', async () => {
    await expect(
      t.app.db.batchInWard(a.wardId, async (client) => {
        await client.query('SELECT 1');
        return client.query(`INSERT INTO units (ward_id, kind, name) VALUES ($1, 'department', 'Ban muộn')`, [
          a.wardId,
        ]);
      }),
    ).rejects.toThrow(/after the batch was sent/);
    expect(await unitNames(a.wardId)).not.toContain('Ban muộn');
  });

  it('sends BEGIN, the statements and COMMIT in one write', async () => {
    type Writer = (...args: unknown[]) => unknown;
    const client = await t.app.db.pool.connect();
    const stream = (client as unknown as { connection: { stream: { _write: Writer; _writev: Writer } } })
      .connection.stream;
    client.release();
    const { _write: write, _writev: writev } = stream;
    let writes = 0;
    stream._write = function (this: unknown, ...args: unknown[]) {
      writes += 1;
      return write.apply(this, args);
    };
    stream._writev = function (this: unknown, ...args: unknown[]) {
      writes += 1;
      return writev.apply(this, args);
    };
    try {
      // pg's pool hands out the most recently released idle client: the one being watched.
      const answers = await t.app.db.batchInWard(a.wardId, (db) =>
        Promise.all([
          db.query('SELECT 1 AS n'),
          db.query('SELECT 2 AS n'),
          db.query('SELECT $1::int AS n', [3]),
        ]),
      );
      expect(answers.map((answer) => answer.rows[0]?.n)).toEqual([1, 2, 3]);
      expect(writes).toBe(1);
    } finally {
      stream._write = write;
      stream._writev = writev;
    }
  });
});
