/**
 * What staff do in the inbox: answer a person (an OA consultation message, only inside Zalo's 7-day
 * window), resolve a conversation, or hand it back to the bot. Each is one transaction with its audit
 * row; the caller wakes the reply sender afterwards.
 */
import { randomUUID } from 'node:crypto';
import {
  type ConversationMessage,
  type ConversationThread,
  ZALO_TEXT_MAX_CHARS,
  zaloTextLength,
} from '@loa/shared';
import { recordAuditBy } from '../audit/audit.js';
import { AppError } from '../errors.js';
import type { Session } from '../plugins/auth.js';
import type { Db, Queryable } from '../plugins/db.js';
import {
  findConversation,
  listThread,
  lockConversationById,
  markRead,
  returnToBot,
  takeOver,
} from './inbox-sql.js';
import { insideWindow } from './reply-sender.js';
import { queueReplies } from './sql.js';

export const HAND_BACK_TEXT =
  'Cán bộ phường đã trả lời xong. Từ giờ trợ lý tự động của OA sẽ tiếp tục hỗ trợ bạn; nhắn "trợ giúp" để xem các câu hỏi, hoặc "gặp cán bộ" khi cần.';

async function lockOrFail(db: Queryable, id: string) {
  const conversation = await lockConversationById(db, id);
  if (!conversation) throw new AppError('CONVERSATION_NOT_FOUND');
  return conversation;
}

export async function markConversationRead(database: Db, session: Session, id: string): Promise<void> {
  await database.withWard(session.wardId, async (db) => {
    await lockOrFail(db, id);
    await markRead(db, id);
  });
}

/**
 * A staff answer: queued for the sender (a repeated `requestId` queues it once), and the conversation
 * is taken over from the bot. Returns the message as the thread shows it.
 */
export async function replyAsStaff(
  database: Db,
  session: Session,
  id: string,
  input: { text: string; requestId?: string },
): Promise<ConversationMessage> {
  const text = input.text.normalize('NFC').trim();
  if (!text) throw new AppError('VALIDATION_FAILED', 'Nội dung trả lời đang trống. Hãy nhập câu trả lời.');
  const length = zaloTextLength(text);
  if (length > ZALO_TEXT_MAX_CHARS)
    throw new AppError(
      'VALIDATION_FAILED',
      `Câu trả lời dài ${length} ký tự, Zalo chỉ nhận tối đa ${ZALO_TEXT_MAX_CHARS}. Hãy rút gọn ${length - ZALO_TEXT_MAX_CHARS} ký tự.`,
    );
  return database.withWard(session.wardId, async (db) => {
    const conversation = await lockOrFail(db, id);
    if (!insideWindow(conversation.lastInboundAt, new Date())) throw new AppError('CHAT_WINDOW_CLOSED');
    const dedupeKey = `staff:${input.requestId ?? randomUUID()}`;
    await queueReplies(db, session.wardId, conversation.id, conversation.zaloUserId, [
      { dedupeKey, text, author: 'staff', authorMemberId: session.memberId },
    ]);
    await takeOver(db, conversation.id);
    await recordAuditBy(db, session, {
      action: 'conversations.reply',
      entity: 'conversation',
      entityId: conversation.id,
      after: { text },
    });
    const thread = await listThread(db, conversation.id, 50);
    return thread.filter((m) => m.author === 'staff' && m.text === text).pop() as ConversationMessage;
  });
}

/**
 * Back to the bot: "resolved" records who closed it; "hand back" also tells the person, when Zalo
 * still lets the OA write to them.
 */
export async function returnConversationToBot(
  database: Db,
  session: Session,
  id: string,
  how: 'resolve' | 'handBack',
): Promise<ConversationThread> {
  const resolved = how === 'resolve';
  return database.withWard(session.wardId, async (db) => {
    const conversation = await lockOrFail(db, id);
    await returnToBot(db, conversation.id, resolved ? (session.memberId ?? null) : null);
    if (!resolved && insideWindow(conversation.lastInboundAt, new Date()))
      await queueReplies(db, session.wardId, conversation.id, conversation.zaloUserId, [
        { dedupeKey: `handback:${randomUUID()}`, text: HAND_BACK_TEXT, author: 'bot' },
      ]);
    await recordAuditBy(db, session, {
      action: resolved ? 'conversations.resolve' : 'conversations.handBack',
      entity: 'conversation',
      entityId: conversation.id,
      before: { status: conversation.status },
      after: { status: 'bot' },
    });
    const summary = await findConversation(db, conversation.id);
    return { conversation: summary!, messages: await listThread(db, conversation.id) };
  });
}
