/**
 * The documented request and response shape of every Zalo endpoint we use (see the Zalo reference for
 * sources). The client is tested to send these requests and the simulator to answer these responses,
 * so neither can drift from the documentation without a test failing.
 * Ids and timestamps are strings: Zalo's ids exceed 2^53.
 */
import { ZALO_TEXT_MAX_CHARS } from '@loa/shared';
import { Type as T, type TSchema } from '@sinclair/typebox';

const Id = T.String({ pattern: '^[0-9]+$' });
const Ms = T.String({ pattern: '^[0-9]+$' });
const Ok = { error: T.Literal(0), message: T.String() };
const TextMessage = T.Object({ text: T.String({ minLength: 1, maxLength: ZALO_TEXT_MAX_CHARS }) });
/**
 * An image with a caption (the "media" template, as for consultation messages): the image by the
 * attachment_id of an upload (POST /v2.0/oa/upload/image), the post's text as the caption.
 */
const MediaMessage = T.Object({
  text: T.Optional(T.String({ maxLength: ZALO_TEXT_MAX_CHARS })),
  attachment: T.Object({
    type: T.Literal('template'),
    payload: T.Object({
      template_type: T.Literal('media'),
      elements: T.Array(
        T.Object({ media_type: T.Literal('image'), attachment_id: T.String({ minLength: 1 }) }),
        { minItems: 1, maxItems: 1 },
      ),
    }),
  }),
});
const Quota = T.Object({ quota_type: T.String(), remain: T.String(), total: T.Optional(T.String()) });
const OaToken = T.Object({ access_token: T.String({ minLength: 1 }) });

export interface Endpoint {
  host: 'openapi' | 'graph' | 'oauth' | 'business';
  method: 'GET' | 'POST';
  path: string;
  headers: TSchema;
  query?: TSchema;
  body?: TSchema;
  response: TSchema;
}

export const contract = {
  graphMe: {
    host: 'graph',
    method: 'GET',
    path: '/v2.0/me',
    headers: T.Object({
      access_token: T.String({ minLength: 1 }),
      appsecret_proof: T.String({ pattern: '^[0-9a-f]{64}$' }),
    }),
    query: T.Object({ fields: T.String() }),
    response: T.Object({
      ...Ok,
      id: Id,
      name: T.String(),
      picture: T.Optional(T.Object({ data: T.Object({ url: T.String() }) })),
      user_id_by_oa: T.Optional(Id),
      is_follower: T.Optional(T.Boolean()),
    }),
  },
  graphMeInfo: {
    host: 'graph',
    method: 'GET',
    path: '/v2.0/me/info',
    headers: T.Object({
      access_token: T.String({ minLength: 1 }),
      code: T.String({ minLength: 1 }),
      secret_key: T.String({ minLength: 1 }),
    }),
    // Phone: data.number; location (UNCONFIRMED): data.latitude/longitude as strings or numbers.
    response: T.Object({
      ...Ok,
      data: T.Union([
        T.Object({ number: T.String({ pattern: '^[0-9]+$' }) }),
        T.Object({
          latitude: T.Union([T.String(), T.Number()]),
          longitude: T.Union([T.String(), T.Number()]),
          timestamp: T.Optional(T.Union([T.String(), T.Number()])),
          provider: T.Optional(T.String()),
        }),
      ]),
    }),
  },
  oaTokenRefresh: {
    host: 'oauth',
    method: 'POST',
    path: '/v4/oa/access_token',
    headers: T.Object({
      secret_key: T.String({ minLength: 1 }),
      'content-type': T.Literal('application/x-www-form-urlencoded'),
    }),
    body: T.Object({
      refresh_token: T.String({ minLength: 1 }),
      app_id: Id,
      grant_type: T.Literal('refresh_token'),
    }),
    response: T.Object({
      access_token: T.String({ minLength: 1 }),
      refresh_token: T.String({ minLength: 1 }),
      expires_in: Ms,
    }),
  },
  sendConsultation: {
    host: 'openapi',
    method: 'POST',
    path: '/v3.0/oa/message/cs',
    headers: OaToken,
    body: T.Object({ recipient: T.Object({ user_id: Id }), message: TextMessage }),
    response: T.Object({
      ...Ok,
      data: T.Object({
        message_id: T.String({ minLength: 1 }),
        user_id: Id,
        sent_time: T.Optional(Ms),
        quota: T.Optional(Quota),
      }),
    }),
  },
  sendTemplate: {
    host: 'openapi',
    method: 'POST',
    path: '/v3.0/oa/message/template',
    headers: OaToken,
    body: T.Object(
      {
        user_id: Id,
        template_id: T.String({ minLength: 1 }),
        template_data: T.Record(T.String(), T.String()),
      },
      { additionalProperties: false }, // tracking_id is rejected on this endpoint
    ),
    response: T.Object({
      ...Ok,
      data: T.Object({
        message_id: T.String({ minLength: 1 }),
        sent_time: T.Optional(Ms),
        quota: T.Optional(Quota),
      }),
    }),
  },
  sendGroup: {
    host: 'openapi',
    method: 'POST',
    path: '/v3.0/oa/group/message',
    headers: OaToken,
    body: T.Object({ recipient: T.Object({ group_id: Id }), message: T.Union([TextMessage, MediaMessage]) }),
    response: T.Object({ ...Ok, data: T.Object({ message_id: T.String({ minLength: 1 }), group_id: Id }) }),
  },
  groupsOfOa: {
    host: 'openapi',
    method: 'GET',
    path: '/v3.0/oa/group/getgroupsofoa',
    headers: OaToken,
    query: T.Object({ offset: T.String(), count: T.String() }),
    response: T.Object({
      ...Ok,
      data: T.Object({
        total: T.Integer(),
        groups: T.Array(
          T.Object({
            group_id: Id,
            name: T.String(),
            status: T.String(),
            total_member: T.Integer(),
            group_link: T.Optional(T.String()),
          }),
        ),
      }),
    }),
  },
  uploadImage: {
    host: 'openapi',
    method: 'POST',
    path: '/v2.0/oa/upload/image',
    headers: T.Object({
      access_token: T.String({ minLength: 1 }),
      'content-type': T.String({ pattern: '^multipart/form-data; boundary=' }),
    }),
    response: T.Object({ ...Ok, data: T.Object({ attachment_id: T.String({ minLength: 1 }) }) }),
  },
  quotaMessage: {
    host: 'openapi',
    method: 'POST',
    path: '/v3.0/oa/quota/message',
    headers: OaToken,
    body: T.Object({ user_id: Id }),
    response: T.Object({
      ...Ok,
      data: T.Object({
        last_interaction: T.Optional(Ms),
        cs_reply: T.Optional(T.Object({ remain: T.String(), total: T.String() })),
      }),
    }),
  },
  userDetail: {
    host: 'openapi',
    method: 'GET',
    path: '/v3.0/oa/user/detail',
    headers: OaToken,
    query: T.Object({ data: T.String() }),
    response: T.Object({
      ...Ok,
      data: T.Object({
        user_id: Id,
        user_id_by_app: T.Optional(Id),
        display_name: T.String(),
        user_is_follower: T.Boolean(),
        user_last_interaction_date: T.Optional(T.String({ pattern: '^\\d{2}/\\d{2}/\\d{4}$' })),
      }),
    }),
  },
  getOa: {
    host: 'openapi',
    method: 'GET',
    path: '/v2.0/oa/getoa',
    headers: OaToken,
    response: T.Object({
      ...Ok,
      data: T.Object({
        oa_id: Id,
        name: T.String(),
        is_verified: T.Boolean(),
        package_name: T.Optional(T.String()),
      }),
    }),
  },
  znsByPhone: {
    host: 'business',
    method: 'POST',
    path: '/message/template',
    headers: OaToken,
    body: T.Object({
      phone: T.String({ pattern: '^84[0-9]{9,10}$' }),
      template_id: T.String({ minLength: 1 }),
      template_data: T.Record(T.String(), T.String()),
      tracking_id: T.String({ minLength: 1, maxLength: 48 }),
    }),
    response: T.Object({
      ...Ok,
      data: T.Object({
        msg_id: T.String({ minLength: 1 }),
        sent_time: Ms,
        quota: T.Optional(T.Object({ dailyQuota: T.String(), remainingQuota: T.String() })),
      }),
    }),
  },
  // The OA's 1:1 conversation with a user, newest first (v2.0 is still current for it): how a
  // consultation reply whose answer was lost is found before anything is sent again.
  userConversation: {
    host: 'openapi',
    method: 'GET',
    path: '/v2.0/oa/conversation',
    headers: OaToken,
    query: T.Object({ data: T.String({ minLength: 2 }) }),
    response: T.Object({
      ...Ok,
      data: T.Array(
        T.Object({
          message_id: T.String(),
          src: T.Integer({ description: '0: the OA sent it, 1: the user did' }),
          time: T.Integer(),
          type: T.String(),
          message: T.String(),
        }),
      ),
    }),
  },
  // UNCONFIRMED: path is configuration (ZALO_RECENT_GROUP_MESSAGES_PATH); shape modelled on OA conversation.
  recentGroupMessages: {
    host: 'openapi',
    method: 'GET',
    path: '/v3.0/oa/group/conversation',
    headers: OaToken,
    query: T.Object({ group_id: Id, offset: T.String(), count: T.String() }),
    response: T.Object({
      ...Ok,
      data: T.Array(
        T.Object({
          message_id: T.String(),
          message: T.String(),
          time: T.Integer(),
          src: T.Integer(),
          type: T.Optional(T.String()),
          // UNCONFIRMED: a photo's caption may be here rather than in `message` (a third-party SDK
          // reads it from here); ZALO_GROUP_MESSAGE_TEXT_FIELDS names the fields searched.
          description: T.Optional(T.String()),
        }),
      ),
    }),
  },
} satisfies Record<string, Endpoint>;

export type EndpointName = keyof typeof contract;

/** Failure envelope: HTTP 200 with error != 0 (OAuth adds error_name/error_description). */
export const ErrorEnvelope = T.Object({
  error: T.Integer(),
  message: T.Optional(T.String()),
  error_name: T.Optional(T.String()),
  error_description: T.Optional(T.String()),
});
