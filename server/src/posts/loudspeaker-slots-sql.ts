/** The times of day the ward's loudspeakers broadcast; a ward that set none gets the usual two. */
import type { Queryable } from '../plugins/db.js';

export const DEFAULT_LOUDSPEAKER_SLOTS = ['06:00', '17:00'];

export async function findSlots(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ times: string[] }>(`SELECT times_of_day AS times FROM loudspeaker_slots`);
  return rows[0]?.times ?? DEFAULT_LOUDSPEAKER_SLOTS;
}

export async function saveSlots(db: Queryable, wardId: string, times: string[]): Promise<void> {
  await db.query(
    `INSERT INTO loudspeaker_slots (ward_id, times_of_day) VALUES ($1, $2)
     ON CONFLICT (ward_id) DO UPDATE SET times_of_day = EXCLUDED.times_of_day, updated_at = now()`,
    [wardId, times],
  );
}
