import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ZaloApiError } from '../../server/src/zalo/errors.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { KP1_GROUP, seededSim, setFaults } from '../helpers/zalo.js';

async function kindOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ZaloApiError);
  return (error as ZaloApiError).kind;
}

describe('the simulator’s own API for benchmarks', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ seed: true, env: { ZALO_TIMEOUT_MS: '300' } });
    await seededSim(t.app);
  });
  afterAll(() => t.close());
  beforeEach(() => setFaults(t.app, []));

  it('adds OA-created groups the OA can then post into, and refuses a group without a name', async () => {
    const unknown = await kindOf(t.app.zalo.oa.sendGroupText('bench-group-1', 'Tin thử'));
    expect(unknown).toBe('permanent'); // -403 before the group exists
    const added = await t.app.inject({
      method: 'POST',
      url: '/sim/api/groups',
      payload: { groups: [{ groupId: 'bench-group-1', name: 'Nhóm thử tải 1' }] },
    });
    expect(added.statusCode).toBe(200);
    const sent = await t.app.zalo.oa.sendGroupText('bench-group-1', 'Tin thử');
    const listed = await t.app.inject({ url: '/sim/api/messages?groupId=bench-group-1' });
    expect(listed.json().messages.map((m: { messageId: string }) => m.messageId)).toEqual([sent.messageId]);
    const bad = await t.app.inject({
      method: 'POST',
      url: '/sim/api/groups',
      payload: { groups: [{ groupId: 'bench-group-2' }] },
    });
    expect(bad.statusCode).toBe(400);
  });

  it('answers -32 only inside a burst window, then lets messages through', async () => {
    await setFaults(t.app, [
      { endpoint: '/group/message', type: 'error', code: -32, everyMs: 600_000, forMs: 1_500 },
    ]);
    expect(await kindOf(t.app.zalo.oa.sendGroupText(KP1_GROUP, 'Trong đợt -32'))).toBe('rate_limited');
    await new Promise((resolve) => setTimeout(resolve, 1_600));
    await expect(t.app.zalo.oa.sendGroupText(KP1_GROUP, 'Sau đợt -32')).resolves.toHaveProperty('messageId');
    const stats = await t.app.inject({ url: '/sim/api/stats' });
    expect(stats.json().faultsFired).toMatchObject({ error: 1 });
  });

  it('marks a message whose answer it held past the client’s timeout', async () => {
    await setFaults(t.app, [
      { endpoint: '/group/message', type: 'timeout_after_accept', hangMs: 600, count: 1 },
    ]);
    expect(await kindOf(t.app.zalo.oa.sendGroupText(KP1_GROUP, 'Câu trả lời bị giữ'))).toBe('unknown');
    await t.app.zalo.oa.sendGroupText(KP1_GROUP, 'Câu trả lời bình thường');
    const listed = await t.app.inject({ url: `/sim/api/messages?groupId=${KP1_GROUP}&limit=2` });
    const [held, normal] = listed.json().messages;
    expect(held).toMatchObject({ text: 'Câu trả lời bị giữ', answerHeld: true });
    expect(normal.answerHeld).toBeUndefined();
  });
});
