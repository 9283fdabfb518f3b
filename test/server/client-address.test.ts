import { afterEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { createWard } from '../helpers/factories.js';
import { teamMemberHeader } from '../helpers/sessions.js';

/** Limits must count the real client: a header the client writes cannot make it someone new. */
describe('client addresses and rate limits', () => {
  let t: TestApp | undefined;
  afterEach(() => t?.close());

  const signInAttempts = async (app: TestApp['app'], count: number, forwarded: (i: number) => string) => {
    const answers = [];
    for (let i = 0; i < count; i++)
      answers.push(
        await app.inject({
          method: 'POST',
          url: '/api/auth/zalo',
          headers: { 'x-forwarded-for': forwarded(i) },
          remoteAddress: '203.0.113.7',
          payload: { accessToken: `not-a-token-${i}` },
        }),
      );
    return answers;
  };

  it('ignores X-Forwarded-For by default: 25 sign-ins with varying headers meet the 20-a-minute limit', async () => {
    t = await buildTestApp();
    const answers = await signInAttempts(t.app, 25, (i) => `198.51.100.${i}`);
    const limited = answers.filter((answer) => answer.statusCode === 429);
    expect(limited).toHaveLength(5);
    expect(limited[0]!.json().message).toMatch(/Đợi một chút/);
  });

  it('behind one trusted proxy, the address the proxy saw counts, not what the client wrote before it', async () => {
    t = await buildTestApp({ env: { TRUST_PROXY: '1' } });
    const answers = await signInAttempts(t.app, 25, (i) => `198.51.100.${i}, 192.0.2.50`);
    expect(answers.filter((answer) => answer.statusCode === 429)).toHaveLength(5);
    const other = await signInAttempts(t.app, 1, () => '192.0.2.51');
    expect(other[0]!.statusCode).not.toBe(429);
  });

  it('refuses TRUST_PROXY=true, which would let any client choose its address', async () => {
    await expect(buildTestApp({ env: { TRUST_PROXY: 'true' } })).rejects.toThrow(/TRUST_PROXY/);
    t = undefined;
  });

  it('limits uploads per member, whatever address they come from', async () => {
    t = await buildTestApp();
    const ward = await createWard(t.app.db);
    const answers = await Promise.all(
      Array.from({ length: 65 }, (_, i) =>
        t!.app.inject({
          method: 'POST',
          url: '/api/assignments/00000000-0000-4000-8000-000000000000/evidence',
          headers: teamMemberHeader(t!.app, ward),
          remoteAddress: `198.51.100.${i}`,
        }),
      ),
    );
    expect(answers.filter((answer) => answer.statusCode === 429)).toHaveLength(5);
  });
});
