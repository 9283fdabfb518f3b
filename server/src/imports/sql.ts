import type { Queryable } from '../plugins/db.js';

export interface WardPlace {
  name: string;
  placeName: string;
}

export async function wardPlace(db: Queryable, wardId: string): Promise<WardPlace | undefined> {
  const { rows } = await db.query<WardPlace>(
    'SELECT name, place_name AS "placeName" FROM wards WHERE id = $1',
    [wardId],
  );
  return rows[0];
}

/** The member a plan's signature names, when exactly one active member of the ward has that name. */
export async function memberIdByName(db: Queryable, fullName: string): Promise<string | undefined> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT id FROM members WHERE active AND lower(full_name) = lower($1) LIMIT 2`,
    [fullName.normalize('NFC')],
  );
  return rows.length === 1 ? rows[0]!.id : undefined;
}
