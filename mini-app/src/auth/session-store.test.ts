import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, stubFetch } from '../test-utils';

const member = {
  id: 'm1',
  fullName: 'Nguyễn Văn An',
  role: 'team_lead' as const,
  unitId: 'u1',
  unitName: 'Tổ Công nghệ số cộng đồng Khu phố 1',
  wardId: 'w1',
  wardName: 'Phường Dầu Giây',
  wardSlug: 'dau-giay',
};

afterEach(() => {
  vi.unstubAllGlobals();
  window.localStorage.clear();
  vi.resetModules();
});

describe('session store', () => {
  it('sends the stored session token on every request and keeps it across a reload', async () => {
    const { saveSession } = await import('./session-store');
    const { request } = await import('../lib/request');
    saveSession({ token: 'session-1', member });
    const fetchMock = stubFetch(() => jsonResponse({ member }));
    await request('/api/me');
    expect(new Headers(fetchMock.mock.calls[0]?.[1]?.headers).get('authorization')).toBe('Bearer session-1');

    vi.resetModules(); // a reload: modules start again from storage
    const reloaded = await import('./session-store');
    expect(reloaded.getSession()?.member.fullName).toBe('Nguyễn Văn An');
  });

  it('signs out on a 401 so the app goes back to sign-in', async () => {
    const { saveSession, getSession } = await import('./session-store');
    const { request } = await import('../lib/request');
    saveSession({ token: 'expired', member });
    stubFetch(() =>
      jsonResponse(
        {
          statusCode: 401,
          code: 'SESSION_EXPIRED',
          error: 'Unauthorized',
          message: 'Phiên đăng nhập đã hết hạn. Hãy đăng nhập lại.',
        },
        401,
      ),
    );
    await expect(request('/api/me')).rejects.toThrow('Phiên đăng nhập đã hết hạn');
    expect(getSession()).toBeNull();
    expect(window.localStorage.getItem('loa.session')).toBeNull();
  });
});
