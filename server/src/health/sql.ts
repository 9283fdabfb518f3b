/** The database check of /health. */
import type { Queryable } from '../plugins/db.js';

export async function pingDatabase(db: Queryable): Promise<void> {
  await db.query('SELECT 1');
}
