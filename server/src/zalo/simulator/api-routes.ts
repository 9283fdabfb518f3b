/**
 * The simulator's own JSON API (development, tests, benchmarks): recorded messages, faults, people
 * and their tokens, and "this person writes something".
 */
import { ZALO_TEXT_MAX_CHARS } from '@loa/shared';
import { Type as T } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../errors.js';
import type { SimPeople } from './people.js';
import type { SimMessage, SimState } from './state.js';

const FaultRule = T.Object({
  endpoint: T.Optional(T.String()),
  type: T.Union([
    T.Literal('http_5xx'),
    T.Literal('timeout_after_accept'),
    T.Literal('error'),
    T.Literal('latency'),
  ]),
  code: T.Optional(T.Integer()),
  probability: T.Optional(T.Number({ minimum: 0, maximum: 1 })),
  count: T.Optional(T.Integer({ minimum: 1 })),
  latencyMs: T.Optional(T.Integer({ minimum: 0, maximum: 60_000 })),
  hangMs: T.Optional(T.Integer({ minimum: 0, maximum: 120_000 })),
  everyMs: T.Optional(T.Integer({ minimum: 1 })),
  forMs: T.Optional(T.Integer({ minimum: 0 })),
});
const NewGroups = T.Object({
  groups: T.Array(
    T.Object({
      groupId: T.String({ minLength: 1, maxLength: 64 }),
      name: T.String({ minLength: 1, maxLength: 200 }),
      status: T.Optional(T.Union([T.Literal('enabled'), T.Literal('disabled')])),
      /** The OA that created it, when not the default one (a second ward's). */
      oaId: T.Optional(T.String({ pattern: '^[0-9]{1,30}$' })),
    }),
    { maxItems: 10_000 },
  ),
});
const NewPeople = T.Object({
  people: T.Array(
    T.Object({
      oaUserId: T.String({ pattern: '^[0-9]{1,30}$' }),
      name: T.String({ minLength: 1, maxLength: 200 }),
      oaId: T.Optional(T.String({ pattern: '^[0-9]{1,30}$' })),
      role: T.Optional(T.String({ maxLength: 40 })),
      unitName: T.Optional(T.String({ maxLength: 200 })),
      memberId: T.Optional(T.String()),
    }),
    { maxItems: 20_000 },
  ),
});
const Say = T.Object({
  text: T.Optional(T.String({ maxLength: ZALO_TEXT_MAX_CHARS })),
  image: T.Optional(T.Object({ base64: T.Optional(T.String()) })),
  location: T.Optional(T.Object({ latitude: T.Number(), longitude: T.Number() })),
});

const view = (message: SimMessage) => ({ ...message, sentAt: new Date(message.at).toISOString() });

export default async function simulatorApi(
  app: FastifyInstance,
  options: { state: SimState; people: SimPeople; reseed: () => Promise<void> },
) {
  const { state, people } = options;
  const person = (id: string) => {
    const found = state.findPerson(id);
    if (!found) throw new AppError('NOT_FOUND', 'Không có người này trong trình giả lập.');
    return found;
  };
  const tags = ['simulator'];

  app.get(
    '/api/messages',
    {
      schema: {
        tags,
        querystring: T.Object({
          groupId: T.Optional(T.String()),
          userId: T.Optional(T.String()),
          since: T.Optional(T.String()),
          limit: T.Optional(T.Integer({ minimum: 1, maximum: 100_000 })),
        }),
      },
    },
    async (request) => {
      const { groupId, userId, since, limit } = request.query as {
        groupId?: string;
        userId?: string;
        since?: string;
        limit?: number;
      };
      let list = groupId
        ? (state.byGroup.get(groupId) ?? [])
        : userId
          ? (state.byUser.get(userId) ?? [])
          : state.messages;
      if (since) {
        const from = Date.parse(since);
        list = list.filter((message) => message.at >= from);
      }
      return { messages: list.slice(-(limit ?? 1000)).map(view) };
    },
  );

  app.post(
    '/api/faults',
    { schema: { tags, body: T.Object({ seed: T.Optional(T.Integer()), rules: T.Array(FaultRule) }) } },
    async (request) => {
      const { seed, rules } = request.body as { seed?: number; rules: [] };
      state.setFaults(rules, seed);
      return { faults: state.faults };
    },
  );
  app.delete('/api/faults', { schema: { tags } }, async () => {
    state.setFaults([]);
    return { faults: [] };
  });

  app.get('/api/stats', { schema: { tags } }, async () => ({
    requests: state.requests,
    rateLimited: state.rateLimited,
    faultsFired: state.faultsFired,
    refreshRequests: state.refreshRequests,
    messages: state.messages.length,
  }));
  app.post(
    '/api/oa-token/expire',
    { schema: { tags, body: T.Optional(T.Object({ oaId: T.Optional(T.String()) })) } },
    async (request) => {
      state.expireOaTokens((request.body as { oaId?: string } | undefined)?.oaId);
      return { ok: true };
    },
  );
  // An OA admin's consent for another OA (a second ward's): the pair to store with ward:connect-oa.
  app.post(
    '/api/oa-grants',
    { schema: { tags, body: T.Object({ oaId: T.String({ pattern: '^[0-9]{1,30}$' }) }) } },
    async (request) => state.issueOaGrant((request.body as { oaId: string }).oaId),
  );
  app.post('/api/reset', { schema: { tags } }, async () => {
    await options.reseed();
    return { people: state.people.size, groups: state.groups.size };
  });

  // The development login: seeded people by unit, and mini-app tokens for one of them.
  app.get('/api/people', { schema: { tags } }, async () => {
    const units = new Map<string, { unitName: string; people: object[] }>();
    for (const p of state.people.values()) {
      const unit = units.get(p.unitName) ?? { unitName: p.unitName, people: [] };
      unit.people.push({ memberId: p.memberId ?? null, oaUserId: p.oaUserId, name: p.name, role: p.role });
      units.set(p.unitName, unit);
    }
    return { units: [...units.values()] };
  });
  app.post(
    '/api/people/:id/tokens',
    { schema: { tags, params: T.Object({ id: T.String() }) } },
    async (request) => {
      const p = person((request.params as { id: string }).id);
      return {
        accessToken: state.issueUserToken(p),
        phoneToken: state.issueCode(p, 'phone'),
        locationToken: state.issueCode(p, 'location'),
      };
    },
  );
  // A Zalo user the simulator did not know: someone opening a sign-in link for a ward that is not the
  // seeded one (a new ward's first admin, a member of a second ward). Tokens as for a seeded person.
  app.post(
    '/api/people',
    {
      schema: {
        tags,
        body: T.Object({
          name: T.String({ minLength: 1, maxLength: 120 }),
          phone: T.Optional(T.String({ pattern: '^84[0-9]{9,10}$' })),
        }),
      },
    },
    async (request) => {
      const { name, phone } = request.body as { name: string; phone?: string };
      const n = String(state.people.size + 1).padStart(6, '0');
      const stamp = String(Date.now()).slice(-6);
      const p = {
        oaUserId: `66${stamp}0000${n}`,
        appUserId: `55${stamp}0000${n}`,
        name,
        phone: phone ?? `8490${stamp}${n.slice(-1)}`,
        role: 'resident',
        unitName: 'Người dùng Zalo',
        lastInteraction: undefined,
        follower: false,
        location: { latitude: 10.9419, longitude: 107.1408 },
      };
      state.people.set(p.oaUserId, p);
      return {
        oaUserId: p.oaUserId,
        accessToken: state.issueUserToken(p),
        phoneToken: state.issueCode(p, 'phone'),
      };
    },
  );
  app.post(
    '/api/people/:id/interaction',
    {
      schema: {
        tags,
        params: T.Object({ id: T.String() }),
        body: T.Object({ daysAgo: T.Union([T.Number({ minimum: 0 }), T.Null()]) }),
      },
    },
    async (request) => {
      const p = person((request.params as { id: string }).id);
      const { daysAgo } = request.body as { daysAgo: number | null };
      p.lastInteraction = daysAgo === null ? undefined : Date.now() - daysAgo * 86_400_000;
      return { oaUserId: p.oaUserId, lastInteraction: p.lastInteraction ?? null };
    },
  );

  // People beyond the seeded ward's (a second ward's, a benchmark's thousands). Kept until reset.
  app.post('/api/people/batch', { schema: { tags, body: NewPeople } }, async (request) => {
    const { people: added } = request.body as {
      people: {
        oaUserId: string;
        name: string;
        oaId?: string;
        role?: string;
        unitName?: string;
        memberId?: string;
      }[];
    };
    for (const p of added) {
      state.people.set(p.oaUserId, {
        oaUserId: p.oaUserId,
        appUserId: `77${p.oaUserId}`,
        name: p.name,
        phone: '',
        role: p.role ?? 'resident',
        unitName: p.unitName ?? 'Cư dân',
        lastInteraction: undefined,
        follower: true,
        location: { latitude: 10.94, longitude: 107.14 },
        ...(p.memberId ? { memberId: p.memberId } : {}),
        ...(p.oaId ? { oaId: p.oaId } : {}),
      });
    }
    return { people: state.people.size };
  });

  // A simulated person writes: recorded, then a signed webhook to /webhooks/zalo.
  app.post(
    '/api/users/:id/say',
    { schema: { tags, params: T.Object({ id: T.String() }), body: Say } },
    async (request) => {
      const p = person((request.params as { id: string }).id);
      const input = request.body as {
        text?: string;
        image?: { base64?: string };
        location?: { latitude: number; longitude: number };
      };
      if (!input.text && !input.image && !input.location)
        throw new AppError('VALIDATION_FAILED', 'Nhập nội dung, ảnh hoặc vị trí.');
      const { message, webhookStatus } = await people.sayToOa(p, input);
      return { message: view(message), webhookStatus };
    },
  );
  app.post(
    '/api/groups/:id/say',
    {
      schema: {
        tags,
        params: T.Object({ id: T.String() }),
        body: T.Object({
          userId: T.String(),
          text: T.String({ minLength: 1, maxLength: ZALO_TEXT_MAX_CHARS }),
        }),
      },
    },
    async (request) => {
      const groupId = (request.params as { id: string }).id;
      if (!state.groups.has(groupId))
        throw new AppError('NOT_FOUND', 'Không có nhóm này trong trình giả lập.');
      const { userId, text } = request.body as { userId: string; text: string };
      return { message: view(await people.sayInGroup(person(userId), groupId, text)) };
    },
  );
  // Groups the OA created (GMF) beyond the seeded ward's, e.g. a benchmark's thousands. Kept until reset.
  app.post('/api/groups', { schema: { tags, body: NewGroups } }, async (request) => {
    const { groups } = request.body as {
      groups: { groupId: string; name: string; status?: 'enabled' | 'disabled'; oaId?: string }[];
    };
    for (const { oaId, ...group } of groups) {
      const memberIds = state.groups.get(group.groupId)?.memberIds ?? [];
      state.groups.set(group.groupId, {
        ...group,
        ...(oaId && oaId !== state.oaId ? { oaId } : {}),
        oaGroup: true,
        status: group.status ?? 'enabled',
        memberIds,
      });
    }
    return { groups: state.groups.size };
  });
  app.get('/api/groups', { schema: { tags } }, async () => ({
    groups: [...state.groups.values()].map((group) => ({
      ...group,
      messageCount: state.byGroup.get(group.groupId)?.length ?? 0,
    })),
  }));

  // The "CDN" behind attachment URLs of simulated photos.
  app.get(
    '/media/:name',
    { schema: { tags, params: T.Object({ name: T.String({ pattern: '^[0-9]+\\.jpg$' }) }) } },
    async (request, reply) => {
      const bytes = people.media.get((request.params as { name: string }).name);
      if (!bytes) throw new AppError('NOT_FOUND', 'Ảnh không còn trên máy chủ giả lập.');
      return reply.type('image/jpeg').send(bytes);
    },
  );
}
