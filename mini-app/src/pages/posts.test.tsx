import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderPage, signInAs, stubFetchByUrl, testId } from '../test-utils';
import PostsPage from './posts';

const draft = {
  id: testId(20),
  campaignId: testId(10),
  body: 'Mời bà con cài VNeID mức 2',
  imageSha256: null,
  linkPath: null,
  status: 'draft',
  createdBy: testId(7),
  createdByName: 'Nguyễn Thị Nhi',
  approvedBy: null,
  approvedByName: null,
  approvedAt: null,
  version: 1,
  updatedAt: '2026-05-16T02:00:00.000Z',
  preview: 'Mời bà con cài VNeID mức 2',
};

function stubApi() {
  stubFetchByUrl((url) => {
    if (url.startsWith('/api/posts')) return jsonResponse({ posts: [draft] });
    if (url.startsWith('/api/notifications')) return jsonResponse({ notifications: [] });
    return jsonResponse({ campaign: null, posts: [] });
  });
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('Bài đăng: who may approve a draft', () => {
  const openDraft = async () => fireEvent.click(await screen.findByText('Mời bà con cài VNeID mức 2'));

  it('offers the approval to a leader who did not write the post', async () => {
    signInAs('leader', testId(1));
    stubApi();
    renderPage(<PostsPage />);
    await openDraft();
    expect(await screen.findByRole('button', { name: 'Duyệt bài' })).toBeTruthy();
  });

  it('tells its author and the staff that it waits for another leader', async () => {
    signInAs('leader', testId(7));
    stubApi();
    renderPage(<PostsPage />);
    await openDraft();
    expect(await screen.findByText('Bạn là người soạn bài này nên không tự duyệt được.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Duyệt bài' })).toBeNull();

    cleanup();
    signInAs('staff', testId(7));
    renderPage(<PostsPage />);
    await openDraft();
    expect(await screen.findByText('Chờ lãnh đạo duyệt.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Duyệt bài' })).toBeNull();
  });
});
