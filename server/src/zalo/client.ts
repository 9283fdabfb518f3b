/**
 * The typed Zalo client: one method per endpoint in contract.ts, a timeout on every call, and every
 * failure turned into a classified ZaloApiError (HTTP 200 with `error != 0` included).
 */
import { createHmac } from 'node:crypto';
import type { ZaloConfig } from '../config.js';
import { contract, type EndpointName } from './contract.js';
import { errorForCode, errorForHttpStatus, lostAnswerError, networkError, ZaloApiError } from './errors.js';
import { parseZaloJson } from './json.js';
import { prepareText, stripMentions } from './text.js';
import { type Transport, TransportError } from './transport.js';
import type { ZaloGraph, ZaloOaMessenger, ZaloSent, ZaloUser } from './types.js';

/** Where OA calls get their access token; the token keeper implements it. */
export interface OaTokenSource {
  getAccessToken(): Promise<string>;
  /** Zalo rejected `rejected`: refresh (once across all callers) and return the new token. */
  refreshAfterRejection(rejected: string): Promise<string>;
}

interface CallOptions {
  headers?: Record<string, string>;
  query?: Record<string, string>;
  json?: unknown;
  form?: Record<string, string>;
  raw?: { body: Buffer; contentType: string };
}

type Json = Record<string, unknown>;

export interface OaTokenPair {
  accessToken: string;
  refreshToken: string;
  expiresInSeconds: number;
}

export class ZaloClient {
  readonly graph: ZaloGraph;
  readonly oa: ZaloOaMessenger & OaExtras;

  constructor(
    private readonly config: ZaloConfig,
    private readonly transport: Transport,
    private readonly tokens: OaTokenSource,
  ) {
    this.graph = {
      getMe: (accessToken) => this.getMe(accessToken),
      getPhoneNumber: (accessToken, phoneToken) => this.getPhoneNumber(accessToken, phoneToken),
      getLocation: (accessToken, locationToken) => this.getLocation(accessToken, locationToken),
    };
    this.oa = new OaMessenger(this);
  }

  /** Fields of a listed group message that may hold its text or caption (configuration). */
  get textFields(): readonly string[] {
    return this.config.groupMessageTextFields;
  }

  /** One call: URL from configuration, timeout, JSON parsed with ids kept as strings, failures classified. */
  async call(name: EndpointName, options: CallOptions = {}): Promise<Json> {
    const endpoint = contract[name];
    const path = name === 'recentGroupMessages' ? this.config.recentGroupMessagesPath : endpoint.path;
    const query = options.query ? `?${new URLSearchParams(options.query)}` : '';
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    let body: string | Buffer | undefined;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    } else if (options.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(options.form).toString();
    } else if (options.raw) {
      headers['content-type'] = options.raw.contentType;
      body = options.raw.body;
    }
    let response: Awaited<ReturnType<Transport>>;
    try {
      response = await this.transport({
        method: endpoint.method,
        url: `${this.config.urls[endpoint.host]}${path}${query}`,
        headers,
        body,
        timeoutMs: this.config.timeoutMs,
      });
    } catch (error) {
      if (!(error instanceof TransportError)) throw networkError((error as Error).message);
      // A GET changes nothing at Zalo, so a lost answer is simply retryable; a POST may have been accepted.
      if (error.maybeDelivered && endpoint.method === 'POST') throw lostAnswerError(this.config.timeoutMs);
      throw networkError(error.message);
    }
    let payload: Json | undefined;
    try {
      payload = parseZaloJson(response.text) as Json;
    } catch {
      payload = undefined; // not JSON (a gateway page): classified by HTTP status below
    }
    const code = typeof payload?.error === 'number' ? payload.error : Number(payload?.error ?? 0);
    if (payload && code !== 0 && Number.isFinite(code)) {
      throw errorForCode(code, String(payload.message ?? payload.error_description ?? ''));
    }
    if (response.status >= 400 || !payload)
      throw errorForHttpStatus(response.status >= 400 ? response.status : 502);
    return payload;
  }

  /** An OA call with the current token; a token failure refreshes once and retries once. */
  async oaCall(name: EndpointName, options: CallOptions = {}): Promise<Json> {
    const token = await this.tokens.getAccessToken();
    try {
      return await this.call(name, { ...options, headers: { ...options.headers, access_token: token } });
    } catch (error) {
      if (!(error instanceof ZaloApiError) || error.kind !== 'token') throw error;
      const fresh = await this.tokens.refreshAfterRejection(token);
      return this.call(name, { ...options, headers: { ...options.headers, access_token: fresh } });
    }
  }

  /** OAuth v4 refresh. The refresh token is single use: the caller must persist the new pair first. */
  async refreshOaToken(refreshToken: string): Promise<OaTokenPair> {
    const answer = await this.call('oaTokenRefresh', {
      headers: { secret_key: this.config.appSecret },
      form: { refresh_token: refreshToken, app_id: this.config.appId, grant_type: 'refresh_token' },
    });
    // OAuth errors can come back as HTTP 200 without a numeric error: never save an empty token.
    if (typeof answer.access_token !== 'string' || typeof answer.refresh_token !== 'string') {
      const reason = String(answer.error_description ?? answer.error_name ?? 'không có access_token');
      throw new ZaloApiError('token', -14014, `Zalo không cấp token mới: ${reason}`);
    }
    return {
      accessToken: answer.access_token,
      refreshToken: answer.refresh_token,
      expiresInSeconds: Number(answer.expires_in) || 90_000,
    };
  }

  private async getMe(accessToken: string): Promise<ZaloUser> {
    const proof = createHmac('sha256', this.config.appSecret).update(accessToken).digest('hex');
    const me = await this.call('graphMe', {
      headers: { access_token: accessToken, appsecret_proof: proof },
      query: { fields: 'id,name,picture,user_id_by_oa,is_follower' },
    });
    return {
      id: String(me.id),
      name: String(me.name ?? ''),
      ...(me.user_id_by_oa ? { idByOA: String(me.user_id_by_oa) } : {}),
    };
  }

  private async meInfo(accessToken: string, code: string): Promise<Json> {
    const answer = await this.call('graphMeInfo', {
      headers: { access_token: accessToken, code, secret_key: this.config.appSecret },
    });
    return (answer.data ?? {}) as Json;
  }

  private async getPhoneNumber(accessToken: string, phoneToken: string): Promise<string> {
    const data = await this.meInfo(accessToken, phoneToken);
    return normalisePhone(String(data.number ?? ''));
  }

  private async getLocation(accessToken: string, locationToken: string) {
    const data = await this.meInfo(accessToken, locationToken);
    const latitude = Number(data.latitude);
    const longitude = Number(data.longitude);
    if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) {
      throw new ZaloApiError('permanent', 100, 'Zalo không trả về tọa độ cho mã vị trí này (100)');
    }
    return { latitude, longitude };
  }
}

export function normalisePhone(raw: string): string {
  const digits = raw.replace(/\D/g, '');
  if (digits.startsWith('84')) return digits;
  if (digits.startsWith('0')) return `84${digits.slice(1)}`;
  return digits ? `84${digits}` : '';
}

export interface OaExtras {
  getGroupsOfOa(offset?: number, count?: number): Promise<{ total: number; groups: Json[] }>;
  uploadImage(image: Buffer, fileName: string, mimeType: string): Promise<{ attachmentId: string }>;
  getMessageQuota(userId: string): Promise<{ lastInteraction: Date | undefined }>;
  getUserDetail(userId: string): Promise<{ userId: string; displayName: string; isFollower: boolean }>;
  getOa(): Promise<{ oaId: string; name: string; isVerified: boolean }>;
  /** The OA's recent 1:1 messages with a user, newest first (to reconcile a lost reply). */
  listRecentUserMessages(
    userId: string,
    limit: number,
  ): Promise<{ messageId: string; fromOa: boolean; text: string; sentAt: Date }[]>;
  /** Relays text a person wrote into a group: mentions are stripped so it cannot @everyone. */
  sendRelayedGroupText(groupId: string, userText: string): Promise<ZaloSent>;
}

class OaMessenger implements ZaloOaMessenger, OaExtras {
  constructor(private readonly client: ZaloClient) {}

  private sent(answer: Json, field = 'message_id'): ZaloSent {
    const data = (answer.data ?? {}) as Json;
    return { messageId: String(data[field]) };
  }

  async sendGroupText(groupId: string, text: string) {
    const body = { recipient: { group_id: groupId }, message: { text: prepareText(text) } };
    return this.sent(await this.client.oaCall('sendGroup', { json: body }));
  }

  async sendGroupImage(groupId: string, text: string, attachmentId: string) {
    const body = {
      recipient: { group_id: groupId },
      message: {
        text: prepareText(text),
        attachment: {
          type: 'template',
          payload: {
            template_type: 'media',
            elements: [{ media_type: 'image', attachment_id: attachmentId }],
          },
        },
      },
    };
    return this.sent(await this.client.oaCall('sendGroup', { json: body }));
  }

  sendRelayedGroupText(groupId: string, userText: string) {
    return this.sendGroupText(groupId, stripMentions(userText));
  }

  async sendConsultationText(userId: string, text: string) {
    const body = { recipient: { user_id: userId }, message: { text: prepareText(text) } };
    return this.sent(await this.client.oaCall('sendConsultation', { json: body }));
  }

  async sendTemplateByUserId(userId: string, templateId: string, data: Record<string, string>) {
    const body = { user_id: userId, template_id: templateId, template_data: nfcValues(data) };
    return this.sent(await this.client.oaCall('sendTemplate', { json: body }));
  }

  async sendZnsByPhone(phone: string, templateId: string, data: Record<string, string>, trackingId: string) {
    const body = {
      phone: normalisePhone(phone),
      template_id: templateId,
      template_data: nfcValues(data),
      tracking_id: trackingId,
    };
    return this.sent(await this.client.oaCall('znsByPhone', { json: body }), 'msg_id');
  }

  async listRecentGroupMessages(groupId: string, limit: number) {
    const answer = await this.client.oaCall('recentGroupMessages', {
      query: { group_id: groupId, offset: '0', count: String(limit) },
    });
    const rows = (answer.data ?? []) as Json[];
    // An image's caption may be listed in `message` or in `description` (unconfirmed): read every
    // configured field, so a lost image send is found whichever Zalo uses.
    const fields = this.client.textFields;
    return rows.map((row) => ({
      messageId: String(row.message_id),
      texts: fields.map((field) => row[field]).filter((v): v is string => typeof v === 'string' && v !== ''),
      sentAt: new Date(Number(row.time)),
    }));
  }

  async listRecentUserMessages(userId: string, limit: number) {
    const answer = await this.client.oaCall('userConversation', {
      query: { data: JSON.stringify({ user_id: userId, offset: 0, count: limit }) },
    });
    const rows = (answer.data ?? []) as Json[];
    return rows.map((row) => ({
      messageId: String(row.message_id),
      fromOa: Number(row.src) === 0,
      text: String(row.message ?? ''),
      sentAt: new Date(Number(row.time)),
    }));
  }

  async getGroupsOfOa(offset = 0, count = 50) {
    const answer = await this.client.oaCall('groupsOfOa', {
      query: { offset: String(offset), count: String(count) },
    });
    const data = answer.data as { total: number; groups: Json[] };
    return { total: data.total, groups: data.groups };
  }

  async uploadImage(image: Buffer, fileName: string, mimeType: string) {
    const boundary = `loa${Date.now().toString(16)}`;
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName.replace(/"/g, '')}"\r\nContent-Type: ${mimeType}\r\n\r\n`;
    const body = Buffer.concat([Buffer.from(head), image, Buffer.from(`\r\n--${boundary}--\r\n`)]);
    const answer = await this.client.oaCall('uploadImage', {
      raw: { body, contentType: `multipart/form-data; boundary=${boundary}` },
    });
    return { attachmentId: String((answer.data as Json).attachment_id) };
  }

  async getMessageQuota(userId: string) {
    const answer = await this.client.oaCall('quotaMessage', { json: { user_id: userId } });
    const last = (answer.data as Json).last_interaction;
    return { lastInteraction: last ? new Date(Number(last)) : undefined };
  }

  async getUserDetail(userId: string) {
    const answer = await this.client.oaCall('userDetail', {
      query: { data: JSON.stringify({ user_id: userId }) },
    });
    const data = answer.data as Json;
    return {
      userId: String(data.user_id),
      displayName: String(data.display_name),
      isFollower: Boolean(data.user_is_follower),
    };
  }

  async getOa() {
    const data = (await this.client.oaCall('getOa')).data as Json;
    return { oaId: String(data.oa_id), name: String(data.name), isVerified: Boolean(data.is_verified) };
  }
}

function nfcValues(data: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(data).map(([key, value]) => [key, String(value).normalize('NFC')]),
  );
}
