/**
 * The rate limiter's shared window in Postgres (oa_request_seconds): one statement per exchange adds
 * this instance's new per-second counts and reads every other instance's for the last minute, for one
 * OA (each OA has its own window; '' is the window of rows whose ward has no OA).
 */
import type { Db } from '../plugins/db.js';
import type { SecondCounts, WindowStore } from './rate-limiter.js';

/** Counts older than this are of no use to anyone (the window is a minute); swept every 10 minutes. */
const KEEP_MS = 11 * 60_000;

export function databaseWindowStore(db: Db, oaId: string): WindowStore {
  return {
    exchange: (owner, mine, since) =>
      db.withSystem(async (client) => {
        if (mine.length > 0)
          await client.query(
            `INSERT INTO oa_request_seconds (second, owner, oa_id, requests)
             SELECT to_timestamp(s / 1000.0), $1, $4, r FROM unnest($2::float8[], $3::int[]) AS x(s, r)
             ON CONFLICT (second, owner, oa_id) DO UPDATE SET requests = oa_request_seconds.requests + EXCLUDED.requests`,
            [owner, mine.map((c) => c.second), mine.map((c) => c.requests), oaId],
          );
        const { rows } = await client.query<{ second: number; requests: number }>(
          `SELECT (extract(epoch FROM second) * 1000)::float8 AS second, sum(requests)::int AS requests
             FROM oa_request_seconds WHERE owner <> $1 AND oa_id = $3 AND second >= to_timestamp($2 / 1000.0)
            GROUP BY second`,
          [owner, since, oaId],
        );
        return rows satisfies SecondCounts;
      }),
  };
}

/** The sweep job's statement: counts older than `KEEP_MS` go. */
export async function sweepRequestSeconds(db: Db, now: Date): Promise<void> {
  await db.withSystem((client) =>
    client.query('DELETE FROM oa_request_seconds WHERE second < $1', [new Date(now.getTime() - KEEP_MS)]),
  );
}
