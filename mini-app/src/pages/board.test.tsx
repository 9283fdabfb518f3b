import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { signOut } from '../auth/session-store';
import { AppLayout } from '../layout/app-layout';
import { jsonResponse, renderPage, signInAs, stubFetch, testId } from '../test-utils';
import { BoardPage } from './board';

const board = {
  campaignId: testId(10),
  tasks: [{ id: testId(20), title: 'Treo băng rôn', kind: 'hang_banner', dueAt: '2026-05-17T10:00:00.000Z' }],
  teams: [
    {
      id: testId(30),
      name: 'Tổ Công nghệ số cộng đồng Khu phố 1',
      shortName: 'Tổ CNS KP1',
      total: 1,
      done: 1,
      overdue: 0,
    },
    {
      id: testId(31),
      name: 'Tổ Công nghệ số cộng đồng Khu phố 2',
      shortName: 'Tổ CNS KP2',
      total: 1,
      done: 0,
      overdue: 1,
    },
  ],
  cells: [
    { taskId: testId(20), unitId: testId(30), assignmentId: testId(40), status: 'submitted', overdue: false },
    { taskId: testId(20), unitId: testId(31), assignmentId: testId(41), status: 'pending', overdue: true },
  ],
  counts: { total: 2, pending: 1, acknowledged: 0, done: 1, overdue: 1 },
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  signOut();
});

describe('Bảng tiến độ', () => {
  it('shows teams × tasks and urges all late teams only after confirmation', async () => {
    signInAs('staff');
    const fetchMock = stubFetch(
      () => jsonResponse({ campaigns: [{ id: testId(10) }] }),
      () => jsonResponse(board),
      () => jsonResponse({ teams: 1, queued: 2 }),
      () => jsonResponse(board),
    );
    renderPage(<BoardPage />);
    expect(
      await screen.findByLabelText('Tổ Công nghệ số cộng đồng Khu phố 2 – Treo băng rôn: Chưa nhận, trễ hạn'),
    ).toBeTruthy();
    expect(
      screen.getByLabelText('Tổ Công nghệ số cộng đồng Khu phố 1 – Treo băng rôn: Đã báo cáo'),
    ).toBeTruthy();
    fireEvent.click(screen.getByText('Nhắc tất cả tổ trễ hạn'));
    expect(fetchMock).toHaveBeenCalledTimes(2); // nothing sent before confirming
    fireEvent.click(await screen.findByText('Gửi nhắc'));
    await waitFor(() => expect(fetchMock.mock.calls[2]?.[0]).toBe(`/api/campaigns/${testId(10)}/urge-late`));
  });

  it('says so when no campaign is running', async () => {
    signInAs('leader');
    stubFetch(() => jsonResponse({ campaigns: [] }));
    renderPage(<BoardPage />);
    expect(await screen.findByText('Chưa có kế hoạch nào đang triển khai.')).toBeTruthy();
  });
});

describe('bottom navigation', () => {
  const tabs = () =>
    [...document.querySelectorAll('.zaui-bottom-navigation-item-label')].map((el) => el.textContent);
  const layout = () =>
    renderPage(
      <Routes>
        <Route element={<AppLayout />}>
          <Route index element={<p>trang</p>} />
        </Route>
      </Routes>,
    );

  it('shows each role its own tabs', () => {
    signInAs('staff');
    layout();
    expect(tabs()).toEqual(['Trang chủ', 'Kế hoạch', 'Bài đăng', 'Tiến độ', 'Minh chứng', 'Hộp thư']);
    cleanup();
    signInAs('team_member');
    layout();
    expect(tabs()).toEqual(['Trang chủ', 'Nhiệm vụ', 'Chia sẻ']);
    cleanup();
    signInAs('leader');
    layout();
    expect(tabs()).toEqual(['Trang chủ', 'Duyệt', 'Kế hoạch', 'Bài đăng', 'Tiến độ', 'Minh chứng']);
    cleanup();
    signOut();
    layout();
    expect(tabs()).toEqual([]);
  });
});
