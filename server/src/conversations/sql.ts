/**
 * The chatbot's own queries: conversations and their messages (this feature's tables), and the reads
 * the dialogue needs from the ward's data (members, open assignments, the current campaign). Writes
 * to other features' tables go through their services, never through here.
 */
import type { Queryable } from '../plugins/db.js';

const ISO = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

// --- reads of the ward's data ---

export interface ChatMember {
  id: string;
  fullName: string;
  role: 'admin' | 'staff' | 'leader' | 'team_lead' | 'team_member';
  unitId: string | null;
  unitName: string | null;
}

export async function findMemberByOaUser(db: Queryable, oaUserId: string): Promise<ChatMember | undefined> {
  const { rows } = await db.query<ChatMember>(
    `SELECT m.id, m.full_name AS "fullName", m.role, m.unit_id AS "unitId", u.name AS "unitName"
       FROM members m LEFT JOIN units u ON u.id = m.unit_id
      WHERE m.zalo_oa_user_id = $1 AND m.active`,
    [oaUserId],
  );
  return rows[0];
}

export interface OpenAssignment {
  id: string;
  title: string;
  kind: string;
  dueAt: string;
  status: 'pending' | 'acknowledged' | 'submitted' | 'needs_fix';
  photosRequired: number;
  photosSent: number;
}

/**
 * The team's unfinished work in approved or running campaigns, soonest due first: not yet reported
 * done, or reported but still short of the photos the task asks for.
 */
/**
 * The team's open assignments, and those already reported done (so a message naming one is understood).
 * `asIfWithout` is the evidence the message being handled may itself
 * have stored before a crash: it is not counted, so a retry sees the tasks as the first run did.
 */
export async function listOpenAssignments(
  db: Queryable,
  unitId: string,
  asIfWithout?: string,
): Promise<{ open: OpenAssignment[]; reported: OpenAssignment[] }> {
  const { rows } = await db.query<OpenAssignment>(
    `SELECT a.id, t.title, t.kind, ${ISO('t.due_at')} AS "dueAt", a.status,
            t.evidence_photo_count AS "photosRequired",
            (SELECT count(*)::int FROM evidence e
              WHERE e.assignment_id = a.id AND e.kind = 'photo' AND e.id IS DISTINCT FROM $2::uuid) AS "photosSent"
       FROM assignments a JOIN tasks t ON t.id = a.task_id JOIN campaigns c ON c.id = t.campaign_id
      WHERE a.unit_id = $1 AND c.status IN ('approved', 'active') AND a.status <> 'accepted'
      ORDER BY t.due_at, t.sort_order, a.id`,
    [unitId, asIfWithout ?? null],
  );
  return splitReported(rows);
}

/** Reported done with every photo the task asks for: no longer the team's to do, but still nameable. */
function splitReported(rows: OpenAssignment[]): { open: OpenAssignment[]; reported: OpenAssignment[] } {
  const isReported = (row: OpenAssignment) =>
    row.status === 'submitted' && row.photosSent >= row.photosRequired;
  return { open: rows.filter((row) => !isReported(row)), reported: rows.filter(isReported) };
}

export interface CampaignFacts {
  id: string;
  title: string;
  theme: string;
  slogans: string[];
  purposes: string[];
  startsOn: string;
  endsOn: string;
  activities: string[];
  posts: number;
}

/** What residents may ask about: the running campaign, else the next approved one, else the last. */
export async function findCampaignFacts(db: Queryable): Promise<CampaignFacts | undefined> {
  const { rows } = await db.query<CampaignFacts>(
    `SELECT c.id, c.title, c.theme, c.slogans, c.purposes,
            to_char(c.starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(c.ends_on, 'YYYY-MM-DD') AS "endsOn",
            ARRAY(SELECT t.title FROM tasks t WHERE t.campaign_id = c.id
                   GROUP BY t.title ORDER BY min(t.sort_order)) AS activities,
            (SELECT count(*)::int FROM posts p WHERE p.campaign_id = c.id AND p.status = 'approved') AS posts
       FROM campaigns c
      WHERE c.status IN ('active', 'approved', 'closed')
      ORDER BY (c.status = 'active') DESC, (c.status = 'approved') DESC, c.starts_on DESC
      LIMIT 1`,
  );
  return rows[0];
}

export async function findWardInfo(db: Queryable, wardId: string): Promise<{ name: string; slug: string }> {
  const { rows } = await db.query<{ name: string; slug: string }>(
    'SELECT name, slug FROM wards WHERE id = $1',
    [wardId],
  );
  return rows[0] ?? { name: 'phường', slug: '' };
}

export async function listStaffMemberIds(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT id FROM members WHERE role IN ('staff', 'admin') AND active ORDER BY created_at, id`,
  );
  return rows.map((row) => row.id);
}

// --- conversations ---

export interface ConversationState {
  /** Consecutive messages the bot did not understand. */
  misses?: number;
  /** A question the bot asked and the number it expects next. */
  pending?: {
    action: 'ack' | 'complete' | 'photo';
    assignmentIds: string[];
    /** For a photo: the stored file waiting for its task. */
    mediaPath?: string;
    numberDone?: number;
  };
}

export interface ConversationRow {
  id: string;
  status: 'bot' | 'staff';
  state: ConversationState;
  memberId: string | null;
  /** When the person asked for staff (their message's sending time), or staff took over. */
  handedToStaffAt: Date | null;
}

/** The person's conversation, created on their first message, locked until the transaction ends. */
export async function lockConversation(
  db: Queryable,
  input: { wardId: string; zaloUserId: string; memberId: string | null; displayName: string | null },
): Promise<ConversationRow> {
  const { rows } = await db.query<ConversationRow>(
    `INSERT INTO conversations (ward_id, zalo_user_id, member_id, display_name)
     VALUES ($1, $2, $3, $4)
     ON CONFLICT (ward_id, zalo_user_id) DO UPDATE
        SET member_id = EXCLUDED.member_id,
            display_name = COALESCE(EXCLUDED.display_name, conversations.display_name)
     RETURNING id, status, state, member_id AS "memberId", handed_to_staff_at AS "handedToStaffAt"`,
    [input.wardId, input.zaloUserId, input.memberId, input.displayName],
  );
  return rows[0] as ConversationRow;
}

export async function inboundExists(db: Queryable, dedupeKey: string): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM conversation_messages WHERE dedupe_key = $1', [dedupeKey]);
  return rows.length > 0;
}

/** Records the person's message once per event; false when this event was already handled. */
export async function insertInbound(
  db: Queryable,
  input: {
    wardId: string;
    conversationId: string;
    dedupeKey: string;
    zaloUserId: string;
    text: string;
    payload: unknown;
  },
): Promise<boolean> {
  const { rowCount } = await db.query(
    `INSERT INTO conversation_messages (ward_id, conversation_id, direction, author, dedupe_key, zalo_user_id, text, payload)
     VALUES ($1, $2, 'in', 'person', $3, $4, $5, $6)
     ON CONFLICT (ward_id, dedupe_key) DO NOTHING`,
    [
      input.wardId,
      input.conversationId,
      input.dedupeKey,
      input.zaloUserId,
      input.text,
      JSON.stringify(input.payload),
    ],
  );
  return (rowCount ?? 0) > 0;
}

export interface QueuedReply {
  dedupeKey: string;
  text: string;
  author: 'bot' | 'staff';
  authorMemberId?: string;
}

/** Puts replies on the ledger (sent by the reply sender); the same key twice queues one. */
export async function queueReplies(
  db: Queryable,
  wardId: string,
  conversationId: string,
  zaloUserId: string,
  replies: QueuedReply[],
): Promise<string[]> {
  if (!replies.length) return [];
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO conversation_messages (ward_id, conversation_id, direction, author, author_member_id,
                                        dedupe_key, zalo_user_id, text, status, next_attempt_at, created_at)
     SELECT $1, $2, 'out', r.author, r.member_id, r.dedupe_key, $3, r.text, 'queued', now(),
            clock_timestamp() + (r.n * interval '1 microsecond')
       FROM unnest($4::text[], $5::uuid[], $6::text[], $7::text[]) WITH ORDINALITY AS r(author, member_id, dedupe_key, text, n)
     ON CONFLICT (ward_id, dedupe_key) DO NOTHING
     RETURNING id`,
    [
      wardId,
      conversationId,
      zaloUserId,
      replies.map((r) => r.author),
      replies.map((r) => r.authorMemberId ?? null),
      replies.map((r) => r.dedupeKey),
      replies.map((r) => r.text),
    ],
  );
  return rows.map((row) => row.id);
}

export async function updateConversation(
  db: Queryable,
  id: string,
  change: {
    state: ConversationState;
    /** Hand the conversation to staff with this reason (null: leave the status as it is). */
    handover: string | null;
    /**
     * When the person sent the message: the 7-day window restarts and, while with staff, it counts as
     * unread; a hand-over is dated by it (a message written earlier may still arrive later).
     */
    inboundAt: Date;
  },
): Promise<void> {
  await db.query(
    `UPDATE conversations
        SET state = $2,
            status = CASE WHEN $3::text IS NOT NULL THEN 'staff' ELSE status END,
            handover_reason = COALESCE($3, handover_reason),
            handed_to_staff_at = CASE WHEN $3::text IS NOT NULL AND status = 'bot' THEN $4 ELSE handed_to_staff_at END,
            unread_count = CASE WHEN $3::text IS NOT NULL OR status = 'staff' THEN unread_count + 1 ELSE unread_count END,
            last_inbound_at = GREATEST(COALESCE(last_inbound_at, $4), $4),
            last_message_at = now(),
            resolved_at = NULL, resolved_by = NULL
      WHERE id = $1`,
    [id, JSON.stringify(change.state), change.handover, change.inboundAt],
  );
}
