import { type AckReply, type Assignment, type Task, type TaskInput, WARD_TIME_ZONE } from '@loa/shared';
import { AUDIT_INSERT_COLUMNS, auditActionLiteral } from '../audit/audit.js';
import type { Queryable } from '../plugins/db.js';

export const ISO = (column: string) =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** Overdue is derived, never stored: past the due time and not yet reported done. */
export const OVERDUE = `(t.due_at < now() AND a.status IN ('pending', 'acknowledged', 'needs_fix'))`;

export async function dueInsideCampaign(db: Queryable, campaignId: string, dueAt: string): Promise<boolean> {
  // Preparation may start when the plan is issued; the campaign ends at the end of its last day.
  const { rows } = await db.query<{ inside: boolean }>(
    `SELECT ($2::timestamptz AT TIME ZONE '${WARD_TIME_ZONE}')::date
              BETWEEN LEAST(COALESCE(issued_on, starts_on), starts_on) AND ends_on AS inside
       FROM campaigns WHERE id = $1`,
    [campaignId, dueAt],
  );
  return rows[0]?.inside ?? false;
}

export async function insertTask(
  db: Queryable,
  wardId: string,
  campaignId: string,
  input: TaskInput,
  createdBy: string | undefined,
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO tasks (ward_id, campaign_id, kind, title, description, due_at, evidence_photo_count,
                        evidence_location_required, evidence_number_label, place_name, place_lat, place_lng,
                        place_radius_m, sort_order, created_by, allow_done_without_photos)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13,
             (SELECT COALESCE(max(sort_order) + 1, 0) FROM tasks WHERE campaign_id = $2), $14, $15)
     RETURNING id`,
    [
      wardId,
      campaignId,
      input.kind,
      input.title,
      input.description ?? '',
      input.dueAt,
      input.evidencePhotoCount ?? 0,
      input.evidenceLocationRequired ?? false,
      input.evidenceNumberLabel ?? null,
      input.place?.name ?? null,
      input.place?.lat ?? null,
      input.place?.lng ?? null,
      input.place?.radiusM ?? null,
      createdBy ?? null,
      input.allowDoneWithoutPhotos ?? false,
    ],
  );
  return rows[0]!.id;
}

/**
 * Work exists once any unit acknowledged, reported (a note or a number) or sent evidence: from then on
 * the task is kept (cancelled, not deleted), so nobody's work or its history disappears.
 */
export const TASK_HAS_WORK = (taskId: string) => `EXISTS (
    SELECT FROM assignments w WHERE w.task_id = ${taskId}
       AND (w.status <> 'pending' OR w.acknowledged_at IS NOT NULL OR w.note IS NOT NULL OR w.number_done IS NOT NULL
            OR EXISTS (SELECT FROM evidence e WHERE e.assignment_id = w.id)))`;

const TASK_COLUMNS = `t.id, t.campaign_id AS "campaignId", t.kind, t.title, t.description, ${ISO('t.due_at')} AS "dueAt",
  t.evidence_photo_count AS "evidencePhotoCount", t.evidence_location_required AS "evidenceLocationRequired",
  t.evidence_number_label AS "evidenceNumberLabel", t.place_name AS "placeName",
  (SELECT count(*)::int FROM assignments a WHERE a.task_id = t.id) AS "assignedCount",
  CASE WHEN t.place_name IS NULL THEN NULL
       ELSE json_build_object('name', t.place_name, 'lat', t.place_lat, 'lng', t.place_lng, 'radiusM', t.place_radius_m)
  END AS place,
  t.allow_done_without_photos AS "allowDoneWithoutPhotos", ${ISO('t.cancelled_at')} AS "cancelledAt",
  t.cancel_reason AS "cancelReason", ${TASK_HAS_WORK('t.id')} AS "hasWork"`;

export async function listTasks(db: Queryable, campaignId: string): Promise<Task[]> {
  const { rows } = await db.query<Task>(
    `SELECT ${TASK_COLUMNS} FROM tasks t WHERE t.campaign_id = $1 ORDER BY t.sort_order, t.due_at`,
    [campaignId],
  );
  return rows;
}

export async function findTask(db: Queryable, id: string): Promise<Task | undefined> {
  const { rows } = await db.query<Task>(`SELECT ${TASK_COLUMNS} FROM tasks t WHERE t.id = $1`, [id]);
  return rows[0];
}

/** "All teams" means the teams still in use: a stopped ("Ngừng dùng") team gets no new work. */
export async function digitalTeamIds(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT id FROM units WHERE kind = 'digital_team' AND active ORDER BY sort_order`,
  );
  return rows.map((row) => row.id);
}

/** Creates the missing assignments (assigning twice is harmless); returns the ids created now. */
export async function insertAssignments(
  db: Queryable,
  wardId: string,
  taskId: string,
  unitIds: string[],
): Promise<{ id: string; unitId: string }[]> {
  const { rows } = await db.query<{ id: string; unitId: string }>(
    `INSERT INTO assignments (ward_id, task_id, unit_id)
     SELECT $1, $2, unnest($3::uuid[])
     ON CONFLICT (task_id, unit_id) DO NOTHING
     RETURNING id, unit_id AS "unitId"`,
    [wardId, taskId, unitIds],
  );
  return rows;
}

const ASSIGNMENT_COLUMNS = `a.id, a.task_id AS "taskId", a.unit_id AS "unitId", u.name AS "unitName",
  c.id AS "campaignId", c.title AS "campaignTitle", t.kind, t.title, t.description,
  ${ISO('t.due_at')} AS "dueAt", t.evidence_number_label AS "evidenceNumberLabel", t.place_name AS "placeName",
  a.status, ${OVERDUE} AS overdue, ${ISO('a.acknowledged_at')} AS "acknowledgedAt",
  ${ISO('a.submitted_at')} AS "submittedAt", a.note, a.number_done AS "numberDone",
  t.evidence_photo_count AS "photosRequired", t.evidence_location_required AS "locationRequired",
  (SELECT count(*)::int FROM evidence e
    WHERE e.assignment_id = a.id AND e.kind = 'photo' AND e.review_status <> 'needs_fix') AS "photosCount",
  t.allow_done_without_photos AS "allowDoneWithoutPhotos", ${ISO('t.cancelled_at')} AS "cancelledAt",
  t.cancel_reason AS "cancelReason"`;
const ASSIGNMENT_FROM = `assignments a JOIN tasks t ON t.id = a.task_id JOIN campaigns c ON c.id = t.campaign_id
  JOIN units u ON u.id = a.unit_id`;

/** The unit's work (a team's or an office's) in campaigns that are approved or running, soonest due first. */
export async function listUnitAssignments(db: Queryable, unitId: string): Promise<Assignment[]> {
  const { rows } = await db.query<Assignment>(
    `SELECT ${ASSIGNMENT_COLUMNS} FROM ${ASSIGNMENT_FROM}
      WHERE a.unit_id = $1 AND c.status IN ('approved', 'active') AND t.cancelled_at IS NULL
      ORDER BY (a.status IN ('submitted', 'accepted')), t.due_at, t.sort_order`,
    [unitId],
  );
  return rows;
}

export async function findAssignment(db: Queryable, id: string): Promise<Assignment | undefined> {
  const { rows } = await db.query<Assignment>(
    `SELECT ${ASSIGNMENT_COLUMNS} FROM ${ASSIGNMENT_FROM} WHERE a.id = $1`,
    [id],
  );
  return rows[0];
}

export interface AckResult extends AckReply {
  unitId: string;
  /** The task was cancelled: nothing changed, and the caller answers so. */
  cancelled: boolean;
}

/**
 * Acknowledge a batch in one statement (the hot path): lock the rows in id order (so two batches can
 * never deadlock), move pending → acknowledged only for a requester of the assignment's own team (the
 * first one in arrival order when several ask at once) and never on a cancelled task, write one audit row per real change from the
 * same CTE, and answer every request with its row as it now is. A request for an id that does not
 * exist or belongs to another ward (row-level security) gets no row.
 * Parameters: $1 assignment ids, $2 members, $3 the members' units (arrays in request order), $4 ward.
 */
export const ACK_BATCH_SQL = `WITH input AS (
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[]) WITH ORDINALITY AS i(id, member_id, unit_id, n)
     ), target AS (
       SELECT a.id, a.unit_id, a.status, a.acknowledged_at, k.cancelled_at IS NOT NULL AS cancelled
         FROM assignments a JOIN tasks k ON k.id = a.task_id
        WHERE a.id = ANY($1) ORDER BY a.id FOR UPDATE OF a
     ), mine AS (
       SELECT DISTINCT ON (i.id) i.id, i.member_id
         FROM input i JOIN target t ON t.id = i.id AND t.unit_id = i.unit_id AND t.status = 'pending'
                                  AND NOT t.cancelled
        ORDER BY i.id, i.n
     ), changed AS (
       UPDATE assignments a
          SET status = 'acknowledged', acknowledged_at = now(), acknowledged_by = mine.member_id, updated_at = now()
         FROM mine
        WHERE a.id = mine.id
       RETURNING a.id, a.status, a.acknowledged_at, a.acknowledged_by
     ), audited AS (
       INSERT INTO ${AUDIT_INSERT_COLUMNS}
       SELECT $4, changed.acknowledged_by, ${auditActionLiteral('assignments.ack')}, 'assignment', changed.id::text,
              '{"status":"pending"}'::jsonb, jsonb_build_object('status', changed.status)
         FROM changed
     )
     SELECT i.n::int AS n, t.id, t.unit_id AS "unitId", t.cancelled, COALESCE(c.status, t.status) AS status,
            ${ISO('COALESCE(c.acknowledged_at, t.acknowledged_at)')} AS "acknowledgedAt"
       FROM input i JOIN target t ON t.id = i.id LEFT JOIN changed c ON c.id = t.id`;

/** The acknowledgements of one request, in the caller's ward transaction (the OA chat). */
export async function acknowledgeInTransaction(
  db: Queryable,
  wardId: string,
  requests: { id: string; memberId: string | null; unitId: string | null }[],
): Promise<AckResult[]> {
  const { rows } = await db.query<AckResult>(ACK_BATCH_SQL, [
    requests.map((request) => request.id),
    requests.map((request) => request.memberId),
    requests.map((request) => request.unitId),
    wardId,
  ]);
  return rows;
}

const ACK_PREPARED = 'loa_assignment_ack_batch';

/** Prepares the batch statement on a connection, once: the batcher then sends only its EXECUTE. */
export const PREPARE_ACK_BATCH = `PREPARE ${ACK_PREPARED}(uuid[], uuid[], uuid[], uuid) AS ${ACK_BATCH_SQL}`;

/** A Postgres array literal of checked UUIDs; NULL stands for a session without member or unit. */
function uuidArray(values: (string | undefined)[]): string {
  return `'{${values.map((value) => value ?? 'NULL').join(',')}}'`;
}

/**
 * The prepared batch statement with its values inlined, so BEGIN, it and COMMIT travel as one message
 * (one round trip per batch). Every value must already be a checked UUID (the batcher checks them),
 * the way `withWard` inlines the ward id; the answer has a column `n`, the request's place in the batch.
 */
export function executeAckBatch(
  requests: { id: string; memberId: string | undefined; unitId: string | undefined }[],
  wardId: string,
): string {
  return `EXECUTE ${ACK_PREPARED}(${uuidArray(requests.map((r) => r.id))}, ${uuidArray(requests.map((r) => r.memberId))},
        ${uuidArray(requests.map((r) => r.unitId))}, '${wardId}')`;
}

export async function lockAssignment(
  db: Queryable,
  id: string,
): Promise<
  | {
      id: string;
      unitId: string;
      status: Assignment['status'];
      note: string | null;
      numberDone: number | null;
      cancelled: boolean;
      photosRequired: number;
      allowDoneWithoutPhotos: boolean;
    }
  | undefined
> {
  const { rows } = await db.query(
    `SELECT a.id, a.unit_id AS "unitId", a.status, a.note, a.number_done AS "numberDone",
            t.cancelled_at IS NOT NULL AS cancelled, t.evidence_photo_count AS "photosRequired",
            t.allow_done_without_photos AS "allowDoneWithoutPhotos"
       FROM assignments a JOIN tasks t ON t.id = a.task_id WHERE a.id = $1 FOR UPDATE OF a`,
    [id],
  );
  return rows[0];
}

/** Photos that count toward the task's number: every photo of the assignment not sent back. */
export async function countPhotos(db: Queryable, assignmentId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM evidence
      WHERE assignment_id = $1 AND kind = 'photo' AND review_status <> 'needs_fix'`,
    [assignmentId],
  );
  return rows[0]!.n;
}

export async function markDone(
  db: Queryable,
  input: {
    id: string;
    memberId: string | undefined;
    note: string | undefined;
    numberDone: number | undefined;
  },
): Promise<void> {
  await db.query(
    `UPDATE assignments
        SET status = 'submitted', submitted_at = now(), submitted_by = $2,
            note = COALESCE($3, note), number_done = COALESCE($4, number_done), updated_at = now(),
            acknowledged_at = COALESCE(acknowledged_at, now()), acknowledged_by = COALESCE(acknowledged_by, $2)
      WHERE id = $1`,
    [input.id, input.memberId ?? null, input.note ?? null, input.numberDone ?? null],
  );
}

export interface UrgeTarget {
  assignmentId: string;
  memberId: string;
  unitId: string;
  unitName: string;
  title: string;
  dueAt: string;
}

/** Members to urge: of one assignment if unfinished, or of every overdue assignment of a campaign. */
export async function urgeTargets(
  db: Queryable,
  scope: { assignmentId: string } | { campaignId: string },
): Promise<UrgeTarget[]> {
  const where =
    'assignmentId' in scope
      ? `a.id = $1 AND a.status IN ('pending', 'acknowledged', 'needs_fix') AND t.cancelled_at IS NULL`
      : `t.campaign_id = $1 AND ${OVERDUE} AND t.cancelled_at IS NULL`;
  const { rows } = await db.query<UrgeTarget>(
    `SELECT a.id AS "assignmentId", m.id AS "memberId", u.id AS "unitId", u.name AS "unitName",
            t.title, ${ISO('t.due_at')} AS "dueAt"
       FROM assignments a JOIN tasks t ON t.id = a.task_id JOIN units u ON u.id = a.unit_id
       JOIN members m ON m.unit_id = a.unit_id AND m.active
      WHERE ${where}
      ORDER BY u.sort_order, m.full_name`,
    ['assignmentId' in scope ? scope.assignmentId : scope.campaignId],
  );
  return rows;
}
