import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { returnPath, signInPath } from '../auth/return-to';
import { signOut } from '../auth/session-store';
import { createQueryClient } from '../lib/query-client';
import { AppRoutes } from '../routes';
import { jsonResponse, signInAs, stubFetchByUrl, testId } from '../test-utils';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  signOut();
  window.history.replaceState(null, '', '/');
});

const renderApp = (at: string) =>
  render(
    <QueryClientProvider client={createQueryClient()}>
      <MemoryRouter initialEntries={[at]} future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
        <AppRoutes />
      </MemoryRouter>
    </QueryClientProvider>,
  );

const member = {
  id: testId(1),
  role: 'team_member',
  unitId: testId(2),
  unitName: 'Tổ Công nghệ số cộng đồng Khu phố 1',
  wardId: testId(3),
  wardName: 'Phường Dầu Giây',
  wardSlug: 'dau-giay',
  fullName: 'Nguyễn Văn An',
} as const;

describe('a screen that needs a session, opened signed out', () => {
  it('offers "Đăng nhập", and after signing in comes back to that screen', async () => {
    const calls = stubFetchByUrl((url) => {
      if (url.endsWith('/sim/api/people'))
        return jsonResponse({
          units: [
            {
              unitName: member.unitName,
              people: [{ memberId: member.id, oaUserId: 'oa-1', name: member.fullName, role: member.role }],
            },
          ],
        });
      if (url.includes('/sim/api/people/')) return jsonResponse({ accessToken: 'zalo-token' });
      if (url.endsWith('/api/auth/zalo')) return jsonResponse({ token: 'session-token', member });
      if (url.endsWith('/api/me/assignments')) return jsonResponse({ assignments: [] });
      return jsonResponse({ code: 'NOT_FOUND', message: 'Không tìm thấy.' }, 404);
    });
    renderApp('/tasks');
    expect(await screen.findByText('Bạn cần đăng nhập bằng Zalo để xem mục này.')).toBeTruthy();
    // The screen itself never asked the server (it would only get a 401).
    expect(calls.some((call) => call.url.includes('/api/me/assignments'))).toBe(false);

    fireEvent.click(screen.getByRole('button', { name: 'Đăng nhập' }));
    fireEvent.click(await screen.findByRole('button', { name: /Nguyễn Văn An/ }));
    expect(await screen.findByText('Tổ của bạn chưa có nhiệm vụ nào.')).toBeTruthy();
    const tokenSent = calls.find((call) => call.url.endsWith('/api/me/assignments'))?.init?.headers;
    expect((tokenSent as Record<string, string>).authorization).toBe('Bearer session-token');
  });

  it('turns into the sign-in offer when the session ends on the screen (a 401)', async () => {
    signInAs('team_member');
    stubFetchByUrl(() =>
      jsonResponse({ code: 'UNAUTHENTICATED', message: 'Bạn cần đăng nhập để tiếp tục.' }, 401),
    );
    renderApp('/tasks');
    expect(await screen.findByText('Bạn cần đăng nhập bằng Zalo để xem mục này.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Đăng nhập' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Thử lại' })).toBeNull();
  });

  it('leaves the public screens open: a sent post is read without signing in', async () => {
    stubFetchByUrl(() => jsonResponse({ code: 'NOT_FOUND', message: 'Không tìm thấy tin này.' }, 404));
    renderApp(`/tin/${testId(9)}`);
    expect(await screen.findByText('Tin phường đã gửi')).toBeTruthy();
    expect(screen.queryByText('Bạn cần đăng nhập bằng Zalo để xem mục này.')).toBeNull();
  });
});

describe('the way back after sign-in', () => {
  it('keeps the screen and its search, and never leaves the app or loops to sign-in', () => {
    expect(signInPath('/campaigns/7?tab=2')).toBe('/sign-in?next=%2Fcampaigns%2F7%3Ftab%3D2');
    expect(returnPath(new URLSearchParams('next=%2Fcampaigns%2F7%3Ftab%3D2'))).toBe('/campaigns/7?tab=2');
    expect(returnPath(new URLSearchParams('next=//evil.example/x'))).toBe('/');
    expect(returnPath(new URLSearchParams('next=https://evil.example'))).toBe('/');
    expect(returnPath(new URLSearchParams('next=/sign-in?next=/tasks'))).toBe('/');
    expect(returnPath(new URLSearchParams(''))).toBe('/');
    expect(signInPath('/')).toBe('/sign-in');
  });
});
