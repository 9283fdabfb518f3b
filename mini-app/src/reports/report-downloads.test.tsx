import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { signOut } from '../auth/session-store';
import { jsonResponse, renderPage, signInAs, stubFetch, testId } from '../test-utils';
import { ReportDownloads, sizeText } from './report-downloads';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  signOut();
});

/** A streamed answer whose chunks the test releases one by one, like a report built while it is sent. */
function streamedFile(contentType: string, filename: string) {
  let push: (bytes: Uint8Array) => void = () => {};
  let end: () => void = () => {};
  let fail: (reason: unknown) => void = () => {};
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      push = (bytes) => controller.enqueue(bytes);
      end = () => controller.close();
      fail = (reason) => controller.error(reason);
    },
  });
  const response = new Response(body, {
    status: 200,
    headers: { 'content-type': contentType, 'content-disposition': `attachment; filename="${filename}"` },
  });
  return {
    response,
    push: (bytes: Uint8Array) => push(bytes),
    end: () => end(),
    fail: (reason: unknown) => fail(reason),
  };
}

describe('Báo cáo kết quả downloads', () => {
  it('shows what has arrived while the report builds, then saves it under the server’s name', async () => {
    signInAs('leader');
    const file = streamedFile(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'bao-cao-ket-qua-2026-05-25.docx',
    );
    const fetchMock = stubFetch(() => file.response);
    const saved: string[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation(() => 'blob:report');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });

    renderPage(<ReportDownloads campaignId={testId(10)} />);
    fireEvent.click(screen.getByRole('button', { name: 'Tải Báo cáo kết quả (Word)' }));
    expect(await screen.findByText('Đang tạo tệp…')).toBeTruthy();
    expect(String(fetchMock.mock.calls[0]![0])).toBe(`/api/campaigns/${testId(10)}/report.docx`);
    expect(new Headers(fetchMock.mock.calls[0]![1]!.headers).get('authorization')).toBe('Bearer t');

    file.push(new Uint8Array(300 * 1024));
    expect(await screen.findByText('Đang tạo và tải về… đã nhận 300 KB')).toBeTruthy();
    file.push(new Uint8Array(1024 * 1024));
    expect(await screen.findByText('Đang tạo và tải về… đã nhận 1,3 MB')).toBeTruthy();
    expect(saved).toEqual([]);
    file.end();

    expect(await screen.findByText('Đã tải xong.')).toBeTruthy();
    expect(saved).toEqual(['bao-cao-ket-qua-2026-05-25.docx']);
  });

  it('says in Vietnamese why a file could not be made, and the button works again', async () => {
    signInAs('staff');
    stubFetch(() =>
      jsonResponse(
        {
          statusCode: 503,
          code: 'REPORT_BUSY',
          error: 'Service Unavailable',
          message: 'Máy chủ đang tạo nhiều báo cáo cùng lúc. Đợi khoảng một phút rồi bấm tải lại.',
        },
        503,
      ),
    );
    renderPage(<ReportDownloads campaignId={testId(10)} />);
    fireEvent.click(screen.getByRole('button', { name: 'Tải Phụ lục tiến độ (Excel)' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Máy chủ đang tạo nhiều báo cáo cùng lúc. Đợi khoảng một phút rồi bấm tải lại.',
    );
    expect(screen.getByRole('button', { name: 'Tải Phụ lục tiến độ (Excel)' })).toBeTruthy();
  });

  it('stops a download on request and saves nothing', async () => {
    signInAs('staff');
    const file = streamedFile('text/csv; charset=utf-8', 'so-gui-tin.csv');
    // Like fetch: aborting the request errors the body being read.
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init?: RequestInit) => {
        init?.signal?.addEventListener('abort', () => file.fail(new DOMException('Đã dừng', 'AbortError')));
        return file.response;
      }),
    );
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    renderPage(<ReportDownloads campaignId={testId(10)} />);
    fireEvent.click(screen.getByRole('button', { name: 'Tải Sổ gửi tin (CSV)' }));
    file.push(new Uint8Array(2048));
    fireEvent.click(await screen.findByRole('button', { name: 'Dừng tải' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Tải Sổ gửi tin (CSV)' })).toBeTruthy());
    expect(click).not.toHaveBeenCalled();
  });

  it('writes sizes the Vietnamese way', () => {
    expect(sizeText(500)).toBe('1 KB');
    expect(sizeText(300 * 1024)).toBe('300 KB');
    expect(sizeText(2.25 * 1024 * 1024)).toBe('2,3 MB');
  });
});
