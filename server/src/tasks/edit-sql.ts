/** A task's edits after it was created: the stored columns, the edit itself, cancel and delete. */
import type { Queryable } from '../plugins/db.js';
import { ISO, TASK_HAS_WORK } from './sql.js';

/** A task's editable columns: what an edit writes. */
export interface TaskColumns {
  kind: string;
  title: string;
  description: string;
  dueAt: string;
  evidencePhotoCount: number;
  evidenceLocationRequired: boolean;
  evidenceNumberLabel: string | null;
  place: { name: string; lat?: number | null; lng?: number | null; radiusM?: number | null } | null;
  allowDoneWithoutPhotos: boolean;
}

/** The task's own columns as stored (an edit's "before" and what the form fills in). */
export interface StoredTask extends TaskColumns {
  id: string;
  campaignId: string;
  campaignStatus: string;
  place: { name: string; lat: number | null; lng: number | null; radiusM: number | null } | null;
  cancelledAt: string | null;
  hasWork: boolean;
}

export async function lockTask(db: Queryable, id: string): Promise<StoredTask | undefined> {
  const { rows } = await db.query<StoredTask>(
    `SELECT t.id, t.campaign_id AS "campaignId", c.status AS "campaignStatus", t.kind, t.title, t.description,
            ${ISO('t.due_at')} AS "dueAt", t.evidence_photo_count AS "evidencePhotoCount",
            t.evidence_location_required AS "evidenceLocationRequired",
            t.evidence_number_label AS "evidenceNumberLabel",
            CASE WHEN t.place_name IS NULL THEN NULL
                 ELSE json_build_object('name', t.place_name, 'lat', t.place_lat, 'lng', t.place_lng,
                                        'radiusM', t.place_radius_m) END AS place,
            t.allow_done_without_photos AS "allowDoneWithoutPhotos", ${ISO('t.cancelled_at')} AS "cancelledAt",
            ${TASK_HAS_WORK('t.id')} AS "hasWork"
       FROM tasks t JOIN campaigns c ON c.id = t.campaign_id
      WHERE t.id = $1 FOR UPDATE OF t`,
    [id],
  );
  return rows[0];
}

/** Writes every editable column (the service merged the edit into the stored task). */
export async function updateTask(db: Queryable, id: string, task: TaskColumns): Promise<void> {
  await db.query(
    `UPDATE tasks SET kind = $2, title = $3, description = $4, due_at = $5, evidence_photo_count = $6,
            evidence_location_required = $7, evidence_number_label = $8, place_name = $9, place_lat = $10,
            place_lng = $11, place_radius_m = $12, allow_done_without_photos = $13
      WHERE id = $1`,
    [
      id,
      task.kind,
      task.title,
      task.description,
      task.dueAt,
      task.evidencePhotoCount,
      task.evidenceLocationRequired,
      task.evidenceNumberLabel,
      task.place?.name ?? null,
      task.place?.lat ?? null,
      task.place?.lng ?? null,
      task.place?.radiusM ?? null,
      task.allowDoneWithoutPhotos,
    ],
  );
}

export async function markTaskCancelled(
  db: Queryable,
  id: string,
  memberId: string | undefined,
  reason: string,
): Promise<void> {
  await db.query(
    `UPDATE tasks SET cancelled_at = now(), cancelled_by = $2, cancel_reason = $3 WHERE id = $1`,
    [id, memberId ?? null, reason],
  );
}

/** Deletes a task with no work (its assignments and their queued reminders go with it, by cascade). */
export async function deleteTaskRow(db: Queryable, id: string): Promise<void> {
  await db.query('DELETE FROM tasks WHERE id = $1', [id]);
}
