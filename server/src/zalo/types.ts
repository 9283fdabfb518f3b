export type { ZaloWebhookEvent } from './webhook-events.js';
export type { WebhookContext, WebhookHandler } from './webhook-processor.js';

/**
 * What the rest of the server may ask of Zalo. Only `server/src/zalo/` implements these (against
 * Zalo itself or the simulator); features depend on this file alone.
 */
export interface ZaloUser {
  /** App-scoped user id of the mini app's Zalo App (a numeric string beyond 2^53: never a number). */
  id: string;
  name: string;
  /** The OA-scoped id, when Zalo gives it (the mini app is linked to the OA). */
  idByOA?: string;
}

export interface ZaloGraph {
  /** Verifies a mini-app user access token (graph `GET /v2.0/me`); rejects when it is invalid. */
  getMe(accessToken: string): Promise<ZaloUser>;
  /** Exchanges a `getPhoneNumber` token (single use, 2 minutes) for the number, normalised to 84…. */
  getPhoneNumber(accessToken: string, phoneToken: string): Promise<string>;
  /** Exchanges a `getLocation` token (single use, 2 minutes) for coordinates. */
  getLocation(accessToken: string, locationToken: string): Promise<{ latitude: number; longitude: number }>;
}

export interface ZaloSent {
  /** Zalo's message id (`message_id`, or `msg_id` for ZNS). */
  messageId: string;
}

/** Messages from the ward's Official Account. Text is NFC-normalised and length-checked by the client. */
export interface ZaloOaMessenger {
  /** `POST /v3.0/oa/group/message` into an OA-created (GMF) group. */
  sendGroupText(groupId: string, text: string): Promise<ZaloSent>;
  /**
   * `POST /v2.0/oa/upload/image` (jpg/png ≤ 1 MB) → the attachment id a media message names; Zalo keeps
   * it 7 days. Optional: a messenger without it cannot send images (test fakes that only send text).
   */
  uploadImage?(image: Buffer, fileName: string, mimeType: string): Promise<{ attachmentId: string }>;
  /** The same group message as an image (an uploaded attachment) with the text as its caption. */
  sendGroupImage?(groupId: string, text: string, attachmentId: string): Promise<ZaloSent>;
  /** `POST /v3.0/oa/message/cs`: a consultation message; only within 7 days of the user's last interaction. */
  sendConsultationText(userId: string, text: string): Promise<ZaloSent>;
  /** `POST /v3.0/oa/message/template`: a ZBS template message by OA user id. */
  sendTemplateByUserId(userId: string, templateId: string, data: Record<string, string>): Promise<ZaloSent>;
  /** ZNS/ZBS template message by phone (`business.openapi.zalo.me/message/template`). */
  sendZnsByPhone(
    phone: string,
    templateId: string,
    data: Record<string, string>,
    trackingId: string,
  ): Promise<ZaloSent>;
  /**
   * Recent messages the OA sent into a group, newest first, to reconcile a send whose answer was lost.
   * Each carries its texts (every non-empty field that may hold the text or an image's caption: which
   * field Zalo uses for a photo is unconfirmed) so a caller can match it.
   */
  listRecentGroupMessages(
    groupId: string,
    limit: number,
  ): Promise<{ messageId: string; texts: string[]; sentAt: Date }[]>;
}
