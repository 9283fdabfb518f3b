import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { saveSession } from '../auth/session-store';
import { jsonResponse, renderPage } from '../test-utils';
import PostsPage from './posts';

const ids = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const signInAs = (role: 'leader' | 'staff', memberId: string) =>
  saveSession({
    token: 't',
    member: {
      id: memberId,
      role,
      unitId: ids(2),
      unitName: 'Phòng Văn hóa - Xã hội',
      wardId: ids(3),
      wardName: 'Phường Dầu Giây',
      fullName: 'Nhi',
    },
  });

const draft = {
  id: ids(20),
  campaignId: ids(10),
  body: 'Mời bà con cài VNeID mức 2',
  imageSha256: null,
  linkPath: null,
  status: 'draft',
  createdBy: ids(7),
  createdByName: 'Nguyễn Thị Nhi',
  approvedBy: null,
  approvedByName: null,
  approvedAt: null,
  version: 1,
  updatedAt: '2026-05-16T02:00:00.000Z',
  preview: 'Mời bà con cài VNeID mức 2',
};

function stubApi() {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const url = String(input);
      if (url.startsWith('/api/posts')) return jsonResponse({ posts: [draft] });
      if (url.startsWith('/api/notifications')) return jsonResponse({ notifications: [] });
      return jsonResponse({ campaign: null, posts: [] });
    }),
  );
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('Bài đăng: who may approve a draft', () => {
  const openDraft = async () => fireEvent.click(await screen.findByText('Mời bà con cài VNeID mức 2'));

  it('offers the approval to a leader who did not write the post', async () => {
    signInAs('leader', ids(1));
    stubApi();
    renderPage(<PostsPage />);
    await openDraft();
    expect(await screen.findByRole('button', { name: 'Duyệt bài' })).toBeTruthy();
  });

  it('tells its author and the staff that it waits for another leader', async () => {
    signInAs('leader', ids(7));
    stubApi();
    renderPage(<PostsPage />);
    await openDraft();
    expect(await screen.findByText('Bạn là người soạn bài này nên không tự duyệt được.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Duyệt bài' })).toBeNull();

    cleanup();
    signInAs('staff', ids(7));
    renderPage(<PostsPage />);
    await openDraft();
    expect(await screen.findByText('Chờ lãnh đạo duyệt.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Duyệt bài' })).toBeNull();
  });
});
