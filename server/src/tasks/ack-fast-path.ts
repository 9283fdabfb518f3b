/**
 * The acknowledgement is the busiest write (17 teams tapping "Đã nhận" at once after each broadcast),
 * so it takes one round trip to Postgres instead of three: the ward transaction, the statement and the
 * commit travel as one simple-protocol message, and the statement itself is prepared once per
 * connection (no parse or plan per request). The same row-level security applies as in `withWard`.
 * Values are inlined only after a strict UUID check, the way `withWard` inlines the ward id.
 */
import type pg from 'pg';
import { ACK_SQL, type AckResult } from './sql.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PREPARED_NAME = 'loa_assignment_ack';
const prepared = new WeakSet<pg.PoolClient>();

function literal(value: string | undefined): string {
  if (value === undefined) return 'NULL';
  if (!UUID.test(value)) throw new Error(`acknowledge needs UUIDs, got ${JSON.stringify(value)}`);
  return `'${value}'`;
}

export function createAcknowledger(pool: pg.Pool, roleStatement: string) {
  return async function acknowledge(input: {
    wardId: string;
    id: string;
    memberId: string | undefined;
    unitId: string | undefined;
  }): Promise<AckResult | undefined> {
    const ward = literal(input.wardId);
    const statement = `BEGIN; ${roleStatement} SET LOCAL app.ward_id = ${ward};
      EXECUTE ${PREPARED_NAME}(${literal(input.id)}, ${literal(input.memberId)}, ${literal(input.unitId)}, ${ward});
      COMMIT;`;
    const client = await pool.connect();
    try {
      if (!prepared.has(client)) {
        await client.query(`PREPARE ${PREPARED_NAME}(uuid, uuid, uuid, uuid) AS ${ACK_SQL}`);
        prepared.add(client);
      }
      const results = (await client.query(statement)) as unknown as pg.QueryResult<AckResult>[];
      return results.find((result) => result.command === 'SELECT')?.rows[0];
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined); // the original error is what matters
      throw error;
    } finally {
      client.release();
    }
  };
}
