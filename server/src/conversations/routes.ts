/**
 * The staff inbox: conversations with unread counts, a thread, replying (an OA consultation message,
 * refused with the reason and what to do instead outside the 7-day window), marking resolved, and
 * handing the conversation back to the bot. What each action does is in inbox-service.ts.
 */
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
import { AppError } from '../errors.js';
import { routeGroup } from '../http/access.js';
import { markConversationRead, replyAsStaff, returnConversationToBot } from './inbox-service.js';
import { findConversation, listConversations, listThread } from './inbox-sql.js';
import type { ReplySender } from './reply-sender.js';

const tags = ['conversations'];
const Done = Type.Object({ ok: Type.Boolean() });

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
    async (request) => {
      await markConversationRead(app.db, request.session, request.params.id);
      return { ok: true };
    },
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
      const message = await replyAsStaff(app.db, request.session, request.params.id, request.body);
      void sender.kick();
      return reply.status(201).send(message);
    },
  );

  for (const [path, op] of [
    ['resolve', 'conversations.resolve'],
    ['hand-back', 'conversations.handBack'],
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
        const how = op === 'conversations.resolve' ? 'resolve' : 'handBack';
        const thread = await returnConversationToBot(app.db, request.session, request.params.id, how);
        void sender.kick();
        return thread;
      },
    );
  }
};

// Staff only (admins and staff answer the OA); summaries, security and error answers come from the kit.
export default routeGroup('officeWriters', inboxRoutes);
