import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, stubFetch } from '../test-utils';
import { ApiError, NETWORK_ERROR_MESSAGE, request, setSessionToken, upload } from './request';

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

/** An XMLHttpRequest that answers `reply` after reporting upload progress in two steps. */
function stubXhr(reply: { status: number; body: string }) {
  const sent: { method: string; url: string; headers: Record<string, string>; body: unknown }[] = [];
  class FakeXhr {
    upload: { onprogress?: (event: { lengthComputable: boolean; loaded: number; total: number }) => void } =
      {};
    onload?: () => void;
    onerror?: () => void;
    ontimeout?: () => void;
    status = 0;
    responseText = '';
    private request = {
      method: '',
      url: '',
      headers: {} as Record<string, string>,
      body: undefined as unknown,
    };
    open(method: string, url: string) {
      Object.assign(this.request, { method, url });
    }
    setRequestHeader(name: string, value: string) {
      this.request.headers[name] = value;
    }
    send(body: unknown) {
      this.request.body = body;
      sent.push(this.request);
      setTimeout(() => {
        this.upload.onprogress?.({ lengthComputable: true, loaded: 50, total: 100 });
        this.upload.onprogress?.({ lengthComputable: true, loaded: 100, total: 100 });
        if (reply.status === 0) return this.onerror?.();
        this.status = reply.status;
        this.responseText = reply.body;
        this.onload?.();
      });
    }
  }
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
  return sent;
}

describe('upload', () => {
  it('sends the form with the session token and extra headers, reporting progress', async () => {
    setSessionToken('tok-9');
    const sent = stubXhr({ status: 201, body: '{"id":"p1"}' });
    const progress: number[] = [];
    const form = new FormData();

    const reply = await upload('/api/assignments/a1/evidence', {
      form,
      headers: { 'x-zalo-location-token': 'loc' },
      onProgress: (fraction) => progress.push(fraction),
    });

    expect(reply).toEqual({ id: 'p1' });
    expect(progress).toEqual([0.5, 1]);
    expect(sent[0]).toMatchObject({
      method: 'POST',
      url: '/api/assignments/a1/evidence',
      headers: { authorization: 'Bearer tok-9', 'x-zalo-location-token': 'loc' },
    });
    expect(sent[0]?.body).toBe(form);
    setSessionToken(undefined);
  });

  it('refuses the way request does: the catalogue error, or status 0 when the network dropped', async () => {
    const message = 'Tệp gửi lên không phải ảnh. Hãy gửi ảnh JPEG, PNG hoặc WebP.';
    stubXhr({ status: 415, body: JSON.stringify({ statusCode: 415, code: 'PHOTO_NOT_IMAGE', message }) });
    await expect(upload('/x', { form: new FormData() })).rejects.toMatchObject({
      status: 415,
      code: 'PHOTO_NOT_IMAGE',
      message,
    });
    stubXhr({ status: 0, body: '' });
    await expect(upload('/x', { form: new FormData() })).rejects.toMatchObject({
      status: 0,
      code: 'NETWORK',
    });
  });
});
