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

export interface SignedBody {
  /** The body's `timestamp` the signature covers (milliseconds since the epoch, as Zalo sends it). */
  timestamp: string;
  /** The first hashed term that matched: the app id, or an OA id written in the body. */
  term: string;
}

// Linear scans of the raw text (each pattern starts with a literal, so no rescanning): the values the
// signature may cover, found before anything is parsed. Capped so a crafted body cannot multiply the work.
const TIMESTAMP_FIELD = /"timestamp"\s*:\s*"?(\d{1,20})"?/g;
const ID_FIELD = /"(?:oa_id|id)"\s*:\s*"?(\d{1,30})"?/g;
const MAX_CANDIDATES = 4;

function candidates(pattern: RegExp, text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(pattern)) {
    found.add(match[1] as string);
    if (found.size >= MAX_CANDIDATES) break;
  }
  return [...found];
}

/**
 * Checks `X-ZEvent-Signature` (`mac=` + sha256(firstTerm + rawBody + timestamp + secret)) on the raw text
 * before it is parsed: the timestamp and OA id are taken from the text by a linear scan, and the parsed
 * event must later agree with them (`agreesWith`). Undefined when unsigned or signed wrongly.
 */
export function verifySignedBody(
  header: string | undefined,
  rawBody: string,
  settings: SignatureSettings,
): SignedBody | undefined {
  if (!header?.startsWith('mac=') || !settings.secret) return undefined;
  const given = Buffer.from(header.slice(4).trim().toLowerCase(), 'utf8');
  if (given.length !== 64) return undefined;
  const timestamps = candidates(TIMESTAMP_FIELD, rawBody);
  if (timestamps.length === 0) return undefined;
  const terms = new Set<string>();
  if (settings.idTerm !== 'oa_id' && settings.appId) terms.add(settings.appId);
  if (settings.idTerm !== 'app_id') for (const id of candidates(ID_FIELD, rawBody)) terms.add(id);
  for (const term of terms) {
    const prefix = createHash('sha256').update(term).update(rawBody);
    for (const timestamp of timestamps) {
      const expected = Buffer.from(prefix.copy().update(timestamp).update(settings.secret).digest('hex'));
      if (timingSafeEqual(expected, given)) return { timestamp, term };
    }
  }
  return undefined;
}

/** The parsed event says what was signed: its own timestamp, and its OA when the OA id was the term. */
export function agreesWith(
  event: ZaloWebhookEvent,
  signed: SignedBody,
  settings: SignatureSettings,
): boolean {
  if (String(event.timestamp ?? '') !== signed.timestamp) return false;
  return signed.term === settings.appId || signed.term === oaIdOf(event);
}

/** Whether the signed timestamp is inside the window (Zalo's retries span about two hours). */
export function isFresh(timestamp: string, now: number, maxAgeMs: number): boolean {
  const at = Number(timestamp);
  return Number.isFinite(at) && at >= now - maxAgeMs && at <= now + 5 * 60_000;
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
