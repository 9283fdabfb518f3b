/**
 * The report's read-only queries. They read other features' tables (campaigns, tasks, assignments,
 * evidence, deliveries) but never write. Every figure the report prints comes from here or from the
 * board's own query, all inside one transaction, so the report and the board agree to the row.
 */
import type { Queryable } from '../plugins/db.js';
// The board's own definition of overdue, so a late team is late in the report exactly when it is on the board.
import { OVERDUE } from '../tasks/service.js';

const DONE = `a.status IN ('submitted', 'accepted')`;
const LATE = `(${DONE} AND a.submitted_at > t.due_at)`;
const ts = (column: string) => `to_json(${column}) #>> '{}'`;

export interface ReportHeaderRow {
  wardName: string;
  placeName: string;
  level: 'phuong' | 'xa' | 'dac_khu';
  campaignId: string;
  number: string | null;
  issuedOn: string | null;
  title: string;
  status: 'draft' | 'approved' | 'active' | 'closed';
  startsOn: string;
  endsOn: string;
  leadUnitName: string | null;
  signerName: string | null;
  signerMemberTitle: string | null;
  signerAuthority: string | null;
  signerTitle: string | null;
  recipients: string[];
  issuingBody: string | null;
  issuingPlace: string | null;
  now: string;
}

export function selectHeader(db: Queryable, campaignId: string) {
  return db.query<ReportHeaderRow>(
    `SELECT w.name AS "wardName", w.place_name AS "placeName", w.level,
            c.id AS "campaignId", c.number, to_char(c.issued_on, 'YYYY-MM-DD') AS "issuedOn", c.title, c.status,
            to_char(c.starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(c.ends_on, 'YYYY-MM-DD') AS "endsOn",
            lu.name AS "leadUnitName", m.full_name AS "signerName", m.title AS "signerMemberTitle",
            c.signer_authority AS "signerAuthority", c.signer_title AS "signerTitle", c.recipients,
            c.issuing_body AS "issuingBody", c.issuing_place AS "issuingPlace",
            ${ts('now()')} AS now
       FROM campaigns c
       JOIN wards w ON w.id = c.ward_id
       LEFT JOIN units lu ON lu.id = c.lead_unit_id
       LEFT JOIN members m ON m.id = c.signer_member_id
      WHERE c.id = $1`,
    [campaignId],
  );
}

export interface UnitFiguresRow {
  unitId: string;
  unitName: string;
  kind: string;
  total: number;
  done: number;
  onTime: number;
  late: number;
  overdue: number;
}

/** Per unit: assigned, done (on time / late by the time it was reported done), overdue. */
export function selectUnitFigures(db: Queryable, campaignId: string) {
  return db.query<UnitFiguresRow>(
    `SELECT u.id AS "unitId", u.name AS "unitName", u.kind,
            count(*)::int AS total,
            count(*) FILTER (WHERE ${DONE})::int AS done,
            count(*) FILTER (WHERE ${DONE} AND NOT ${LATE})::int AS "onTime",
            count(*) FILTER (WHERE ${LATE})::int AS late,
            count(*) FILTER (WHERE ${OVERDUE})::int AS overdue
       FROM tasks t
       JOIN assignments a ON a.task_id = t.id
       JOIN units u ON u.id = a.unit_id
      WHERE t.campaign_id = $1
      GROUP BY u.id
      ORDER BY u.kind <> 'digital_team', u.sort_order, u.name`,
    [campaignId],
  );
}

export interface TaskKindFiguresRow {
  kind: string;
  tasks: number;
  assigned: number;
  done: number;
  numberDone: number;
}

/** Per kind of task (loudspeaker, banner, article…): assignments done and the numbers teams reported. */
export function selectTaskKindFigures(db: Queryable, campaignId: string) {
  return db.query<TaskKindFiguresRow>(
    `SELECT t.kind, count(DISTINCT t.id)::int AS tasks, count(a.id)::int AS assigned,
            count(a.id) FILTER (WHERE ${DONE})::int AS done,
            COALESCE(sum(a.number_done) FILTER (WHERE ${DONE}), 0)::int AS "numberDone"
       FROM tasks t LEFT JOIN assignments a ON a.task_id = t.id
      WHERE t.campaign_id = $1
      GROUP BY t.kind`,
    [campaignId],
  );
}

export interface BannerPlaceRow {
  unitName: string;
  taskTitle: string;
  placeName: string | null;
}

/** Where banners were hung: every banner assignment reported done, with the task's place. */
export function selectBannerPlaces(db: Queryable, campaignId: string) {
  return db.query<BannerPlaceRow>(
    `SELECT u.name AS "unitName", t.title AS "taskTitle", t.place_name AS "placeName"
       FROM tasks t JOIN assignments a ON a.task_id = t.id JOIN units u ON u.id = a.unit_id
      WHERE t.campaign_id = $1 AND t.kind = 'hang_banner' AND ${DONE}
      ORDER BY u.kind <> 'digital_team', u.sort_order, u.name, t.sort_order`,
    [campaignId],
  );
}

export interface ChannelFiguresRow {
  channel: 'oa_group' | 'team_share' | 'oa_user' | 'loudspeaker';
  posts: number;
  deliveries: number;
  delivered: number;
  failed: number;
  open: number;
  targets: number;
  targetsReached: number;
  teams: number;
  plays: number;
}

/**
 * The ledger per channel: posts that went out on it, deliveries and how they ended, distinct targets
 * (groups, or teams for the loudspeaker) reached, teams that did their part, loudspeaker plays.
 */
export function selectChannelFigures(db: Queryable, campaignId: string) {
  const delivered = `d.status IN ('sent', 'shared', 'done')`;
  return db.query<ChannelFiguresRow>(
    `SELECT d.target_kind AS channel,
            count(DISTINCT o.post_id) FILTER (WHERE ${delivered})::int AS posts,
            count(*)::int AS deliveries,
            count(*) FILTER (WHERE ${delivered})::int AS delivered,
            count(*) FILTER (WHERE d.status = 'failed')::int AS failed,
            count(*) FILTER (WHERE d.status NOT IN ('sent', 'shared', 'done', 'failed'))::int AS open,
            count(DISTINCT d.target_key)::int AS targets,
            count(DISTINCT d.target_key) FILTER (WHERE ${delivered})::int AS "targetsReached",
            count(DISTINCT d.responsible_unit_id) FILTER (WHERE d.status IN ('shared', 'done'))::int AS teams,
            COALESCE(sum(d.broadcast_count) FILTER (WHERE d.status = 'done'), 0)::int AS plays
       FROM posts p
       JOIN occurrences o ON o.post_id = p.id
       JOIN deliveries d ON d.occurrence_id = o.id
      WHERE p.campaign_id = $1
      GROUP BY d.target_kind`,
    [campaignId],
  );
}

export interface PostFiguresRow {
  approved: number;
  sent: number;
  groupsReached: number;
}

/** Posts approved, posts that reached anyone, and distinct Zalo groups reached by any channel. */
export function selectPostFigures(db: Queryable, campaignId: string) {
  return db.query<PostFiguresRow>(
    `SELECT (SELECT count(*) FROM posts WHERE campaign_id = $1 AND status = 'approved')::int AS approved,
            count(DISTINCT o.post_id) FILTER (WHERE d.status IN ('sent', 'shared', 'done'))::int AS sent,
            count(DISTINCT d.group_id) FILTER (WHERE d.status IN ('sent', 'shared'))::int AS "groupsReached"
       FROM posts p
       JOIN occurrences o ON o.post_id = p.id
       JOIN deliveries d ON d.occurrence_id = o.id
      WHERE p.campaign_id = $1`,
    [campaignId],
  );
}

export interface PhotoFiguresRow {
  accepted: number;
  waiting: number;
  sentBack: number;
}

export function selectPhotoFigures(db: Queryable, campaignId: string) {
  return db.query<PhotoFiguresRow>(
    `SELECT count(*) FILTER (WHERE e.review_status = 'accepted')::int AS accepted,
            count(*) FILTER (WHERE e.review_status = 'pending')::int AS waiting,
            count(*) FILTER (WHERE e.review_status = 'needs_fix')::int AS "sentBack"
       FROM tasks t JOIN assignments a ON a.task_id = t.id JOIN evidence e ON e.assignment_id = a.id
      WHERE t.campaign_id = $1 AND e.kind = 'photo'`,
    [campaignId],
  );
}

export interface AnnexPhotoRow {
  evidenceId: string;
  unitName: string;
  taskTitle: string;
  placeName: string | null;
  placeRadiusM: number | null;
  takenAt: string | null;
  locationSource: 'zalo' | 'exif' | null;
  flags: Record<string, Record<string, unknown>>;
  originalKey: string;
  displayKey: string;
  width: number;
  height: number;
}

/** Accepted photos in board order (unit, then task), oldest first within an assignment. */
export function selectAnnexPhotos(db: Queryable, campaignId: string) {
  return db.query<AnnexPhotoRow>(
    `SELECT e.id AS "evidenceId", u.name AS "unitName", t.title AS "taskTitle", t.place_name AS "placeName",
            t.place_radius_m AS "placeRadiusM", ${ts('e.taken_at')} AS "takenAt",
            e.location_source AS "locationSource", e.flags,
            f.original_key AS "originalKey", f.display_key AS "displayKey", f.width, f.height
       FROM tasks t
       JOIN assignments a ON a.task_id = t.id
       JOIN units u ON u.id = a.unit_id
       JOIN evidence e ON e.assignment_id = a.id
       JOIN photo_files f ON f.ward_id = e.ward_id AND f.sha256 = e.photo_sha256
      WHERE t.campaign_id = $1 AND e.kind = 'photo' AND e.review_status = 'accepted'
      ORDER BY u.kind <> 'digital_team', u.sort_order, u.name, t.sort_order, t.due_at, e.created_at, e.id`,
    [campaignId],
  );
}

export interface AssignmentRow {
  unitName: string;
  taskTitle: string;
  kind: string;
  dueAt: string;
  status: 'pending' | 'acknowledged' | 'submitted' | 'accepted' | 'needs_fix';
  acknowledgedAt: string | null;
  submittedAt: string | null;
  overdue: boolean;
  late: boolean;
  numberDone: number | null;
  note: string | null;
  photosAccepted: number;
  photosWaiting: number;
  photosSentBack: number;
}

/** One row per unit × task, in board order, with its evidence counts (the spreadsheet annex). */
export function selectAssignments(db: Queryable, campaignId: string) {
  return db.query<AssignmentRow>(
    `SELECT u.name AS "unitName", t.title AS "taskTitle", t.kind, ${ts('t.due_at')} AS "dueAt", a.status,
            ${ts('a.acknowledged_at')} AS "acknowledgedAt", ${ts('a.submitted_at')} AS "submittedAt",
            ${OVERDUE} AS overdue, ${LATE} AS late, a.number_done AS "numberDone", a.note,
            COALESCE(e.accepted, 0)::int AS "photosAccepted", COALESCE(e.waiting, 0)::int AS "photosWaiting",
            COALESCE(e.sent_back, 0)::int AS "photosSentBack"
       FROM tasks t
       JOIN assignments a ON a.task_id = t.id
       JOIN units u ON u.id = a.unit_id
       LEFT JOIN LATERAL (
         SELECT count(*) FILTER (WHERE review_status = 'accepted') AS accepted,
                count(*) FILTER (WHERE review_status = 'pending') AS waiting,
                count(*) FILTER (WHERE review_status = 'needs_fix') AS sent_back
           FROM evidence WHERE assignment_id = a.id AND kind = 'photo') e ON true
      WHERE t.campaign_id = $1
      ORDER BY u.kind <> 'digital_team', u.sort_order, u.name, t.sort_order, t.due_at`,
    [campaignId],
  );
}

export interface LedgerRow {
  postExcerpt: string;
  targetName: string;
  channel: string;
  teamName: string | null;
  dueAt: string;
  sentAt: string | null;
  status: string;
  attempts: number;
  broadcastCount: number | null;
  zaloMessageId: string | null;
  errorReason: string | null;
}

/** The delivery ledger of the campaign's posts: one row per delivery, in send order. */
export function selectLedger(db: Queryable, campaignId: string) {
  return db.query<LedgerRow>(
    `SELECT left(regexp_replace(COALESCE(d.body, p.body), '\\s+', ' ', 'g'), 80) AS "postExcerpt",
            COALESCE(g.name, 'Loa: ' || u.name, d.target_key) AS "targetName", d.target_kind AS channel,
            u.name AS "teamName", ${ts('o.due_at')} AS "dueAt",
            ${ts('COALESCE(d.sent_at, d.shared_at)')} AS "sentAt", d.status, d.attempts,
            d.broadcast_count AS "broadcastCount", d.zalo_message_id AS "zaloMessageId",
            d.error_reason AS "errorReason"
       FROM posts p
       JOIN occurrences o ON o.post_id = p.id
       JOIN deliveries d ON d.occurrence_id = o.id
       LEFT JOIN zalo_groups g ON g.id = d.group_id
       LEFT JOIN units u ON u.id = d.responsible_unit_id
      WHERE p.campaign_id = $1
      ORDER BY o.due_at, COALESCE(g.name, u.name, d.target_key), d.id`,
    [campaignId],
  );
}
