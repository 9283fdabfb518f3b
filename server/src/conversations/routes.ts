/**
 * The staff inbox: conversations with unread counts, a thread, replying (an OA consultation message,
 * refused with the reason and what to do instead outside the 7-day window), marking resolved, and
 * handing the conversation back to the bot.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ConversationList,
  ConversationListQuery,
  ConversationMessage,
  ConversationThread,
  IdParams,
  StaffReplyInput,
} from '@loa/shared';
import { Type } from '@sinclair/typebox';
import { recordAuditBy } from '../audit/audit.js';
import { AppError } from '../errors.js';
import { routeGroup } from '../http/access.js';
import type { Queryable } from '../plugins/db.js';
import {
  findConversation,
  listConversations,
  listThread,
  lockConversationById,
  markRead,
  returnToBot,
  takeOver,
} from './inbox-sql.js';
import type { ReplySender } from './reply-sender.js';
import { insideWindow } from './reply-sender.js';
import { queueReplies } from './sql.js';

const tags = ['conversations'];
const Done = Type.Object({ ok: Type.Boolean() });

export const HAND_BACK_TEXT =
  'Cán bộ phường đã trả lời xong. Từ giờ trợ lý tự động của OA sẽ tiếp tục hỗ trợ bạn; nhắn "trợ giúp" để xem các câu hỏi, hoặc "gặp cán bộ" khi cần.';

async function lockOrFail(db: Queryable, id: string) {
  const conversation = await lockConversationById(db, id);
  if (!conversation) throw new AppError('CONVERSATION_NOT_FOUND');
  return conversation;
}

const inboxRoutes: FastifyPluginAsyncTypebox<{ sender: ReplySender }> = async (app, { sender }) => {
  app.get(
    '/api/conversations',
    {
      config: { op: 'conversations.list' },
      schema: {
        tags,
        querystring: ConversationListQuery,
        response: { 200: ConversationList },
      },
    },
    async (request) => ({
      conversations: await app.db.withWard(request.session.wardId, (db) =>
        listConversations(db, request.query.filter ?? 'all'),
      ),
    }),
  );

  app.get(
    '/api/conversations/:id',
    {
      config: { op: 'conversations.thread' },
      schema: {
        tags,
        params: IdParams,
        response: { 200: ConversationThread },
      },
    },
    async (request) =>
      app.db.withWard(request.session.wardId, async (db) => {
        const conversation = await findConversation(db, request.params.id);
        if (!conversation) throw new AppError('CONVERSATION_NOT_FOUND');
        return { conversation, messages: await listThread(db, conversation.id) };
      }),
  );

  app.post(
    '/api/conversations/:id/read',
    {
      config: { op: 'conversations.read' },
      schema: {
        tags,
        params: IdParams,
        response: { 200: Done },
      },
    },
    async (request) =>
      app.db.withWard(request.session.wardId, async (db) => {
        await lockOrFail(db, request.params.id);
        await markRead(db, request.params.id);
        return { ok: true };
      }),
  );

  app.post(
    '/api/conversations/:id/replies',
    {
      config: { op: 'conversations.reply' },
      schema: {
        tags,
        params: IdParams,
        body: StaffReplyInput,
        response: { 201: ConversationMessage },
      },
    },
    async (request, reply) => {
      const { session } = request;
      const text = request.body.text.normalize('NFC').trim();
      if (!text)
        throw new AppError('VALIDATION_FAILED', 'Nội dung trả lời đang trống. Hãy nhập câu trả lời.');
      const message = await app.db.withWard(session.wardId, async (db) => {
        const conversation = await lockOrFail(db, request.params.id);
        if (!insideWindow(conversation.lastInboundAt, new Date())) throw new AppError('CHAT_WINDOW_CLOSED');
        const dedupeKey = `staff:${request.body.requestId ?? randomUUID()}`;
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
      void sender.kick();
      return reply.status(201).send(message);
    },
  );

  for (const [path, op, resolved] of [
    ['resolve', 'conversations.resolve', true],
    ['hand-back', 'conversations.handBack', false],
  ] as const) {
    app.post(
      `/api/conversations/:id/${path}`,
      {
        config: { op },
        schema: {
          tags,
          params: IdParams,
          response: { 200: ConversationThread },
        },
      },
      async (request) => {
        const { session } = request;
        const result = await app.db.withWard(session.wardId, async (db) => {
          const conversation = await lockOrFail(db, request.params.id);
          await returnToBot(db, conversation.id, resolved ? (session.memberId ?? null) : null);
          // Handing back tells the person, when Zalo still lets the OA write to them.
          if (!resolved && insideWindow(conversation.lastInboundAt, new Date()))
            await queueReplies(db, session.wardId, conversation.id, conversation.zaloUserId, [
              { dedupeKey: `handback:${randomUUID()}`, text: HAND_BACK_TEXT, author: 'bot' },
            ]);
          await recordAuditBy(db, session, {
            action: op,
            entity: 'conversation',
            entityId: conversation.id,
            before: { status: conversation.status },
            after: { status: 'bot' },
          });
          const summary = await findConversation(db, conversation.id);
          return { conversation: summary!, messages: await listThread(db, conversation.id) };
        });
        void sender.kick();
        return result;
      },
    );
  }
};

// Staff only (admins and staff answer the OA); summaries, security and error answers come from the kit.
export default routeGroup('officeWriters', inboxRoutes);
