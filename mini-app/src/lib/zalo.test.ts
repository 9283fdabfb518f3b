import { afterEach, describe, expect, it, vi } from 'vitest';

const getAccessToken = vi.fn<() => Promise<string>>();
vi.mock('zmp-sdk/apis', () => ({ getAccessToken }));

const { getZaloAccessToken, isInsideZalo } = await import('./zalo');

// happy-dom lets a test move the page to another address without navigating.
function setPageUrl(url: string) {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
}

afterEach(() => {
  setPageUrl('http://localhost:3000/');
  getAccessToken.mockReset();
  vi.restoreAllMocks();
});

describe('zalo adapter', () => {
  it('outside Zalo gives an empty token without asking the SDK', async () => {
    setPageUrl('http://127.0.0.1:3000/');

    expect(isInsideZalo()).toBe(false);
    await expect(getZaloAccessToken()).resolves.toBe('');
    expect(getAccessToken).not.toHaveBeenCalled();
  });

  it('inside Zalo returns the SDK token', async () => {
    setPageUrl('https://h5.zdn.vn/zapps/1234567890/');
    getAccessToken.mockResolvedValue('zalo-token');

    expect(isInsideZalo()).toBe(true);
    await expect(getZaloAccessToken()).resolves.toBe('zalo-token');
  });

  it('turns an SDK rejection with `undefined` into an empty token', async () => {
    setPageUrl('https://h5.zdn.vn/zapps/1234567890/');
    getAccessToken.mockRejectedValue(undefined);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});

    await expect(getZaloAccessToken()).resolves.toBe('');
    expect(warn).toHaveBeenCalledOnce();
  });
});
