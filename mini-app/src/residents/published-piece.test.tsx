import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderPage, stubFetch } from '../test-utils';
import { PublishedPiecePicker } from './published-piece';

const id = '9d3f6c1e-2b4a-4c8e-9f1a-7e5d3c2b1a09';
const reply = {
  ward: { id: '6f1c7a52-3f5e-4a53-9a57-2f0d8b1e0c11', slug: 'ben-nghe', name: 'Phường Bến Nghé' },
  publicUrl: 'https://loa.example.vn',
  posts: [
    {
      id,
      title: 'Mời bà con diệt lăng quăng',
      text: 'Mời bà con diệt lăng quăng',
      campaignTitle: 'Tuần lễ',
      firstSentAt: '2026-05-18T01:30:00.000Z',
      updatedAt: '2026-05-18T01:30:00.000Z',
      imageUrl: null,
      pageUrl: `/w/ben-nghe/posts/${id}`,
    },
  ],
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('PublishedPiecePicker', () => {
  it("puts the chosen piece's web address into the article task's report", async () => {
    const fetchMock = stubFetch(() => jsonResponse(reply));
    const onPick = vi.fn();
    renderPage(<PublishedPiecePicker onPick={onPick} />);
    expect(await screen.findByText('Mời bà con diệt lăng quăng')).toBeTruthy();
    expect(screen.getByText('Đã gửi lúc 18/05/2026 08:30')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Ghi đường dẫn bài này' }));
    expect(onPick).toHaveBeenCalledWith(`Đã đăng: https://loa.example.vn/w/ben-nghe/posts/${id}`);
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/sent-posts');
  });

  it('says so when the ward has published nothing yet', async () => {
    stubFetch(() => jsonResponse({ ...reply, posts: [] }));
    renderPage(<PublishedPiecePicker onPick={vi.fn()} />);
    expect(await screen.findByText(/Phường chưa gửi bài nào/)).toBeTruthy();
  });
});
