/** The lease statement every leased send queue shares (leases.ts explains the lease). */
import type { Queryable } from '../plugins/db.js';

/**
 * Tables whose rows are sent under a lease with the same columns (lease_owner, lease_until) and the
 * same in-flight status. Each is written only by its owner (test/server/table-owners.test.ts reads the
 * table named at each call): the ledger for deliveries, notifications/ for notifications.
 */
export type LeasedTable = 'deliveries' | 'notifications';

/** Keeps the lease of rows this owner still has in flight. */
export async function extendLeases(
  db: Queryable,
  table: LeasedTable,
  ids: string[],
  owner: string,
  until: Date,
): Promise<void> {
  await db.query(
    `UPDATE ${table} SET lease_until = $3 WHERE id = ANY($1::uuid[]) AND lease_owner = $2 AND status = 'sending'`,
    [ids, owner, until],
  );
}
