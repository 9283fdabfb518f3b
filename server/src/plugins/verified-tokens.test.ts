import { afterEach, describe, expect, it, vi } from 'vitest';
import { VerifiedTokens } from './verified-tokens.js';

describe('VerifiedTokens', () => {
  afterEach(() => vi.useRealTimers());
  const nowSeconds = () => Math.floor(Date.now() / 1000);

  it('checks a token once, and any other text (one character changed) in full', () => {
    const verify = vi.fn((token: string) => {
      if (token !== 'a.b.c') throw new Error('bad signature');
      return { sub: 'm1', exp: nowSeconds() + 600 };
    });
    const tokens = new VerifiedTokens(verify);
    expect(tokens.claims('a.b.c').sub).toBe('m1');
    expect(tokens.claims('a.b.c').sub).toBe('m1');
    expect(verify).toHaveBeenCalledTimes(1);
    expect(() => tokens.claims('a.b.d')).toThrow('bad signature');
    expect(() => tokens.claims('a.b.d')).toThrow('bad signature');
    expect(verify).toHaveBeenCalledTimes(3);
  });

  it('checks again once the token expires, and remembers no refusal', () => {
    vi.useFakeTimers({ now: new Date('2026-05-20T03:00:00Z') });
    const exp = nowSeconds() + 30;
    const verify = vi.fn(() => {
      if (Date.now() >= exp * 1000) throw Object.assign(new Error('expired'), { code: 'FAST_JWT_EXPIRED' });
      return { exp };
    });
    const tokens = new VerifiedTokens(verify, 600_000);
    tokens.claims('t');
    vi.advanceTimersByTime(29_000);
    tokens.claims('t');
    expect(verify).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1_000); // at exp
    expect(() => tokens.claims('t')).toThrow('expired');
    expect(() => tokens.claims('t')).toThrow('expired');
    expect(verify).toHaveBeenCalledTimes(3);
  });

  it('checks again after maxAge even when the token lives longer', () => {
    vi.useFakeTimers({ now: new Date('2026-05-20T03:00:00Z') });
    const verify = vi.fn(() => ({ exp: nowSeconds() + 3600 }));
    const tokens = new VerifiedTokens(verify, 10_000);
    tokens.claims('t');
    vi.advanceTimersByTime(9_999);
    tokens.claims('t');
    expect(verify).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    tokens.claims('t');
    expect(verify).toHaveBeenCalledTimes(2);
  });

  it('does not remember a token without an expiry, and hands out claims nobody can change', () => {
    const verify = vi.fn(() => ({ role: 'team_member' }) as { role: string; exp?: number });
    const tokens = new VerifiedTokens(verify);
    const claims = tokens.claims('t');
    tokens.claims('t');
    expect(verify).toHaveBeenCalledTimes(2);
    expect(() => {
      (claims as { role: string }).role = 'leader';
    }).toThrow();
  });
});
