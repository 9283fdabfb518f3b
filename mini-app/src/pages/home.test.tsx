import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { saveSession, signOut } from '../auth/session-store';
import { jsonResponse, renderPage, stubFetch, stubFetchByUrl } from '../test-utils';
import { HomePage } from './home';

const ward = { id: '6f1c7a52-3f5e-4a53-9a57-2f0d8b1e0c11', slug: 'ben-nghe', name: 'Phường Bến Nghé' };
const campaign = {
  id: '0b0e7a3c-6a55-4c1f-8d1e-4b7b1f9f2a01',
  number: null,
  title: 'Tuần lễ phòng chống sốt xuất huyết',
  theme: 'Không có lăng quăng, không có sốt xuất huyết',
  slogans: ['Diệt lăng quăng, phòng sốt xuất huyết', 'Vì sức khỏe cộng đồng'],
  startsOn: '2026-05-18',
  endsOn: '2026-05-24',
  status: 'active',
};
const posts = [
  {
    id: '9d3f6c1e-2b4a-4c8e-9f1a-7e5d3c2b1a09',
    title: 'Mời bà con diệt lăng quăng tại nhà sáng Chủ nhật.',
    text: 'Mời bà con diệt lăng quăng tại nhà sáng Chủ nhật.\nKhu phố 4 tập trung tại nhà văn hóa.',
    campaignTitle: 'Tuần lễ phòng chống sốt xuất huyết',
    firstSentAt: '2026-05-18T01:30:00.000Z',
    updatedAt: '2026-05-18T01:30:00.000Z',
    imageUrl: '/w/ben-nghe/posts/9d3f6c1e-2b4a-4c8e-9f1a-7e5d3c2b1a09/image?v=abc',
    pageUrl: '/w/ben-nghe/posts/9d3f6c1e-2b4a-4c8e-9f1a-7e5d3c2b1a09',
  },
];

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('HomePage', () => {
  it('shows the campaign theme, slogans and period', async () => {
    const fetchMock = stubFetch(() => jsonResponse({ ward, campaign, posts }));

    renderPage(<HomePage />);

    expect(screen.getByText('Đang tải…')).toBeTruthy();
    expect(await screen.findByText('Phường Bến Nghé')).toBeTruthy();
    expect(screen.getByText('Tuần lễ phòng chống sốt xuất huyết')).toBeTruthy();
    expect(screen.getByText('“Không có lăng quăng, không có sốt xuất huyết”')).toBeTruthy();
    expect(screen.getByText('Diệt lăng quăng, phòng sốt xuất huyết')).toBeTruthy();
    expect(screen.getByText('Vì sức khỏe cộng đồng')).toBeTruthy();
    expect(screen.getByText('Từ 18/05/2026 đến 24/05/2026')).toBeTruthy();
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/public/campaign');
    // The sent post: its title, the start of its text, its image and when it was sent; one button.
    const card = screen.getByRole('button', { name: /Mời bà con diệt lăng quăng/ });
    expect(card.textContent).toContain('Khu phố 4 tập trung tại nhà văn hóa.');
    expect(card.textContent).toContain('Đã gửi lúc 18/05/2026 08:30');
    expect(card.querySelector('img')?.getAttribute('src')).toBe(posts[0]!.imageUrl);
  });

  it('says so when the ward has sent nothing yet', async () => {
    stubFetch(() => jsonResponse({ ward, campaign, posts: [] }));

    renderPage(<HomePage />);

    expect(await screen.findByText('Phường chưa gửi bài nào.')).toBeTruthy();
    expect(screen.getByText('Tuần lễ phòng chống sốt xuất huyết')).toBeTruthy();
  });

  it('says so when no campaign is running, and still lists what was sent', async () => {
    stubFetch(() => jsonResponse({ ward, campaign: null, posts }));

    renderPage(<HomePage />);

    expect(await screen.findByText('Chưa có kế hoạch nào đang diễn ra.')).toBeTruthy();
    expect(screen.getByText('Phường Bến Nghé')).toBeTruthy();
    expect(screen.getByRole('button', { name: /Mời bà con diệt lăng quăng/ })).toBeTruthy();
  });

  it("shows the server's message and retries on “Thử lại”", async () => {
    const message = 'Không tìm thấy phường/xã này. Kiểm tra lại mã phường.';
    const fetchMock = stubFetch(
      () => jsonResponse({ statusCode: 404, code: 'WARD_NOT_FOUND', error: 'Not Found', message }, 404),
      () => jsonResponse({ ward, campaign, posts }),
    );

    renderPage(<HomePage />);

    expect(await screen.findByText(message)).toBeTruthy();
    // A 4xx is not retried on its own: the person decides.
    expect(fetchMock).toHaveBeenCalledTimes(1);

    fireEvent.click(screen.getByRole('button', { name: 'Thử lại' }));

    expect(await screen.findByText('Từ 18/05/2026 đến 24/05/2026')).toBeTruthy();
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(screen.queryByText(message)).toBeNull();
  });

  it("shows a signed-in member their own ward, and a link's ward over it", async () => {
    const member = {
      id: '00000000-0000-4000-8000-000000000001',
      fullName: 'Trần Thị Bình',
      role: 'staff' as const,
      unitId: null,
      unitName: null,
      wardId: ward.id,
      wardName: ward.name,
      wardSlug: ward.slug,
    };
    saveSession({ token: 't', member });
    try {
      const calls = stubFetchByUrl((url) =>
        url.startsWith('/api/me') ? jsonResponse({ member }) : jsonResponse({ ward, campaign, posts }),
      );
      renderPage(<HomePage />);
      expect(await screen.findByText('Phường Bến Nghé')).toBeTruthy();
      expect(calls.map((c) => c.url)).toContain('/api/public/campaign?ward=ben-nghe');
      cleanup();

      window.history.replaceState(null, '', '/?ward=dau-giay');
      const linked = stubFetchByUrl((url) =>
        url.startsWith('/api/me') ? jsonResponse({ member }) : jsonResponse({ ward, campaign, posts }),
      );
      renderPage(<HomePage />);
      await screen.findByText('Phường Bến Nghé');
      expect(linked.map((c) => c.url)).toContain('/api/public/campaign?ward=dau-giay');
    } finally {
      window.history.replaceState(null, '', '/');
      signOut();
    }
  });
});
