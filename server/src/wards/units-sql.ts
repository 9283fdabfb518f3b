import type { Queryable } from '../plugins/db.js';

export interface UnitRow {
  id: string;
  kind: string;
  name: string;
}

export async function listWardUnits(db: Queryable): Promise<UnitRow[]> {
  const { rows } = await db.query<UnitRow>('SELECT id, kind, name FROM units ORDER BY sort_order, name');
  return rows;
}

/** Adds units after the ward's existing ones; a name that exists already is left as it is. */
export async function insertUnits(
  db: Queryable,
  wardId: string,
  units: { name: string; kind: string }[],
): Promise<UnitRow[]> {
  const { rows } = await db.query<UnitRow>(
    `INSERT INTO units (ward_id, kind, name, sort_order)
     SELECT $1, kind, name, (SELECT COALESCE(max(sort_order), 0) FROM units) + n
       FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS u(kind, name, n)
     ON CONFLICT (ward_id, name) DO NOTHING
     RETURNING id, kind, name`,
    [wardId, units.map((u) => u.kind), units.map((u) => u.name)],
  );
  return rows;
}
