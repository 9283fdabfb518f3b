import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderPage, stubFetchByUrl, testId } from '../test-utils';
import { SessionBar } from './session-bar';
import { saveSession } from './session-store';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  window.localStorage.clear();
});

const profile = (role: 'resident' | 'team_member', fullName: string) => ({
  id: role === 'resident' ? null : testId(1),
  role,
  unitId: null,
  unitName: role === 'resident' ? null : 'Tổ Công nghệ số cộng đồng Khu phố 2',
  wardId: testId(3),
  wardName: 'Phường Dầu Giây',
  wardSlug: 'dau-giay',
  fullName,
});

describe('the greeting in the top bar', () => {
  it('greets a team member by the given name, with their full name, role and unit below', async () => {
    saveSession({ token: 't', member: profile('team_member', 'Trần Văn Hùng') });
    stubFetchByUrl(() => jsonResponse({ member: profile('team_member', 'Trần Văn Hùng') }));
    renderPage(<SessionBar />);
    expect((await screen.findByText('Chào anh/chị Hùng')).className).toBe('session-greeting');
    expect(document.querySelector('.session-bar small')?.textContent).toBe(
      'Trần Văn Hùng · Thành viên tổ · Tổ Công nghệ số cộng đồng Khu phố 2',
    );
  });

  it('keeps a resident’s Zalo name when the server’s profile has none', async () => {
    saveSession({ token: 't', member: profile('resident', 'Minh Anh 🌸') });
    const calls = stubFetchByUrl(() => jsonResponse({ member: profile('resident', 'Người dân') }));
    renderPage(<SessionBar />);
    await vi.waitFor(() => expect(calls.some((call) => call.url === '/api/me')).toBe(true));
    // Let the profile's answer render before looking.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(screen.getByText('Chào Minh Anh 🌸')).toBeTruthy();
    expect(screen.queryByText(/Người dân ·|Chào Người dân/)).toBeNull();
  });
});
