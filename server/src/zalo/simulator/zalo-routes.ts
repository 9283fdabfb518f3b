/**
 * Zalo's own endpoints, as documented (contract.ts), each under its host's prefix: /sim/openapi,
 * /sim/graph, /sim/oauth, /sim/business. Answers use Zalo's envelope: HTTP 200 with `error != 0`.
 */
import { createHash } from 'node:crypto';
import { ZALO_TEXT_MAX_CHARS, zaloTextLength } from '@loa/shared';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { fail, header, ok } from './envelope.js';
import { type GraphOauthOptions, registerGraphAndOauth } from './graph-oauth-routes.js';
import { DAY_MS, type SimMessage, type SimState } from './state.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

declare module 'fastify' {
  interface FastifyRequest {
    simHangMs?: number;
  }
}

type Body = Record<string, unknown>;

export interface ZaloRoutesOptions extends GraphOauthOptions {
  recentGroupMessagesPath: string;
}

/** Rate limit and seeded faults, in front of every Zalo route. */
function guard(state: SimState) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (!state.allowRequest()) return reply.send(fail(-32, 'The application has exceeded the rate limit'));
    for (const fault of state.pickFaults(request.url)) {
      if (fault.type === 'latency') await sleep(fault.latencyMs ?? 200);
      else if (fault.type === 'http_5xx')
        return reply
          .code(fault.code ?? 502)
          .type('text/html')
          .send('<html>Bad Gateway</html>');
      else if (fault.type === 'error') return reply.send(fail(fault.code ?? -200, 'Simulated failure'));
      else if (fault.type === 'timeout_after_accept') request.simHangMs = fault.hangMs ?? 15_000;
    }
    return undefined;
  };
}

/** The bytes of the multipart part named "file" (the documented field), or undefined. */
function multipartFile(body: Buffer, contentType: string): { bytes: Buffer } | undefined {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  if (!boundary) return undefined;
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  let start = body.indexOf(delimiter);
  while (start >= 0) {
    const headerEnd = body.indexOf('\r\n\r\n', start);
    if (headerEnd < 0) return undefined;
    const headers = body.subarray(start, headerEnd).toString('latin1');
    const next = body.indexOf(delimiter, headerEnd);
    if (next < 0) return undefined;
    if (/name="file"/.test(headers)) return { bytes: body.subarray(headerEnd + 4, next - 2) };
    start = next;
  }
  return undefined;
}

function textError(text: unknown): ReturnType<typeof fail> | undefined {
  if (typeof text !== 'string' || text.trim() === '') return fail(-201, 'message.text is invalid');
  if (zaloTextLength(text) > ZALO_TEXT_MAX_CHARS) return fail(-210, 'Parameter exceeds the limit');
  return undefined;
}

/**
 * One OA message in a group's recent-message listing. A text is in `message`; an image's caption is in
 * `message` or in `description` (the simulator plays either, as configured), the other then empty.
 */
function groupListing(m: SimMessage, captionField: SimState['groupImageCaptionField']) {
  const row = { message_id: m.messageId, time: m.at, src: 0 };
  if (m.attachment?.type !== 'image') return { ...row, type: 'text', message: m.text };
  return captionField === 'description'
    ? { ...row, type: 'photo', message: '', description: m.text }
    : { ...row, type: 'photo', message: m.text };
}

export default async function zaloRoutes(app: FastifyInstance, options: ZaloRoutesOptions) {
  const { state } = options;
  app.addHook('onRequest', guard(state));
  // A "timeout after accept": the message is recorded, the answer is held past the client's timeout.
  app.addHook('onSend', async (request, _reply, payload) => {
    if (request.simHangMs) await sleep(request.simHangMs);
    return payload;
  });
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) =>
    done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );
  if (app.hasContentTypeParser('multipart/form-data')) app.removeContentTypeParser('multipart/form-data');
  app.addContentTypeParser(
    'multipart/form-data',
    { parseAs: 'buffer', bodyLimit: 2 * 1024 * 1024 },
    (_req, body, done) => done(null, body),
  );

  const oaToken = (request: FastifyRequest) => state.checkOaToken(header(request, 'access_token'));
  /** The OA whose token the request carries: it sees only its own groups, people and uploads. */
  const callerOa = (request: FastifyRequest) => state.oaOfToken(header(request, 'access_token'));
  const tokenFail = (code: number) =>
    fail(code, code === -220 ? 'Access token has expired' : 'Access token is invalid');

  registerGraphAndOauth(app, options);

  // --- openapi.zalo.me: the OA ---
  app.post('/openapi/v3.0/oa/message/cs', async (request) => {
    const tokenCode = oaToken(request);
    if (tokenCode) return tokenFail(tokenCode);
    const body = (request.body ?? {}) as Body;
    const userId = String((body.recipient as Body | undefined)?.user_id ?? '');
    const text = (body.message as Body | undefined)?.text;
    const person = state.people.get(userId);
    // OA user ids are scoped to their OA: another OA's follower is no user of this one.
    if (!person || state.personOa(person) !== callerOa(request)) return fail(-201, 'user_id is invalid');
    const invalid = textError(text);
    if (invalid) return invalid;
    const since =
      person.lastInteraction === undefined ? Number.POSITIVE_INFINITY : Date.now() - person.lastInteraction;
    if (since > 7 * DAY_MS) return fail(-230, 'User has not interacted with the OA in the last 7 days');
    const sent = state.record({
      channel: 'cs',
      from: 'oa',
      oaId: callerOa(request),
      userId,
      text: String(text),
      billable: since > 2 * DAY_MS,
    });
    return ok({
      message_id: sent.messageId,
      user_id: userId,
      sent_time: String(sent.at),
      quota: { quota_type: 'reply', remain: '8', total: '8' },
    });
  });

  app.post('/openapi/v3.0/oa/message/template', async (request) => {
    const tokenCode = oaToken(request);
    if (tokenCode) return tokenFail(tokenCode);
    const body = (request.body ?? {}) as Body;
    if ('tracking_id' in body) return fail(-201, 'tracking_id is invalid');
    const userId = String(body.user_id ?? '');
    if (!state.people.has(userId)) return fail(-201, 'user_id is invalid');
    if (typeof body.template_id !== 'string' || !body.template_id)
      return fail(-201, 'template_id is invalid');
    if (state.templateQuota.used >= state.templateQuota.daily) return fail(-211, 'Out of quota');
    state.templateQuota.used++;
    const text = `[${body.template_id}] ${JSON.stringify(body.template_data ?? {})}`;
    const sent = state.record({
      channel: 'template',
      from: 'oa',
      userId,
      text,
      templateId: body.template_id,
    });
    const remain = String(state.templateQuota.daily - state.templateQuota.used);
    return ok({
      message_id: sent.messageId,
      sent_time: String(sent.at),
      quota: { quota_type: 'template', remain },
    });
  });

  app.post('/openapi/v3.0/oa/group/message', async (request) => {
    const tokenCode = oaToken(request);
    if (tokenCode) return tokenFail(tokenCode);
    const body = (request.body ?? {}) as Body;
    const groupId = String((body.recipient as Body | undefined)?.group_id ?? '');
    const group = state.groups.get(groupId);
    if (!group?.oaGroup || state.groupOa(group) !== callerOa(request))
      return fail(-403, 'OA is not in the group');
    if (group.status === 'disabled') return fail(-237, 'Group is disabled');
    const message = (body.message ?? {}) as Body;
    const text = message.text;
    let image: { type: 'image'; attachmentId: string } | undefined;
    if (message.attachment !== undefined) {
      // The media template, as documented: one image by the attachment_id of an earlier upload.
      const attachment = message.attachment as Body;
      const payload = (attachment.payload ?? {}) as Body;
      const elements = payload.elements as Body[] | undefined;
      const element = elements?.[0];
      if (attachment.type !== 'template' || payload.template_type !== 'media' || elements?.length !== 1)
        return fail(-201, 'attachment is invalid');
      if (element?.media_type !== 'image') return fail(-201, 'media_type is invalid');
      const attachmentId = String(element.attachment_id ?? '');
      const upload = state.uploads.get(attachmentId);
      if (!upload || (upload.oaId ?? state.oaId) !== callerOa(request))
        return fail(-100, 'attachment_id was expired');
      image = { type: 'image', attachmentId };
      if (text !== undefined && (typeof text !== 'string' || zaloTextLength(text) > ZALO_TEXT_MAX_CHARS))
        return fail(-210, 'Parameter exceeds the limit');
    } else {
      const invalid = textError(text);
      if (invalid) return invalid;
    }
    const held = request.simHangMs ? { answerHeld: true } : {};
    const sent = state.record({
      channel: 'group',
      from: 'oa',
      oaId: callerOa(request),
      groupId,
      text: String(text ?? ''),
      ...(image ? { attachment: image } : {}),
      ...held,
    });
    return ok({ message_id: sent.messageId, group_id: groupId });
  });

  app.get('/openapi/v3.0/oa/group/getgroupsofoa', async (request) => {
    const tokenCode = oaToken(request);
    if (tokenCode) return tokenFail(tokenCode);
    const query = request.query as { offset?: string; count?: string };
    const oaId = callerOa(request);
    const all = [...state.groups.values()].filter((group) => group.oaGroup && state.groupOa(group) === oaId);
    const offset = Number(query.offset ?? 0) || 0;
    const page = all.slice(offset, offset + (Number(query.count ?? 5) || 5));
    const groups = page.map((group) => ({
      group_id: group.groupId,
      name: group.name,
      status: group.status,
      total_member: group.memberIds.length + 1,
      group_link: `https://zalo.me/g/sim${group.groupId.slice(-6)}`,
    }));
    return ok({ total: all.length, groups });
  });

  app.post('/openapi/v2.0/oa/upload/image', { bodyLimit: 2 * 1024 * 1024 }, async (request) => {
    const tokenCode = oaToken(request);
    if (tokenCode) return tokenFail(tokenCode);
    const body = request.body as Buffer | undefined;
    const file = Buffer.isBuffer(body)
      ? multipartFile(body, String(request.headers['content-type'] ?? ''))
      : undefined;
    if (!file) return fail(-201, 'file is invalid');
    // jpg/png only, at most 1 MB, judged by the bytes as Zalo would.
    const jpeg = file.bytes[0] === 0xff && file.bytes[1] === 0xd8;
    const png = file.bytes.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    if (!jpeg && !png) return fail(-201, 'file is invalid');
    if (file.bytes.length > 1024 * 1024) return fail(-210, 'File size exceeds the limit (1MB)');
    const attachmentId = `simatt_${state.newMessageId()}`;
    const uploader = callerOa(request);
    state.uploads.set(attachmentId, {
      ...(uploader === state.oaId ? {} : { oaId: uploader }),
      bytes: file.bytes.length,
      mimeType: jpeg ? 'image/jpeg' : 'image/png',
      sha256: createHash('sha256').update(file.bytes).digest('hex'),
    });
    return ok({ attachment_id: attachmentId });
  });

  app.post('/openapi/v3.0/oa/quota/message', async (request) => {
    const tokenCode = oaToken(request);
    if (tokenCode) return tokenFail(tokenCode);
    const person = state.people.get(String(((request.body ?? {}) as Body).user_id ?? ''));
    if (!person) return fail(-201, 'user_id is invalid');
    return ok({
      ...(person.lastInteraction === undefined ? {} : { last_interaction: String(person.lastInteraction) }),
      cs_reply: { remain: '8', total: '8' },
    });
  });

  app.get('/openapi/v3.0/oa/user/detail', async (request) => {
    const tokenCode = oaToken(request);
    if (tokenCode) return tokenFail(tokenCode);
    let userId = '';
    try {
      userId = String(JSON.parse((request.query as { data?: string }).data ?? '{}').user_id ?? '');
    } catch {
      return fail(-201, 'data is invalid'); // Zalo answers a malformed data parameter the same way
    }
    const person = state.people.get(userId);
    if (!person) return fail(-201, 'user_id is invalid');
    const last = person.lastInteraction ? new Date(person.lastInteraction + 7 * 3_600_000) : undefined;
    const date = last
      ? `${String(last.getUTCDate()).padStart(2, '0')}/${String(last.getUTCMonth() + 1).padStart(2, '0')}/${last.getUTCFullYear()}`
      : undefined;
    return ok({
      user_id: person.oaUserId,
      user_id_by_app: person.appUserId,
      display_name: person.name,
      user_is_follower: person.follower,
      ...(date ? { user_last_interaction_date: date } : {}),
    });
  });

  app.get('/openapi/v2.0/oa/getoa', async (request) => {
    const tokenCode = oaToken(request);
    if (tokenCode) return tokenFail(tokenCode);
    const oaId = callerOa(request);
    const name = oaId === state.oaId ? state.oaName : `OA ${oaId}`;
    return ok({ oa_id: oaId, name, is_verified: true, package_name: 'Nâng cao' });
  });

  app.get('/openapi/v2.0/oa/conversation', async (request) => {
    const tokenCode = oaToken(request);
    if (tokenCode) return tokenFail(tokenCode);
    let data: { user_id?: unknown; offset?: unknown; count?: unknown };
    try {
      data = JSON.parse(String((request.query as { data?: string }).data ?? '{}'));
    } catch {
      return fail(-201, 'data is invalid');
    }
    const userId = String(data.user_id ?? '');
    const person = state.people.get(userId);
    if (!person || state.personOa(person) !== callerOa(request)) return fail(-201, 'user_id is invalid');
    const offset = Number(data.offset ?? 0) || 0;
    const count = Math.min(50, Number(data.count ?? 10) || 10);
    const rows = (state.byUser.get(userId) ?? [])
      .filter((m) => m.channel === 'cs' || m.channel === 'user')
      .slice()
      .reverse()
      .slice(offset, offset + count);
    return ok(
      rows.map((m) => ({
        message_id: m.messageId,
        src: m.from === 'oa' ? 0 : 1,
        time: m.at,
        type: m.attachment ? m.attachment.type : 'text',
        message: m.text,
      })),
    );
  });

  app.get(`/openapi${options.recentGroupMessagesPath}`, async (request) => {
    const tokenCode = oaToken(request);
    if (tokenCode) return tokenFail(tokenCode);
    const query = request.query as { group_id?: string; offset?: string; count?: string };
    const group = state.groups.get(query.group_id ?? '');
    if (!group?.oaGroup || state.groupOa(group) !== callerOa(request))
      return fail(-403, 'OA is not in the group');
    const fromOa = (state.byGroup.get(query.group_id ?? '') ?? []).filter((m) => m.from === 'oa');
    const offset = Number(query.offset ?? 0) || 0;
    const rows = fromOa
      .slice()
      .reverse()
      .slice(offset, offset + (Number(query.count ?? 10) || 10));
    return ok(rows.map((m) => groupListing(m, state.groupImageCaptionField)));
  });

  // --- business.openapi.zalo.me: ZNS/ZBS template by phone ---
  app.post('/business/message/template', async (request) => {
    const tokenCode = oaToken(request);
    if (tokenCode) return fail(-124, 'Access token is invalid');
    const body = (request.body ?? {}) as Body;
    const phone = String(body.phone ?? '');
    if (!/^84[0-9]{9,10}$/.test(phone)) return fail(-108, 'Phone number is invalid');
    if (typeof body.template_id !== 'string' || !body.template_id)
      return fail(-109, 'Template id is invalid');
    if (typeof body.tracking_id !== 'string' || !body.tracking_id)
      return fail(-1122, 'tracking_id is missing');
    if (![...state.people.values()].some((person) => person.phone === phone))
      return fail(-114, 'User cannot receive');
    if (state.znsQuota.used >= state.znsQuota.daily) return fail(-144, 'Daily quota exceeded');
    state.znsQuota.used++;
    const text = `[${body.template_id}] ${JSON.stringify(body.template_data ?? {})}`;
    const sent = state.record({ channel: 'zns', from: 'oa', phone, text, templateId: body.template_id });
    return ok({
      msg_id: sent.messageId,
      sent_time: String(sent.at),
      sending_mode: '1',
      quota: {
        dailyQuota: String(state.znsQuota.daily),
        remainingQuota: String(state.znsQuota.daily - state.znsQuota.used),
      },
    });
  });
}
