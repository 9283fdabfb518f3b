import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ZaloClient } from '../../server/src/zalo/client.js';
import { ZaloApiError } from '../../server/src/zalo/errors.js';
import { fetchTransport } from '../../server/src/zalo/transport.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { KP1_GROUP, personWhere, seededSim, setFaults, simTokens } from '../helpers/zalo.js';

const DAY = 86_400_000;

async function failure(promise: Promise<unknown>): Promise<ZaloApiError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ZaloApiError);
  return error as ZaloApiError;
}

describe('Zalo client against the simulator', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ seed: true, env: { ZALO_TIMEOUT_MS: '300' } });
    await seededSim(t.app);
  });
  afterAll(() => t.close());
  beforeEach(() => setFaults(t.app, []));

  const sim = () => t.app.zalo.simulator!;
  const recent = () =>
    personWhere(sim(), (p) => p.lastInteraction !== undefined && Date.now() - p.lastInteraction < DAY * 1.5);

  it('verifies a mini-app token (graph /v2.0/me) and keeps the big ids exact', async () => {
    const person = recent();
    const { accessToken } = await simTokens(t.app, person.oaUserId);
    const me = await t.app.zalo.graph.getMe(accessToken);
    expect(me).toEqual({ id: person.appUserId, name: person.name, idByOA: person.oaUserId });
    const bad = await failure(t.app.zalo.graph.getMe('not-a-token'));
    expect(bad.kind).toBe('token');
    expect(bad.code).toBe(452);
  });

  it('exchanges phone and location tokens once each', async () => {
    const person = recent();
    const tokens = await simTokens(t.app, person.oaUserId);
    expect(await t.app.zalo.graph.getPhoneNumber(tokens.accessToken, tokens.phoneToken)).toBe(person.phone);
    const reused = await failure(t.app.zalo.graph.getPhoneNumber(tokens.accessToken, tokens.phoneToken));
    expect(reused.kind).toBe('permanent');
    const where = await t.app.zalo.graph.getLocation(tokens.accessToken, tokens.locationToken);
    expect(where.latitude).toBeCloseTo(person.location.latitude);
  });

  it('posts into an OA group; the message id beyond 2^53 matches what the simulator recorded', async () => {
    const sent = await t.app.zalo.oa.sendGroupText(KP1_GROUP, 'Chào bà con Khu phố 1');
    expect(BigInt(sent.messageId) > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
    const listed = await t.app.inject({ url: `/sim/api/messages?groupId=${KP1_GROUP}` });
    const last = listed.json().messages.at(-1);
    expect(last).toMatchObject({ messageId: sent.messageId, text: 'Chào bà con Khu phố 1', from: 'oa' });
  });

  it('refuses groups the OA did not create (-403) and dissolved groups (-237) as permanent, in Vietnamese', async () => {
    const notOa = await failure(t.app.zalo.oa.sendGroupText('local-5', 'x'));
    expect([notOa.kind, notOa.code]).toEqual(['permanent', -403]);
    sim().groups.get(KP1_GROUP)!.status = 'disabled';
    try {
      const dissolved = await failure(t.app.zalo.oa.sendGroupText(KP1_GROUP, 'x'));
      expect(dissolved.kind).toBe('permanent');
      expect(dissolved.explanation).toBe('Nhóm đã bị giải tán vì hết hạn gói (-237)');
    } finally {
      sim().groups.get(KP1_GROUP)!.status = 'enabled';
    }
  });

  it('applies the 7-day window (-230 unreachable) and marks 48 h–7 d consultation messages billable', async () => {
    const person = recent();
    const free = await t.app.zalo.oa.sendConsultationText(person.oaUserId, 'Nhắc việc');
    person.lastInteraction = Date.now() - 3 * DAY;
    const billed = await t.app.zalo.oa.sendConsultationText(person.oaUserId, 'Nhắc việc');
    const flags = sim()
      .messages.filter((m) => [free.messageId, billed.messageId].includes(m.messageId))
      .map((m) => m.billable);
    expect(flags).toEqual([false, true]);
    person.lastInteraction = Date.now() - 8 * DAY;
    const silent = await failure(t.app.zalo.oa.sendConsultationText(person.oaUserId, 'Nhắc việc'));
    expect([silent.kind, silent.code]).toEqual(['unreachable', -230]);
    person.lastInteraction = Date.now();
  });

  it('sends ZBS templates by user id and ZNS by phone, and reads quota, user, OA and groups', async () => {
    const person = recent();
    const byUid = await t.app.zalo.oa.sendTemplateByUserId(person.oaUserId, '412345', { ten: 'An' });
    const byPhone = await t.app.zalo.oa.sendZnsByPhone(
      `0${person.phone.slice(2)}`,
      '412345',
      { ten: 'An' },
      'rem-1',
    );
    expect(sim().messages.find((m) => m.messageId === byPhone.messageId)?.phone).toBe(person.phone);
    expect(byUid.messageId).not.toBe(byPhone.messageId);
    const quota = await t.app.zalo.oa.getMessageQuota(person.oaUserId);
    expect(quota.lastInteraction?.getTime()).toBe(person.lastInteraction);
    expect((await t.app.zalo.oa.getUserDetail(person.oaUserId)).displayName).toBe(person.name);
    expect((await t.app.zalo.oa.getOa()).oaId).toBe(sim().oaId);
    const groups = await t.app.zalo.oa.getGroupsOfOa();
    expect(groups.groups.map((g) => g.name)).toEqual([
      'Nhóm Zalo Khu phố 1',
      'Nhóm Zalo Khu phố 2',
      'Nhóm Zalo Khu phố 3',
    ]);
    const upload = await t.app.zalo.oa.uploadImage(
      Buffer.from([0xff, 0xd8, 0xff, 0xd9]),
      'a.jpg',
      'image/jpeg',
    );
    expect(upload.attachmentId).toMatch(/^simatt_/);
  });

  it('lists the OA’s recent group messages newest first (for reconciliation)', async () => {
    const a = await t.app.zalo.oa.sendGroupText(KP1_GROUP, 'Tin A');
    const b = await t.app.zalo.oa.sendGroupText(KP1_GROUP, 'Tin B');
    const list = await t.app.zalo.oa.listRecentGroupMessages(KP1_GROUP, 2);
    expect(list.map((m) => [m.messageId, m.texts])).toEqual([
      [b.messageId, ['Tin B']],
      [a.messageId, ['Tin A']],
    ]);
  });

  it('normalises to NFC, rejects over 2,000 characters before calling Zalo, strips mentions from relayed text', async () => {
    const nfd = 'Khu phố'.normalize('NFD');
    const sent = await t.app.zalo.oa.sendGroupText(KP1_GROUP, nfd);
    expect(sim().messages.find((m) => m.messageId === sent.messageId)?.text).toBe('Khu phố'.normalize('NFC'));
    const before = sim().requests;
    const long = await failure(t.app.zalo.oa.sendGroupText(KP1_GROUP, 'a'.repeat(2001)));
    expect([long.kind, long.code, sim().requests]).toEqual(['permanent', -210, before]);
    const relayed = await t.app.zalo.oa.sendRelayedGroupText(KP1_GROUP, `Mọi người [@${KP1_GROUP}] ơi`);
    expect(sim().messages.find((m) => m.messageId === relayed.messageId)?.text).toBe('Mọi người  ơi');
  });

  it('classifies HTTP 5xx as retryable, -32 as rate limited, a chosen code by its table', async () => {
    await setFaults(t.app, [{ endpoint: '/group/message', type: 'http_5xx', code: 503, count: 1 }]);
    const http = await failure(t.app.zalo.oa.sendGroupText(KP1_GROUP, 'x'));
    expect([http.kind, http.code]).toEqual(['retryable', 503]);
    await setFaults(t.app, [{ type: 'error', code: -32, count: 1 }]);
    const limited = await failure(t.app.zalo.oa.sendGroupText(KP1_GROUP, 'x'));
    expect([limited.kind, limited.code]).toEqual(['rate_limited', -32]);
    await setFaults(t.app, [{ type: 'error', code: -227, count: 1 }]);
    expect((await failure(t.app.zalo.oa.sendConsultationText(recent().oaUserId, 'x'))).kind).toBe(
      'unreachable',
    );
  });

  it('classifies a connection that never reached Zalo as retryable (nothing was sent)', async () => {
    const zalo = t.app.config.zalo;
    const offline = new ZaloClient(
      { ...zalo, urls: { ...zalo.urls, openapi: 'http://127.0.0.1:9' } },
      fetchTransport,
      t.app.zalo.tokens,
    );
    const error = await failure(offline.oa.sendGroupText(KP1_GROUP, 'x'));
    expect([error.kind, error.code]).toEqual(['retryable', 0]);
  });

  it('reports a timeout after the message was accepted as unknown, and the simulator did record it', async () => {
    await setFaults(t.app, [
      { endpoint: '/group/message', type: 'timeout_after_accept', hangMs: 600, count: 1 },
    ]);
    const before = sim().messages.length;
    const lost = await failure(t.app.zalo.oa.sendGroupText(KP1_GROUP, 'Tin bị mất câu trả lời'));
    expect(lost.kind).toBe('unknown');
    expect(sim().messages.length).toBe(before + 1);
    expect(sim().messages.at(-1)?.text).toBe('Tin bị mất câu trả lời');
  });

  it('refreshes an expired OA token once and retries the call', async () => {
    await t.app.zalo.oa.getOa();
    const refreshes = sim().refreshRequests;
    sim().expireOaTokens();
    expect((await t.app.zalo.oa.getOa()).oaId).toBe(sim().oaId);
    expect(sim().refreshRequests).toBe(refreshes + 1);
  });
});

describe('the simulator’s rate limit', () => {
  it('answers -32 above the configured requests per minute', async () => {
    const t = await buildTestApp({ seed: true, env: { SIM_RATE_LIMIT_PER_MIN: '5' } });
    try {
      await seededSim(t.app);
      const results = await Promise.allSettled(Array.from({ length: 8 }, () => t.app.zalo.oa.getOa()));
      const codes = results.map((r) => (r.status === 'fulfilled' ? 0 : (r.reason as ZaloApiError).code));
      expect(codes.filter((c) => c === -32).length).toBeGreaterThan(0);
      expect(codes.filter((c) => c === 0).length).toBeGreaterThan(0);
    } finally {
      await t.close();
    }
  });
});
