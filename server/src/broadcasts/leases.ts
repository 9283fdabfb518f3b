/**
 * What every sender of leased rows (ledger deliveries, notifications) shares: a row is claimed under a
 * lease owned by this instance, kept alive by a heartbeat while its send is in flight, and released when
 * the outcome is recorded; a lease that runs out means the sender died and the outcome is unknown.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../plugins/db.js';
import type { ZaloOaMessenger } from '../zalo/types.js';
import type { RateLimiter } from './rate-limiter.js';

export { extendLeases, type LeasedTable } from './leases-sql.js';

export interface LeasedSenderOptions {
  db: Db;
  /**
   * The messenger of a row's ward's OA (`null`: the ward has none). It throws a ZaloApiError with the
   * Vietnamese reason when that OA cannot send (no OA id, never connected, grant lost): a row is
   * never sent through another ward's OA.
   */
  messengerFor: (oaId: string | null) => ZaloOaMessenger | Promise<ZaloOaMessenger>;
  /** The rate limiter of an OA: each OA has its own per-minute window. */
  limiterFor: (oaId: string | null) => RateLimiter;
  owner: string;
  leaseMs: number;
  log: FastifyBaseLogger;
}

/** Runs `work` over items with at most `concurrency` in flight. */
export async function inParallel<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const lanes = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) await work(items[next++] as T);
  });
  await Promise.all(lanes);
}

/** Keeps leases alive while a batch is in flight; returns a stop function. */
export function heartbeat(every: number, beat: () => Promise<void>, log: FastifyBaseLogger): () => void {
  const timer = setInterval(() => {
    beat().catch((error) => log.warn({ err: error }, 'lease heartbeat failed'));
  }, every);
  return () => clearInterval(timer);
}
