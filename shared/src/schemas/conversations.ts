import { type Static, Type } from '@sinclair/typebox';
import { ZALO_TEXT_MAX_CHARS, ZALO_TEXT_RAW_MAX } from '../text-length.js';
import { Uuid } from './common.js';

/** One conversation a person has with the ward's OA, as the staff inbox lists it. */
export const ConversationSummary = Type.Object({
  id: Uuid,
  displayName: Type.String({ description: 'Tên thành viên, hoặc "Người dân" kèm đuôi mã Zalo' }),
  isMember: Type.Boolean(),
  status: Type.Union([Type.Literal('bot'), Type.Literal('staff')], {
    description: 'bot: trợ lý tự động trả lời; staff: đang chờ/đang do cán bộ trả lời (bot im lặng)',
  }),
  unreadCount: Type.Integer(),
  handoverReason: Type.Union([Type.String(), Type.Null()]),
  lastText: Type.String(),
  lastMessageAt: Type.String({ format: 'date-time' }),
  resolvedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  /** Consultation messages reach the person only within 7 days of their last message. */
  windowClosesAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export type ConversationSummary = Static<typeof ConversationSummary>;

export const ConversationListQuery = Type.Object({
  filter: Type.Optional(
    Type.Union([Type.Literal('staff'), Type.Literal('all')], {
      description: 'staff: chỉ các cuộc đang chờ cán bộ; all: mọi cuộc (mặc định)',
    }),
  ),
});
export const ConversationList = Type.Object({ conversations: Type.Array(ConversationSummary) });
export type ConversationList = Static<typeof ConversationList>;

export const ConversationMessage = Type.Object({
  id: Uuid,
  direction: Type.Union([Type.Literal('in'), Type.Literal('out')]),
  author: Type.Union([Type.Literal('person'), Type.Literal('bot'), Type.Literal('staff')]),
  authorName: Type.Union([Type.String(), Type.Null()]),
  kind: Type.Union([
    Type.Literal('text'),
    Type.Literal('image'),
    Type.Literal('location'),
    Type.Literal('other'),
  ]),
  text: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  status: Type.Union([
    Type.Literal('queued'),
    Type.Literal('sending'),
    Type.Literal('sent'),
    Type.Literal('failed'),
    Type.Null(),
  ]),
  errorReason: Type.Union([Type.String(), Type.Null()]),
});
export type ConversationMessage = Static<typeof ConversationMessage>;

export const ConversationThread = Type.Object({
  conversation: ConversationSummary,
  messages: Type.Array(ConversationMessage),
});
export type ConversationThread = Static<typeof ConversationThread>;

export const StaffReplyInput = Type.Object({
  // The 2,000 is counted as Zalo counts, after NFC, by the server (conversations/inbox-service.ts): the
  // raw cap only stops an absurd body, never text that fits once normalised.
  text: Type.String({
    minLength: 1,
    maxLength: ZALO_TEXT_RAW_MAX,
    description: `Nội dung trả lời (tối đa ${ZALO_TEXT_MAX_CHARS.toLocaleString('vi-VN')} ký tự, đếm như Zalo)`,
  }),
  requestId: Type.Optional(
    Type.String({ format: 'uuid', description: 'Gửi lại cùng mã khi mạng chập chờn: chỉ một tin được gửi' }),
  ),
});
export type StaffReplyInput = Static<typeof StaffReplyInput>;
