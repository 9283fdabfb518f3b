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

describe('Bài đăng: the campaign a new post belongs to', () => {
  const campaign = (n: number, status: string, title: string) => ({
    id: testId(n),
    number: null,
    title,
    theme: 'Chuyển đổi số',
    slogans: [],
    startsOn: '2026-10-01',
    endsOn: '2026-10-10',
    status,
    createdBy: null,
    approvedBy: null,
    approvedAt: null,
    version: 1,
  });

  it("is one of the member's own ward's open campaigns, never the default ward's public one", async () => {
    signInAs('staff');
    const calls = stubFetchByUrl((url) => {
      if (url.startsWith('/api/posts')) return jsonResponse({ posts: [] });
      if (url.startsWith('/api/notifications')) return jsonResponse({ notifications: [] });
      if (url === '/api/campaigns')
        return jsonResponse({
          campaigns: [
            campaign(31, 'closed', 'Kế hoạch đã xong'),
            campaign(32, 'draft', 'Kế hoạch Xuân Thọ'),
            campaign(33, 'active', 'Kế hoạch đang chạy'),
          ],
        });
      throw new Error(`unexpected ${url}`);
    });
    renderPage(<PostsPage />);
    const write = await screen.findByRole('button', { name: 'Soạn bài mới' });
    await vi.waitFor(() => expect((write as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(write);
    const picker = (await screen.findByLabelText('Bài của kế hoạch')) as HTMLSelectElement;
    // The running one first; the closed one is not offered.
    expect(picker.value).toBe(testId(33));
    expect([...picker.options].map((o) => o.textContent)).toEqual([
      'Kế hoạch đang chạy',
      'Kế hoạch Xuân Thọ',
    ]);
    expect(calls.some((c) => c.url.startsWith('/api/public'))).toBe(false);
  });

  it('says a campaign is needed first when the ward has none open', async () => {
    signInAs('staff');
    stubFetchByUrl((url) => {
      if (url.startsWith('/api/posts')) return jsonResponse({ posts: [] });
      if (url.startsWith('/api/notifications')) return jsonResponse({ notifications: [] });
      return jsonResponse({ campaigns: [campaign(31, 'closed', 'Kế hoạch đã xong')] });
    });
    renderPage(<PostsPage />);
    expect(
      await screen.findByText('Phường chưa có kế hoạch nào đang mở. Tạo kế hoạch trước rồi soạn bài.'),
    ).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Soạn bài mới' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
