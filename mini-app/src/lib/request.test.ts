import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, stubFetch } from '../test-utils';
import { ApiError, NETWORK_ERROR_MESSAGE, request } from './request';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('request', () => {
  it('returns the JSON body and sends the token and JSON body', async () => {
    const fetchMock = stubFetch(() => jsonResponse({ ok: true }, 201));

    await expect(request('/api/things', { method: 'POST', body: { a: 1 }, token: 'tok' })).resolves.toEqual({
      ok: true,
    });

    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/api/things');
    expect(init?.method).toBe('POST');
    expect(init?.body).toBe('{"a":1}');
    expect(new Headers(init?.headers).get('authorization')).toBe('Bearer tok');
    expect(new Headers(init?.headers).get('content-type')).toBe('application/json');
  });

  it("keeps the server's Vietnamese message, code and status", async () => {
    const message = 'Không tìm thấy phường/xã này. Kiểm tra lại mã phường.';
    stubFetch(() =>
      jsonResponse({ statusCode: 404, code: 'WARD_NOT_FOUND', error: 'Not Found', message }, 404),
    );

    const error = await request('/api/public/campaign').catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, code: 'WARD_NOT_FOUND', message });
  });

  it('turns a network failure into status 0 with a Vietnamese message', async () => {
    stubFetch(() => Promise.reject(new TypeError('Failed to fetch')));

    await expect(request('/api/public/campaign')).rejects.toMatchObject({
      status: 0,
      code: 'NETWORK',
      message: NETWORK_ERROR_MESSAGE,
    });
  });

  it('explains a non-JSON gateway error in Vietnamese', async () => {
    stubFetch(() => new Response('<html>Bad Gateway</html>', { status: 502 }));

    await expect(request('/api/public/campaign')).rejects.toMatchObject({
      status: 502,
      message: 'Máy chủ đang gặp sự cố (mã 502). Thử lại sau ít phút.',
    });
  });
});
