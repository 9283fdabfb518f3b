import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ComposeForm } from '../posts/compose-form';
import { jsonResponse, renderPage, stubFetch, stubFetchByUrl, testId } from '../test-utils';
import ShareTasksPage from './share-tasks';

const task = {
  id: '5b7c1a52-3f5e-4a53-9a57-2f0d8b1e0c11',
  targetKind: 'team_share',
  targetName: 'Nhóm Zalo Khu phố 4',
  status: 'waiting',
  dueAt: '2026-05-18T00:00:00.000Z',
  body: 'Hưởng ứng Ngày Khoa học và Công nghệ 18/5',
  postId: '0b0e7a3c-6a55-4c1f-8d1e-4b7b1f9f2a01',
  linkPath: null,
  sharedAt: null,
  sharedByName: null,
  broadcastCount: null,
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('share tasks', () => {
  it('a loudspeaker task reports each play with "Báo đã phát" and shows the count the server keeps', async () => {
    let plays = 0;
    const calls = stubFetchByUrl((url, init) => {
      if (url === `/api/deliveries/${task.id}/plays` && init?.method === 'POST') {
        plays += 1;
        return jsonResponse({ total: plays });
      }
      if (url === '/api/share-tasks')
        return jsonResponse({
          tasks: [
            {
              ...task,
              targetKind: 'loudspeaker',
              targetName: 'Loa truyền thanh khu phố 4',
              body: 'Kính thưa bà con, ngày mười tám tháng năm là Ngày Khoa học và Công nghệ Việt Nam.',
              broadcastCount: plays || null,
            },
          ],
        });
      throw new Error(`unexpected ${url}`);
    });
    renderPage(<ShareTasksPage />);
    expect(await screen.findByText('Chưa báo lần phát nào.')).toBeTruthy();
    expect(screen.getByText(/^Thời lượng đọc:/)).toBeTruthy();
    fireEvent.click(screen.getByText('Báo đã phát một lần'));
    expect(await screen.findByText('Tổ đã báo phát 1 lần.')).toBeTruthy();
    fireEvent.click(await screen.findByText('Báo thêm một lần phát'));
    expect(await screen.findByText('Tổ đã báo phát 2 lần.')).toBeTruthy();
    expect(calls.filter((c) => c.init?.method === 'POST').map((c) => c.url)).toEqual([
      `/api/deliveries/${task.id}/plays`,
      `/api/deliveries/${task.id}/plays`,
    ]);
  });

  it('shares the post text, then confirms "Đã chia sẻ" after asking', async () => {
    const writeText = vi.fn(async () => undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    const fetchMock = stubFetch(
      () => jsonResponse({ tasks: [task] }),
      () => jsonResponse({ ok: true }),
      () =>
        jsonResponse({
          tasks: [
            { ...task, status: 'shared', sharedByName: 'Lê Văn Tâm', sharedAt: '2026-05-18T01:00:00.000Z' },
          ],
        }),
    );
    renderPage(<ShareTasksPage />);
    expect((await screen.findAllByText('Nhóm Zalo Khu phố 4')).length).toBeGreaterThan(0);
    expect(screen.getByText('Chờ tổ thực hiện · lịch 18/05/2026 07:00', { exact: false })).toBeTruthy();

    fireEvent.click(screen.getByText('Chia sẻ vào nhóm'));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith(task.body));
    expect(await screen.findByText(/Đã sao chép nội dung/)).toBeTruthy();

    fireEvent.click(screen.getByText('Đã chia sẻ'));
    expect(fetchMock).toHaveBeenCalledTimes(1); // nothing sent before confirming
    fireEvent.click(await screen.findByText('Xác nhận đã chia sẻ'));
    expect(await screen.findByText(/Lê Văn Tâm xác nhận lúc/)).toBeTruthy();
    expect(fetchMock.mock.calls[1]?.[0]).toBe(`/api/deliveries/${task.id}/shared`);
  });

  it('shows the server’s reason when the task is no longer waiting', async () => {
    stubFetch(
      () => jsonResponse({ tasks: [task] }),
      () =>
        jsonResponse(
          {
            statusCode: 409,
            code: 'DELIVERY_NOT_WAITING',
            error: 'Conflict',
            message: 'Lượt chia sẻ này không còn chờ xác nhận.',
          },
          409,
        ),
    );
    renderPage(<ShareTasksPage />);
    fireEvent.click(await screen.findByText('Đã chia sẻ'));
    fireEvent.click(await screen.findByText('Xác nhận đã chia sẻ'));
    expect((await screen.findByRole('alert')).textContent).toContain('không còn chờ xác nhận');
  });
});

describe('compose', () => {
  it('shows the count and preview the server answers (link line included) and blocks a post over 2,000', async () => {
    const link = '\n\nXem chi tiết: https://zalo.me/s/loa-phuong/';
    // The server's preview: NFC, trimmed, with the link line, counted as Zalo counts.
    stubFetchByUrl((url, init) => {
      if (url !== '/api/posts/preview') return jsonResponse({});
      const text = `${JSON.parse(String(init?.body)).body.normalize('NFC').trim()}${link}`;
      return jsonResponse({ text, length: text.length, max: 2000, postId: testId(5), loudspeaker: null });
    });
    renderPage(<ComposeForm campaignId="c" onCreated={() => undefined} />);
    const box = screen.getByLabelText('Nội dung bài đăng');
    fireEvent.change(box, { target: { value: 'ế'.normalize('NFD').repeat(3) } });
    const withLink = 3 + link.length;
    expect(await screen.findByText(`${withLink}/2000 ký tự (gồm dòng “Xem chi tiết”)`)).toBeTruthy();
    expect(document.querySelector('.group-preview-text')?.textContent).toBe(`ếếế${link}`);
    fireEvent.change(box, { target: { value: 'a'.repeat(2003 - link.length) } });
    expect(
      await screen.findByText('2003/2000 ký tự: rút gọn 3 ký tự (gồm dòng “Xem chi tiết”)'),
    ).toBeTruthy();
    expect(
      (screen.getByText('Lưu và gửi lãnh đạo duyệt').closest('button') as HTMLButtonElement).disabled,
    ).toBe(true);
  });
});
