import { afterEach, describe, expect, it, vi } from 'vitest';

const openShareSheetSdk = vi.fn<(args: unknown) => Promise<unknown>>();
vi.mock('zmp-sdk/apis', () => ({ getAccessToken: vi.fn(), openShareSheet: openShareSheetSdk }));

const { openShareSheet } = await import('./zalo');

function setPageUrl(url: string) {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
}

afterEach(() => {
  setPageUrl('http://localhost:3000/');
  openShareSheetSdk.mockReset();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('openShareSheet', () => {
  it('inside Zalo opens the share sheet with the post text, links parsed', async () => {
    setPageUrl('https://h5.zdn.vn/zapps/1234567890/');
    openShareSheetSdk.mockResolvedValue({});
    await expect(openShareSheet('Bài tuyên truyền https://zalo.me/s/x')).resolves.toBe('opened');
    expect(openShareSheetSdk).toHaveBeenCalledWith({
      type: 'text',
      data: { text: 'Bài tuyên truyền https://zalo.me/s/x', autoParseLink: true },
    });
  });

  it('a closed or failed sheet is reported, not thrown', async () => {
    setPageUrl('https://h5.zdn.vn/zapps/1234567890/');
    openShareSheetSdk.mockRejectedValue({ code: -201 });
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await expect(openShareSheet('x')).resolves.toBe('unavailable');
  });

  it('outside Zalo copies the text instead', async () => {
    const writeText = vi.fn(async () => undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    await expect(openShareSheet('Bài cần dán')).resolves.toBe('copied');
    expect(writeText).toHaveBeenCalledWith('Bài cần dán');
    expect(openShareSheetSdk).not.toHaveBeenCalled();
  });
});
