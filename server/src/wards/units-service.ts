/**
 * The ward's units as other features need them: find a unit by the name a document gives it, and add
 * the units a document names that the ward does not have yet (audited).
 */
import { recordAuditMany } from '../audit/audit.js';
import type { Session } from '../plugins/auth.js';
import type { Queryable } from '../plugins/db.js';
import { insertUnits, listWardUnits, type UnitRow } from './units-sql.js';

export { listWardUnits };

/**
 * Returns every requested unit, matched by `key(name)` against the ward's units; the missing ones are
 * created. `created` lists the names added now.
 */
export async function ensureUnits(
  db: Queryable,
  session: Session,
  wanted: { name: string; kind: string }[],
  key: (name: string) => string,
): Promise<{ byKey: Map<string, UnitRow>; created: UnitRow[] }> {
  const byKey = new Map((await listWardUnits(db)).map((unit) => [key(unit.name), unit]));
  const missing = new Map<string, { name: string; kind: string }>();
  for (const unit of wanted) if (!byKey.has(key(unit.name))) missing.set(key(unit.name), unit);
  const created = missing.size ? await insertUnits(db, session.wardId, [...missing.values()]) : [];
  for (const unit of created) byKey.set(key(unit.name), unit);
  await recordAuditMany(
    db,
    created.map((unit) => ({
      wardId: session.wardId,
      actorMemberId: session.memberId,
      action: 'units.create',
      entity: 'unit',
      entityId: unit.id,
      after: unit,
    })),
  );
  return { byKey, created };
}
