import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderPage, signInAs, stubFetchByUrl } from '../test-utils';
import { SessionBar } from './session-bar';
import { getSession } from './session-store';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  window.localStorage.clear();
});

describe('sign-out', () => {
  it('asks first, then has the server revoke the session before the phone forgets it', async () => {
    signInAs('staff');
    const calls = stubFetchByUrl((url) =>
      url === '/api/auth/sign-out'
        ? new Response(null, { status: 204 })
        : jsonResponse({ member: getSession()!.member }),
    );
    renderPage(<SessionBar />);

    fireEvent.click(await screen.findByRole('button', { name: 'Đăng xuất' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('Đăng xuất khỏi Loa Phường?');
    expect(calls.some((call) => call.url === '/api/auth/sign-out')).toBe(false);
    expect(getSession()).not.toBeNull();

    fireEvent.click(screen.getAllByText('Đăng xuất').at(-1)!);
    await waitFor(() => expect(getSession()).toBeNull());
    const signOut = calls.find((call) => call.url === '/api/auth/sign-out');
    expect(signOut?.init?.method).toBe('POST');
    expect(new Headers(signOut?.init?.headers).get('authorization')).toBe('Bearer t');
    expect(await screen.findByRole('button', { name: 'Đăng nhập' })).toBeTruthy();
  });

  it('cancelling keeps the person signed in and tells the server nothing', async () => {
    signInAs('team_member');
    const calls = stubFetchByUrl(() => jsonResponse({ member: getSession()!.member }));
    renderPage(<SessionBar />);
    fireEvent.click(await screen.findByRole('button', { name: 'Đăng xuất' }));
    fireEvent.click(await screen.findByText('Hủy'));
    expect(getSession()).not.toBeNull();
    expect(calls.some((call) => call.url === '/api/auth/sign-out')).toBe(false);
  });
});
