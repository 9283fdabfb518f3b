import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderPage, signInAs, stubFetchByUrl, testId } from '../test-utils';
import { ReviewPage } from './review';

const post = (n: number, status: 'draft' | 'approved', createdBy: string) => ({
  id: testId(n),
  campaignId: testId(10),
  body: `Bài số ${n}`,
  imageSha256: null,
  linkPath: null,
  status,
  createdBy,
  createdByName: 'Nguyễn Thị Văn Phòng',
  approvedBy: null,
  approvedByName: null,
  approvedAt: null,
  version: 3,
  updatedAt: '2026-05-16T02:00:00.000Z',
  preview: `Bài số ${n}\nXem chi tiết: https://zalo.me/s/loa`,
});

/** Answers by URL: the draft plans, the posts, and an approval. */
function stubApi(posts: unknown[]) {
  return stubFetchByUrl((url) => {
    if (url.startsWith('/api/campaigns')) return jsonResponse({ campaigns: [] });
    if (url.endsWith('/approve')) return jsonResponse({ ...(posts[0] as object), status: 'approved' });
    return jsonResponse({ posts });
  });
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('Duyệt', () => {
  it('lists draft posts as the groups will read them, and approves one only after confirmation', async () => {
    signInAs('leader');
    const calls = stubApi([post(20, 'draft', testId(7)), post(21, 'approved', testId(7))]);
    renderPage(<ReviewPage />);
    expect(await screen.findByText('Không có kế hoạch nào chờ duyệt.')).toBeTruthy();
    expect(await screen.findByText(/Bài số 20/)).toBeTruthy();
    expect(screen.queryByText(/Bài số 21/)).toBeNull(); // already approved: nothing to do here
    expect(screen.getByText(/Nguyễn Thị Văn Phòng · 16\/05\/2026 09:00/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Duyệt bài' }));
    expect(calls.some((call) => call.url.endsWith('/approve'))).toBe(false); // asks first
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('Duyệt bài này?')).toBeTruthy();
    fireEvent.click(within(dialog).getByText('Duyệt'));
    await waitFor(() => {
      const approval = calls.find((call) => call.url === `/api/posts/${testId(20)}/approve`);
      expect(approval?.init?.method).toBe('POST');
      expect(JSON.parse(String(approval?.init?.body))).toEqual({ version: 3 });
    });
  });

  it("does not offer a leader their own post, nor staff anyone's", async () => {
    signInAs('leader', testId(7));
    stubApi([post(20, 'draft', testId(7))]);
    renderPage(<ReviewPage />);
    expect(await screen.findByText('Bạn là người soạn bài này nên không tự duyệt được.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Duyệt bài' })).toBeNull();

    cleanup();
    signInAs('staff');
    renderPage(<ReviewPage />);
    expect(await screen.findByText('Chờ lãnh đạo duyệt.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Duyệt bài' })).toBeNull();
  });

  it('says so when no post waits for approval', async () => {
    signInAs('leader');
    stubApi([post(21, 'approved', testId(7))]);
    renderPage(<ReviewPage />);
    expect(await screen.findByText('Không có bài đăng nào chờ duyệt.')).toBeTruthy();
  });
});
