/** The ward's loudspeaker broadcast times: read, and replaced with an audit entry of before and after. */
import { recordAuditBy } from '../audit/audit.js';
import type { Queryable } from '../plugins/db.js';
import * as sql from './loudspeaker-slots-sql.js';

export const findSlots = sql.findSlots;

/** Saves the times in the order of the day and returns them. */
export async function setSlots(
  db: Queryable,
  actor: { wardId: string; memberId?: string | undefined },
  times: readonly string[],
): Promise<string[]> {
  const timesOfDay = [...times].sort();
  const before = await sql.findSlots(db);
  await sql.saveSlots(db, actor.wardId, timesOfDay);
  await recordAuditBy(db, actor, {
    action: 'loudspeaker.setSlots',
    entity: 'ward',
    entityId: actor.wardId,
    before,
    after: timesOfDay,
  });
  return timesOfDay;
}
