/** The evidence feature's queries for a location shared after the photo (the OA chat). */
import type { EvidenceFlags } from '@loa/shared';
import type { Queryable } from '../plugins/db.js';

export interface WaitingForLocation {
  id: string;
  taskTitle: string;
  flags: EvidenceFlags;
  placeLat: number | null;
  placeLng: number | null;
  placeRadiusM: number | null;
  wardLat: number | null;
  wardLng: number | null;
  wardRadiusM: number | null;
}

/** The team's latest photo that has no location yet and is not reviewed, locked for the update. */
export async function lockLatestWithoutLocation(
  db: Queryable,
  unitId: string,
): Promise<WaitingForLocation | undefined> {
  const { rows } = await db.query<WaitingForLocation>(
    `SELECT e.id, t.title AS "taskTitle", e.flags,
            t.place_lat AS "placeLat", t.place_lng AS "placeLng", t.place_radius_m AS "placeRadiusM",
            w.center_lat AS "wardLat", w.center_lng AS "wardLng", w.radius_m AS "wardRadiusM"
       FROM evidence e JOIN assignments a ON a.id = e.assignment_id JOIN tasks t ON t.id = a.task_id
       JOIN wards w ON w.id = e.ward_id
      WHERE a.unit_id = $1 AND e.kind = 'photo' AND e.lat IS NULL AND e.review_status = 'pending'
      ORDER BY e.created_at DESC, e.id DESC
      LIMIT 1
        FOR UPDATE OF e`,
    [unitId],
  );
  return rows[0];
}

export async function setEvidenceLocation(
  db: Queryable,
  id: string,
  location: { lat: number; lng: number },
  flags: EvidenceFlags,
): Promise<void> {
  await db.query(
    `UPDATE evidence SET lat = $2, lng = $3, location_source = 'zalo', flags = $4 WHERE id = $1`,
    [id, location.lat, location.lng, JSON.stringify(flags)],
  );
}
