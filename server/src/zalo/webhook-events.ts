/**
 * Zalo webhook events: verification of `X-ZEvent-Signature`, the event's identity (for dedupe), which
 * OA it concerns, and who interacted. Payload shapes: the Zalo reference §7.3.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

export interface ZaloWebhookEvent {
  event_name: string;
  app_id?: string;
  oa_id?: string;
  timestamp?: string;
  sender?: { id?: string; admin_id?: string };
  recipient?: { id?: string };
  follower?: { id?: string };
  user_id_by_app?: string;
  message?: {
    msg_id?: string;
    msg_ids?: string[];
    text?: string;
    attachments?: { type: string; payload?: Record<string, unknown> }[];
  };
  info?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface SignatureSettings {
  appId: string;
  secret: string;
  idTerm: 'app_id' | 'oa_id' | 'either';
}

/** True when the header is `mac=` + sha256(firstTerm + rawBody + timestamp + secret). */
export function verifySignature(
  header: string | undefined,
  rawBody: string,
  event: ZaloWebhookEvent,
  settings: SignatureSettings,
): boolean {
  if (!header?.startsWith('mac=') || !settings.secret) return false;
  const given = Buffer.from(header.slice(4).trim().toLowerCase(), 'utf8');
  const timestamp = String(event.timestamp ?? '');
  const oaId = oaIdOf(event);
  const terms =
    settings.idTerm === 'app_id'
      ? [settings.appId]
      : settings.idTerm === 'oa_id'
        ? [oaId]
        : [settings.appId, oaId];
  return terms.some((term) => {
    if (!term) return false;
    const expected = Buffer.from(
      createHash('sha256')
        .update(term + rawBody + timestamp + settings.secret)
        .digest('hex'),
      'utf8',
    );
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
}

/** The OA of the event: `oa_id` when given; else the recipient of user events, the sender of OA echoes. */
export function oaIdOf(event: ZaloWebhookEvent): string {
  if (event.oa_id) return String(event.oa_id);
  if (event.event_name.startsWith('oa_')) return String(event.sender?.id ?? '');
  return String(event.recipient?.id ?? '');
}

/** The person who acted (OA-scoped id), for user events only. */
export function actingUserId(event: ZaloWebhookEvent): string | undefined {
  if (event.event_name === 'follow' || event.event_name === 'unfollow') return event.follower?.id;
  if (event.event_name.startsWith('user_') || event.event_name.startsWith('anonymous_'))
    return event.sender?.id;
  return undefined;
}

/** Zalo retries a delivery: the message id identifies it, else the event's own fields do. */
export function eventKey(event: ZaloWebhookEvent, rawBody: string): string {
  if (event.message?.msg_id) return `msg:${event.event_name}:${event.message.msg_id}`;
  const identity = [
    event.event_name,
    event.timestamp,
    actingUserId(event) ?? event.sender?.id,
    event.recipient?.id,
  ].join('|');
  const digest = createHash('sha256')
    .update(event.timestamp ? identity : rawBody)
    .digest('hex');
  return `evt:${digest.slice(0, 40)}`;
}

/** Whether the event restarts the person's interaction window (a message, follow, form answer, tap). */
export function isInteraction(event: ZaloWebhookEvent): boolean {
  const name = event.event_name;
  return (
    (name.startsWith('user_send_') && !name.startsWith('user_send_group_')) ||
    name === 'follow' ||
    name === 'user_submit_info' ||
    name === 'user_click_chatnow' ||
    name === 'user_reacted_message'
  );
}

export function imageUrls(event: ZaloWebhookEvent): string[] {
  return (event.message?.attachments ?? [])
    .filter((attachment) => attachment.type === 'image' || attachment.type === 'gif')
    .map((attachment) => String(attachment.payload?.url ?? ''))
    .filter((url) => /^https?:\/\//.test(url));
}
