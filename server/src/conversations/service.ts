/**
 * One message a person sent the OA, handled exactly once: in one ward transaction the message is
 * recorded under its webhook event's key (a second run of the same event stops there), the dialogue
 * decides, the tasks and evidence features carry out what it asked, and the replies go onto the
 * ledger the reply sender works from. Nothing is sent from here, so a crash loses nothing and
 * repeats nothing.
 */
import { createHash } from 'node:crypto';
import { clipToZalo, isTeamRole } from '@loa/shared';
import type { FastifyBaseLogger } from 'fastify';
import type pg from 'pg';
import { AppError } from '../errors.js';
import type { ChatEvidence } from '../evidence/chat-evidence.js';
import { describeFlags } from '../evidence/chat-evidence.js';
import type { Notifier } from '../notifications/queue.js';
import type { Session } from '../plugins/auth.js';
import { type Db, underSavepoint } from '../plugins/db.js';
import { acknowledgeAssignment, completeAssignment } from '../tasks/service.js';
import type { ZaloWebhookEvent } from '../zalo/webhook-events.js';
import type { WebhookContext } from '../zalo/webhook-processor.js';
import { type Action, decide, type Incoming } from './dialogue.js';
import { handoverReply, type OfficeHours } from './office-hours.js';
import { type Links, say } from './replies.js';
import {
  type ChatMember,
  findCampaignFacts,
  findMemberByOaUser,
  findWardInfo,
  insertInbound,
  listOpenAssignments,
  listStaffMemberIds,
  lockConversation,
  queueReplies,
  updateConversation,
} from './sql.js';

export interface ChatDeps {
  db: Db;
  evidence: () => ChatEvidence;
  notifier: Notifier;
  links: Links;
  officeHours: OfficeHours;
  log: FastifyBaseLogger;
  /** Replies were queued: the sender should look now rather than at its next interval. */
  onQueued: () => void;
}

/** What the person sent, from the webhook event and the files the Zalo layer downloaded. */
export function incomingOf(event: ZaloWebhookEvent, mediaPaths: string[]): Incoming {
  const attachments = event.message?.attachments ?? [];
  if (event.event_name === 'user_send_image' || event.event_name === 'user_send_gif')
    return { kind: 'image', mediaPath: mediaPaths[0] };
  const located = attachments.find((a) => a.type === 'location');
  if (event.event_name === 'user_send_location' && located) {
    const coordinates = (located.payload?.coordinates ?? {}) as { latitude?: unknown; longitude?: unknown };
    const lat = Number(coordinates.latitude);
    const lng = Number(coordinates.longitude);
    if (Number.isFinite(lat) && Number.isFinite(lng)) return { kind: 'location', lat, lng };
  }
  const text = event.message?.text?.trim();
  if (event.event_name === 'user_send_text' && text) return { kind: 'text', text };
  return { kind: 'other' };
}

/**
 * The id a photo stored while handling this event gets. The photo is stored (its own transaction,
 * files first) before the conversation's transaction commits; after a crash between the two the event
 * is handled again, and the same id makes the second upload answer the first one's evidence.
 */
export function chatPhotoEvidenceId(eventId: string): string {
  const bytes = createHash('sha256').update(`chat-photo:${eventId}`).digest().subarray(0, 16);
  // RFC 9562 version 8 (an id of our own making) with the RFC variant bits.
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x80;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export class ChatService {
  constructor(private readonly deps: ChatDeps) {}

  async handle(event: ZaloWebhookEvent, context: WebhookContext): Promise<void> {
    const userId = event.sender?.id;
    if (!userId) return;
    const { wardId, eventId } = context;
    const incoming = incomingOf(event, context.mediaPaths);
    const inboundAt = new Date(Number(event.timestamp) || Date.now());
    let queued = 0;
    await this.deps.db.withWard(wardId, async (client) => {
      const member = await findMemberByOaUser(client, userId);
      const conversation = await lockConversation(client, {
        wardId,
        zaloUserId: userId,
        memberId: member?.id ?? null,
        displayName: member?.fullName ?? null,
      });
      const recorded = await insertInbound(client, {
        wardId,
        conversationId: conversation.id,
        dedupeKey: `in:${eventId}`,
        zaloUserId: userId,
        text: incoming.kind === 'text' ? incoming.text : '',
        payload: incoming,
      });
      if (!recorded) return; // this event was handled before (a retry after a crash)
      // Zalo retries events out of order: a message written before the person asked for staff may
      // arrive after that request. It was written to the bot, so the bot answers it.
      const writtenBeforeHandover =
        conversation.status === 'staff' &&
        conversation.handedToStaffAt !== null &&
        inboundAt < conversation.handedToStaffAt;
      if (conversation.status === 'staff' && !writtenBeforeHandover) {
        // With staff: the bot stays quiet; the message waits in the inbox as unread.
        await updateConversation(client, conversation.id, {
          state: conversation.state,
          handover: null,
          inboundAt,
        });
        return;
      }
      const teamMember = member?.unitId && isTeamRole(member.role) ? member : undefined;
      const { open: assignments, reported } = teamMember
        ? await listOpenAssignments(client, teamMember.unitId as string, chatPhotoEvidenceId(eventId))
        : { open: [], reported: [] };
      const ward = await findWardInfo(client, wardId);
      const decision = decide({
        message: incoming,
        teamMember,
        state: conversation.state,
        assignments,
        reported,
        campaign: incoming.kind === 'text' ? await findCampaignFacts(client) : undefined,
        wardName: ward.name,
        links: this.deps.links,
      });
      const replies = [...decision.replies];
      for (const action of decision.actions) {
        const outcome = await this.perform(client, action, { wardId, userId, member: teamMember, eventId });
        replies.push(outcome);
      }
      const handover = writtenBeforeHandover ? undefined : decision.handover;
      if (handover) {
        replies.push(handoverReply(this.deps.officeHours, new Date()));
        await this.tellStaff(
          client,
          wardId,
          eventId,
          `${member?.fullName ?? 'Một người dân'} cần cán bộ trả lời trên OA (${handover}). Mở Loa Phường → Hộp thư.`,
        );
      }
      queued = (
        await queueReplies(
          client,
          wardId,
          conversation.id,
          userId,
          replies.map((text, index) => ({
            dedupeKey: `out:${eventId}:${index}`,
            text: clipToZalo(text),
            author: 'bot',
          })),
        )
      ).length;
      await updateConversation(client, conversation.id, {
        state: decision.state,
        handover: handover ?? null,
        inboundAt,
      });
    });
    if (queued) this.deps.onQueued();
  }

  /** Carries out one action through its owning feature; answers the confirmation (or the refusal). */
  private async perform(
    client: pg.PoolClient,
    action: Action,
    who: { wardId: string; userId: string; member: ChatMember | undefined; eventId: string },
  ): Promise<string> {
    const member = who.member as ChatMember;
    const session: Session = {
      memberId: member.id,
      wardId: who.wardId,
      role: member.role,
      unitId: member.unitId ?? undefined,
      zaloUserId: who.userId,
    };
    try {
      switch (action.type) {
        case 'ack': {
          const result = await underSavepoint(client, () =>
            acknowledgeAssignment(client, session, action.assignment.id),
          );
          return result.status === 'acknowledged' && action.assignment.status === 'pending'
            ? say.acknowledged(action.assignment.title)
            : say.alreadyAcknowledged(action.assignment.title);
        }
        case 'complete':
          await underSavepoint(client, () =>
            completeAssignment(client, session, action.assignment.id, {
              ...(action.numberDone !== undefined ? { numberDone: action.numberDone } : {}),
            }),
          );
          return say.completed(action.assignment.title, action.numberDone);
        case 'photo': {
          const evidence = await this.deps.evidence().uploadFile({
            wardId: who.wardId,
            memberId: member.id,
            unitId: member.unitId as string,
            assignmentId: action.assignment.id,
            path: action.mediaPath,
            evidenceId: chatPhotoEvidenceId(who.eventId),
          });
          return say.photoSaved(action.assignment.title, describeFlags(evidence.flags));
        }
        case 'keepPhoto':
          await this.tellStaff(
            client,
            who.wardId,
            who.eventId,
            `${member.fullName} (${member.unitName ?? 'tổ'}) gửi một ảnh qua OA nhưng tổ không có nhiệm vụ nào cần ảnh. Xem trong Hộp thư của Loa Phường.`,
          );
          return say.photoNoTask;
        case 'location': {
          const attached = await underSavepoint(client, () =>
            this.deps.evidence().attachLocation(client, {
              wardId: who.wardId,
              memberId: member.id,
              unitId: member.unitId as string,
              lat: action.lat,
              lng: action.lng,
            }),
          );
          return attached
            ? say.locationSaved(attached.taskTitle, describeFlags(attached.flags))
            : say.locationNoEvidence;
        }
      }
    } catch (error) {
      // A refusal a person can act on (closed task, unreadable photo) is the reply; anything else is
      // a failure of ours, retried with the whole event.
      if (error instanceof AppError && error.statusCode < 500)
        return action.type === 'photo' ? say.photoFailed(error.message) : say.refused(error.message);
      throw error;
    }
  }

  private async tellStaff(
    client: pg.PoolClient,
    wardId: string,
    eventId: string,
    body: string,
  ): Promise<void> {
    const staff = await listStaffMemberIds(client);
    await this.deps.notifier.enqueue(
      client,
      wardId,
      staff.map((memberId) => ({
        kind: 'escalation',
        memberId,
        dedupeKey: `chat:${eventId}:${memberId}`,
        body,
      })),
    );
  }
}
