/** The staff inbox's queries over this feature's tables. A conversation's preview is the person's last message. */
import type { ConversationMessage, ConversationSummary } from '@loa/shared';
import type { Queryable } from '../plugins/db.js';

const ISO = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const SUMMARY = `
  SELECT c.id,
         COALESCE(m.full_name, c.display_name, 'Người dân (Zalo …' || right(c.zalo_user_id, 4) || ')') AS "displayName",
         (c.member_id IS NOT NULL) AS "isMember", c.status, c.unread_count AS "unreadCount",
         c.handover_reason AS "handoverReason",
         COALESCE((SELECT CASE WHEN x.text <> '' THEN x.text
                               WHEN x.payload->>'kind' = 'image' THEN '[Ảnh]'
                               WHEN x.payload->>'kind' = 'location' THEN '[Vị trí]' ELSE '[Tin nhắn]' END
                     FROM conversation_messages x WHERE x.conversation_id = c.id AND x.direction = 'in'
                    ORDER BY x.created_at DESC LIMIT 1), '') AS "lastText",
         ${ISO('c.last_message_at')} AS "lastMessageAt", ${ISO('c.resolved_at')} AS "resolvedAt",
         ${ISO("(c.last_inbound_at + interval '7 days')")} AS "windowClosesAt"
    FROM conversations c LEFT JOIN members m ON m.id = c.member_id`;

/** Conversations waiting for staff first (most unread first), then the most recent. */
export async function listConversations(
  db: Queryable,
  filter: 'staff' | 'all',
  limit = 200,
): Promise<ConversationSummary[]> {
  const { rows } = await db.query<ConversationSummary>(
    `${SUMMARY} WHERE ($1 = 'all' OR c.status = 'staff')
      ORDER BY (c.status = 'staff') DESC, c.last_message_at DESC LIMIT $2`,
    [filter, limit],
  );
  return rows;
}

export async function findConversation(db: Queryable, id: string): Promise<ConversationSummary | undefined> {
  const { rows } = await db.query<ConversationSummary>(`${SUMMARY} WHERE c.id = $1`, [id]);
  return rows[0];
}

export async function lockConversationById(
  db: Queryable,
  id: string,
): Promise<
  { id: string; status: 'bot' | 'staff'; zaloUserId: string; lastInboundAt: Date | null } | undefined
> {
  const { rows } = await db.query(
    `SELECT id, status, zalo_user_id AS "zaloUserId", last_inbound_at AS "lastInboundAt"
       FROM conversations WHERE id = $1 FOR UPDATE`,
    [id],
  );
  return rows[0];
}

export async function listThread(
  db: Queryable,
  conversationId: string,
  limit = 300,
): Promise<ConversationMessage[]> {
  const { rows } = await db.query<ConversationMessage & { at: Date }>(
    `SELECT * FROM (
       SELECT x.id, x.direction, x.author, a.full_name AS "authorName",
              CASE WHEN x.direction = 'out' THEN 'text' ELSE COALESCE(x.payload->>'kind', 'text') END AS kind,
              COALESCE(x.text, '') AS text, ${ISO('x.created_at')} AS "createdAt", x.status,
              x.error_reason AS "errorReason", x.created_at AS at
         FROM conversation_messages x LEFT JOIN members a ON a.id = x.author_member_id
        WHERE x.conversation_id = $1
        ORDER BY x.created_at DESC LIMIT $2) recent
      ORDER BY at`,
    [conversationId, limit],
  );
  return rows.map(({ at: _at, ...row }) => row as ConversationMessage);
}

export async function markRead(db: Queryable, id: string): Promise<void> {
  await db.query('UPDATE conversations SET unread_count = 0 WHERE id = $1', [id]);
}

/** Staff answered: the conversation is theirs (the bot stays quiet) and nothing is unread. */
export async function takeOver(db: Queryable, id: string): Promise<void> {
  await db.query(
    `UPDATE conversations SET status = 'staff', unread_count = 0, last_message_at = now(),
            handed_to_staff_at = COALESCE(handed_to_staff_at, now()), resolved_at = NULL, resolved_by = NULL
      WHERE id = $1`,
    [id],
  );
}

/** Back to the bot; `resolvedBy` marks the matter as dealt with. */
export async function returnToBot(db: Queryable, id: string, resolvedBy: string | null): Promise<void> {
  await db.query(
    `UPDATE conversations SET status = 'bot', unread_count = 0, state = '{}', handover_reason = NULL,
            handed_to_staff_at = NULL,
            resolved_at = CASE WHEN $2::uuid IS NULL THEN NULL ELSE now() END, resolved_by = $2
      WHERE id = $1`,
    [id, resolvedBy],
  );
}
