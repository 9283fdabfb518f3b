/** The seed's own statements: it writes no table itself (the features' services do), it only serialises and confines. */
import type { Queryable } from '../plugins/db.js';

/** Serialises concurrent seeders (two instances starting together) until the transaction ends. */
export async function lockSeeding(db: Queryable): Promise<void> {
  await db.query('SELECT pg_advisory_xact_lock(727002)');
}

/**
 * From here to the end of the transaction, row-level security shows only this ward, as in a request:
 * the services' lookups (a unit name taken, a phone in use) then see the new ward alone.
 */
export async function confineToWard(db: Queryable, wardId: string): Promise<void> {
  await db.query(`SELECT set_config('app.ward_id', $1, true)`, [wardId]);
}
