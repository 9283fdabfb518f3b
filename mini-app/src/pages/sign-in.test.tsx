import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../lib/query-client';
import { jsonResponse, stubFetchByUrl } from '../test-utils';
import SignInPage from './sign-in';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const renderInvite = (entry: string) =>
  render(
    <QueryClientProvider client={createQueryClient()}>
      <MemoryRouter initialEntries={[entry]}>
        <SignInPage />
      </MemoryRouter>
    </QueryClientProvider>,
  );

describe('Đăng nhập bằng liên kết', () => {
  it('in a browser against a live server, says to open the link in Zalo and gives the mini app link to copy', async () => {
    const token = 'Tq3vX9_kLm2-Pz8wYb4nRc7dFg1hJs5e';
    const calls = stubFetchByUrl((url) =>
      url.endsWith('/api/auth/options')
        ? jsonResponse({ zalo: 'live', miniAppLinkBase: 'https://zalo.me/s/4318' })
        : jsonResponse({ statusCode: 404, code: 'NOT_FOUND', message: 'Không có' }, 404),
    );
    const writeText = vi.fn(async () => {});
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    renderInvite(`/sign-in?invite=${token}`);
    expect(await screen.findByRole('heading', { name: 'Mở liên kết này trong Zalo' })).toBeTruthy();
    expect(screen.getByTestId('invite-zalo-link').textContent).toBe(
      `https://zalo.me/s/4318/?invite=${token}`,
    );
    // Nothing that would pretend to sign in: no button for it, and the simulator is never asked.
    expect(screen.queryByRole('button', { name: 'Đăng nhập bằng liên kết' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Sao chép liên kết' }));
    expect(await screen.findByText('Đã sao chép liên kết.')).toBeTruthy();
    expect(writeText).toHaveBeenCalledWith(`https://zalo.me/s/4318/?invite=${token}`);
    expect(calls.map((call) => new URL(call.url, 'http://x').pathname)).toEqual(['/api/auth/options']);
  });

  it("shows Vietnamese, never the other side's English, when the sign-in link fails before the server", async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    // The simulator (outside Zalo) answers with a code the error catalogue does not know.
    stubFetchByUrl((url) =>
      url.endsWith('/api/auth/options')
        ? jsonResponse({ zalo: 'simulator', miniAppLinkBase: 'https://zalo.me/s/4318' })
        : jsonResponse(
            { statusCode: 400, code: 'SIM_PEOPLE_LIMIT', message: 'Too many simulated people' },
            400,
          ),
    );
    renderInvite('/sign-in?invite=abc');
    fireEvent.click(await screen.findByRole('button', { name: 'Đăng nhập bằng liên kết' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      'Yêu cầu không thực hiện được (mã 400). Thử lại hoặc báo cho cán bộ phụ trách.',
    );
    expect(screen.queryByText(/Too many/)).toBeNull();
  });
});
