/**
 * What simulated people do: write to the OA (text, photo, location) or in a group. Each action is
 * recorded and, as Zalo would, delivered to our webhook with a correct signature.
 */
import { createHash } from 'node:crypto';
import type { Transport } from '../transport.js';
import type { SimMessage, SimPerson, SimState } from './state.js';

export interface WebhookTarget {
  url: string;
  appId: string;
  secret: string;
  transport: Transport;
  /** Where this server serves the simulator's "CDN" (attachment URLs). */
  mediaBase: string;
}

/** `mac=` + sha256(firstTerm + rawBody + timestamp + secret): the documented, non-HMAC formula. */
export function signWebhook(firstTerm: string, rawBody: string, timestamp: string, secret: string): string {
  return `mac=${createHash('sha256')
    .update(firstTerm + rawBody + timestamp + secret)
    .digest('hex')}`;
}

let sampleJpeg: Promise<Buffer> | undefined;
/** A small photo for "sends a photo" when the caller gives none. */
export function samplePhoto(): Promise<Buffer> {
  // sharp loads on first use (see evidence/image-libraries.ts), not when the simulator starts.
  sampleJpeg ??= import('sharp').then(({ default: sharp }) =>
    sharp({ create: { width: 320, height: 240, channels: 3, background: { r: 30, g: 120, b: 200 } } })
      .jpeg()
      .toBuffer(),
  );
  return sampleJpeg;
}

export interface SayInput {
  text?: string;
  image?: { base64?: string };
  location?: { latitude: number; longitude: number };
}

export class SimPeople {
  readonly media = new Map<string, Buffer>();

  constructor(
    private readonly state: SimState,
    private readonly target: WebhookTarget,
  ) {}

  async deliver(payload: Record<string, unknown>): Promise<number> {
    const raw = JSON.stringify(payload);
    const signature = signWebhook(this.target.appId, raw, String(payload.timestamp), this.target.secret);
    const response = await this.target.transport({
      method: 'POST',
      url: this.target.url,
      headers: { 'content-type': 'application/json', 'x-zevent-signature': signature },
      body: raw,
      timeoutMs: 5000,
    });
    return response.status;
  }

  /** The person writes to the OA in a 1:1 chat. */
  async sayToOa(person: SimPerson, input: SayInput): Promise<{ message: SimMessage; webhookStatus: number }> {
    person.lastInteraction = Date.now();
    person.follower = true;
    let eventName = 'user_send_text';
    let message: SimMessage;
    const base = { channel: 'user' as const, from: 'user' as const, userId: person.oaUserId };
    const body: Record<string, unknown> = {};
    if (input.image) {
      eventName = 'user_send_image';
      const bytes = input.image.base64 ? Buffer.from(input.image.base64, 'base64') : await samplePhoto();
      const name = `${this.state.newMessageId()}.jpg`;
      this.media.set(name, bytes);
      const url = `${this.target.mediaBase}/${name}`;
      message = this.state.record({ ...base, text: input.text ?? '', attachment: { type: 'image', url } });
      body.attachments = [{ type: 'image', payload: { thumbnail: url, url } }];
    } else if (input.location) {
      eventName = 'user_send_location';
      const { latitude, longitude } = input.location;
      message = this.state.record({
        ...base,
        text: input.text ?? '',
        attachment: { type: 'location', latitude, longitude },
      });
      body.attachments = [
        {
          type: 'location',
          payload: { coordinates: { latitude: String(latitude), longitude: String(longitude) } },
        },
      ];
    } else {
      message = this.state.record({ ...base, text: input.text ?? '' });
    }
    const payload = {
      app_id: this.target.appId,
      sender: { id: person.oaUserId },
      user_id_by_app: person.appUserId,
      recipient: { id: person.oaId ?? this.state.oaId },
      event_name: eventName,
      message: { msg_id: message.messageId, text: message.text, ...body },
      timestamp: String(message.at),
    };
    return { message, webhookStatus: await this.deliver(payload) };
  }

  /** The person writes in a khu phố group; only OA-created groups send an event to the OA. */
  async sayInGroup(person: SimPerson, groupId: string, text: string): Promise<SimMessage> {
    const message = this.state.record({
      channel: 'group',
      from: 'user',
      userId: person.oaUserId,
      groupId,
      text,
    });
    const group = this.state.groups.get(groupId);
    if (group?.oaGroup) {
      await this.deliver({
        app_id: this.target.appId,
        oa_id: this.state.groupOa(group),
        sender: { id: person.oaUserId },
        recipient: { id: groupId },
        event_name: 'user_send_group_text',
        message: { msg_id: message.messageId, text },
        timestamp: String(message.at),
      });
    }
    return message;
  }
}
