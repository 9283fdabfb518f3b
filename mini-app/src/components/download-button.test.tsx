import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { signOut } from '../auth/session-store';
import { jsonResponse, renderPage, signInAs, stubFetch } from '../test-utils';

const { downloadFile } = vi.hoisted(() => ({
  downloadFile: vi.fn<(args: { fileBase64Data: string }) => Promise<void>>(),
}));
vi.mock('zmp-sdk/apis', async (original) => ({ ...(await original<object>()), downloadFile }));
const { DownloadButton } = await import('./download-button');

// happy-dom lets a test move the page to another address without navigating.
function setPageUrl(url: string) {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
}

afterEach(() => {
  cleanup();
  setPageUrl('http://localhost:3000/');
  downloadFile.mockReset();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  signOut();
});

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const memberList = () =>
  new Response(new Uint8Array([80, 75, 3, 4]), {
    headers: { 'content-type': XLSX, 'content-disposition': 'attachment; filename="thanh-vien.xlsx"' },
  });
const button = () => (
  <DownloadButton path="/api/ward/members/export?format=xlsx" fallbackName="ds.xlsx">
    Tải danh sách .xlsx
  </DownloadButton>
);

describe('DownloadButton (the members list export)', () => {
  it('inside Zalo hands the file to Zalo’s download, with the session token on the request', async () => {
    setPageUrl('https://h5.zdn.vn/zapps/1234567890/');
    signInAs('staff');
    const fetchMock = stubFetch(memberList);
    downloadFile.mockResolvedValue(undefined);
    renderPage(button());
    fireEvent.click(screen.getByRole('button', { name: 'Tải danh sách .xlsx' }));
    expect(await screen.findByText('Đã tải xong.')).toBeTruthy();
    expect(String(fetchMock.mock.calls[0]![0])).toBe('/api/ward/members/export?format=xlsx');
    expect(new Headers(fetchMock.mock.calls[0]![1]!.headers).get('authorization')).toBe('Bearer t');
    expect(downloadFile).toHaveBeenCalledOnce();
    expect(downloadFile.mock.calls[0]![0].fileBase64Data).toBe(`data:${XLSX};base64,UEsDBA==`);
  });

  it('says so when Zalo does not keep the file, and when the server refuses', async () => {
    setPageUrl('https://h5.zdn.vn/zapps/1234567890/');
    signInAs('staff');
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    stubFetch(memberList, () =>
      jsonResponse(
        {
          statusCode: 403,
          code: 'FORBIDDEN',
          error: 'Forbidden',
          message: 'Bạn không có quyền làm việc này.',
        },
        403,
      ),
    );
    downloadFile.mockRejectedValue({ code: -1401, message: 'User denied' });
    renderPage(button());
    fireEvent.click(screen.getByRole('button', { name: 'Tải danh sách .xlsx' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Máy chưa lưu được tệp. Nếu Zalo hỏi quyền tải tệp, hãy cho phép rồi bấm tải lại.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Tải danh sách .xlsx' }));
    expect((await screen.findByText(/Chưa tải được tệp\./)).textContent).toBe(
      'Chưa tải được tệp. Bạn không có quyền làm việc này.',
    );
  });

  it('outside Zalo the browser saves it under the server’s name', async () => {
    signInAs('admin');
    stubFetch(memberList);
    const saved: string[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation(() => 'blob:list');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    renderPage(button());
    fireEvent.click(screen.getByRole('button', { name: 'Tải danh sách .xlsx' }));
    expect(await screen.findByText('Đã tải xong.')).toBeTruthy();
    expect(saved).toEqual(['thanh-vien.xlsx']);
    expect(downloadFile).not.toHaveBeenCalled();
  });
});
