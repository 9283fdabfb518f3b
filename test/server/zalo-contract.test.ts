import { Value } from '@sinclair/typebox/value';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZaloClient } from '../../server/src/zalo/client.js';
import { contract, type Endpoint, ErrorEnvelope } from '../../server/src/zalo/contract.js';
import { parseZaloJson } from '../../server/src/zalo/json.js';
import { injectTransport, type Transport, type TransportRequest } from '../../server/src/zalo/transport.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { KP1_GROUP, personWhere, seededSim, simTokens } from '../helpers/zalo.js';

interface Exchange {
  request: TransportRequest;
  status: number;
  text: string;
}

/** Which documented endpoint a request went to. */
function endpointOf(url: string, recentPath: string): [string, Endpoint] {
  const { pathname } = new URL(url);
  const match = Object.entries(contract).find(([name, endpoint]) => {
    const path = name === 'recentGroupMessages' ? recentPath : endpoint.path;
    return pathname.endsWith(`/${endpoint.host}${path}`);
  });
  if (!match) throw new Error(`no contract entry for ${pathname}`);
  return match as [string, Endpoint];
}

function bodyOf(request: TransportRequest): unknown {
  if (typeof request.body !== 'string') return undefined;
  if (request.headers['content-type'] === 'application/x-www-form-urlencoded') {
    return Object.fromEntries(new URLSearchParams(request.body));
  }
  return JSON.parse(request.body);
}

const errorsOf = (schema: Parameters<typeof Value.Errors>[0], value: unknown) =>
  [...Value.Errors(schema, value)].map((e) => `${e.path} ${e.message}`);

describe('the Zalo contract: the client sends and the simulator answers the documented shapes', () => {
  let t: TestApp;
  const exchanges: Exchange[] = [];
  let client: ZaloClient;

  beforeAll(async () => {
    t = await buildTestApp({ seed: true });
    const sim = await seededSim(t.app);
    const inner = injectTransport(t.app);
    const recording: Transport = async (request) => {
      const response = await inner(request);
      exchanges.push({ request, status: response.status, text: response.text });
      return response;
    };
    client = new ZaloClient(t.app.config.zalo, recording, t.app.zalo.tokens);
    const person = personWhere(
      sim,
      (p) => p.lastInteraction !== undefined && Date.now() - p.lastInteraction < 86_400_000 * 1.5,
    );
    const tokens = await simTokens(t.app, person.oaUserId);
    await client.graph.getMe(tokens.accessToken);
    await client.graph.getPhoneNumber(tokens.accessToken, tokens.phoneToken);
    await client.graph.getLocation(tokens.accessToken, tokens.locationToken);
    await t.app.zalo.tokens.getAccessToken(); // stores the first grant
    const { rows } = await t.app.db.pool.query<{ refresh_token: string }>(
      'SELECT refresh_token FROM oa_tokens',
    );
    const pair = await client.refreshOaToken(rows[0]!.refresh_token);
    await t.app.db.pool.query('UPDATE oa_tokens SET access_token = $1, refresh_token = $2', [
      pair.accessToken,
      pair.refreshToken,
    ]);
    await client.oa.sendConsultationText(person.oaUserId, 'Chào anh/chị');
    await client.oa.sendTemplateByUserId(person.oaUserId, '412345', { ten: person.name });
    await client.oa.sendGroupText(KP1_GROUP, 'Chào bà con');
    await client.oa.getGroupsOfOa();
    await client.oa.uploadImage(Buffer.from([0xff, 0xd8, 0xff, 0xd9]), 'a.jpg', 'image/jpeg');
    await client.oa.getMessageQuota(person.oaUserId);
    await client.oa.getUserDetail(person.oaUserId);
    await client.oa.getOa();
    await client.oa.sendZnsByPhone(person.phone, '412345', { ten: person.name }, 'track-1');
    await client.oa.listRecentGroupMessages(KP1_GROUP, 5);
    await client.oa.listRecentUserMessages(person.oaUserId, 5);
  });
  afterAll(() => t?.close());

  it('exercised every endpoint in the contract', () => {
    const used = new Set(
      exchanges.map((e) => endpointOf(e.request.url, t.app.config.zalo.recentGroupMessagesPath)[0]),
    );
    expect([...used].sort()).toEqual(Object.keys(contract).sort());
  });

  it('every request matches its documented method, headers, query and body', () => {
    for (const { request } of exchanges) {
      const [name, endpoint] = endpointOf(request.url, t.app.config.zalo.recentGroupMessagesPath);
      expect(request.method, name).toBe(endpoint.method);
      expect(errorsOf(endpoint.headers, request.headers), `${name} headers`).toEqual([]);
      if (endpoint.query) {
        const query = Object.fromEntries(new URL(request.url).searchParams);
        expect(errorsOf(endpoint.query, query), `${name} query`).toEqual([]);
      }
      if (endpoint.body) expect(errorsOf(endpoint.body, bodyOf(request)), `${name} body`).toEqual([]);
    }
  });

  it('every simulator answer matches its documented response shape', () => {
    for (const exchange of exchanges) {
      const [name, endpoint] = endpointOf(exchange.request.url, t.app.config.zalo.recentGroupMessagesPath);
      expect(exchange.status, name).toBe(200);
      expect(errorsOf(endpoint.response, parseZaloJson(exchange.text)), `${name} response`).toEqual([]);
    }
  });

  it('failures use Zalo’s envelope: HTTP 200 with a non-zero error', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/sim/openapi/v3.0/oa/group/message',
      headers: { access_token: 'nope' },
      payload: {},
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(Value.Check(ErrorEnvelope, body)).toBe(true);
    expect(body.error).toBe(-216);
  });
});

describe('big-id JSON parsing', () => {
  it('keeps integers beyond 2^53 exact and leaves strings and small numbers alone', () => {
    const parsed = parseZaloJson(
      '{"id":9007199254740993123,"t":"a:12345678901234567,","n":42,"f":1.5e3,"l":[-1234567890123456789]}',
    ) as Record<string, unknown>;
    expect(parsed).toEqual({
      id: '9007199254740993123',
      t: 'a:12345678901234567,',
      n: 42,
      f: 1500,
      l: ['-1234567890123456789'],
    });
  });
});
