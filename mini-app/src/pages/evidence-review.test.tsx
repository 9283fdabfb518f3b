import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderPage, signInAs, stubFetchByUrl } from '../test-utils';
import { EvidenceReviewPage } from './evidence-review';

const item = {
  id: '5b8e2a1c-1111-4c1f-8d1e-4b7b1f9f2a01',
  assignmentId: '5b8e2a1c-2222-4c1f-8d1e-4b7b1f9f2a01',
  taskTitle: 'Treo băng rôn',
  placeName: 'Nhà văn hóa Khu phố 3',
  teamId: '5b8e2a1c-3333-4c1f-8d1e-4b7b1f9f2a01',
  teamName: 'Tổ Công nghệ số cộng đồng Khu phố 3',
  campaignId: '5b8e2a1c-4444-4c1f-8d1e-4b7b1f9f2a01',
  uploadedByName: 'Lê Văn Ba',
  uploadedBy: '5b8e2a1c-5555-4c1f-8d1e-4b7b1f9f2a01',
  createdAt: '2026-05-19T02:00:00.000Z',
  takenAt: '2008-10-22T09:28:39.000Z',
  lat: 43.46745,
  lng: 11.88513,
  locationSource: 'exif',
  width: 640,
  height: 480,
  flags: {
    outside_ward: { distanceM: 9_512_300, radiusM: 6000 },
    outside_window: { takenAt: '2008-10-22T09:28:39.000Z', startsOn: '2026-05-18', endsOn: '2026-05-24' },
  },
  reviewStatus: 'pending',
  reviewReason: null,
  reviewedAt: null,
};

/** Routes by URL: the list, the thumbnail, the review. */
function stubApi() {
  return stubFetchByUrl((url) => {
    if (url.includes('/photo')) return new Response(new Blob(['x'], { type: 'image/jpeg' }));
    if (url.endsWith('/review'))
      return jsonResponse({ ...item, reviewStatus: 'needs_fix', reviewReason: 'Chụp lại' });
    return jsonResponse({ items: [item] });
  });
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('EvidenceReviewPage', () => {
  it('shows each photo with its flags in Vietnamese and asks pending ones by default', async () => {
    const calls = stubApi();
    renderPage(<EvidenceReviewPage />);
    // The card says which task, which team and place, when, and where it was taken, in words.
    expect((await screen.findByText('Treo băng rôn')).className).toBe('evidence-task');
    expect(screen.getByText('Tổ Công nghệ số cộng đồng Khu phố 3 · tại Nhà văn hóa Khu phố 3')).toBeTruthy();
    expect(
      screen.getByText(/^Nộp 19\/05\/2026 09:00 · chụp 22\/10\/2008 16:28 · vị trí 43\.467\d, 11\.885\d$/),
    ).toBeTruthy();
    expect(document.querySelector('[data-flag="outside_window"]')?.textContent).toBe(
      'Chụp ngoài thời gian kế hoạch (chụp 22/10/2008 16:28)',
    );
    expect(document.querySelector('[data-flag="outside_ward"]')?.textContent).toMatch(
      /^Ngoài địa bàn phường \(cách 9[.,]512[.,]3 km\)$/,
    );
    expect(document.querySelector('.evidence-review')?.textContent).toBe('Chờ duyệt');
    expect(calls[0]?.url).toBe('/api/evidence?status=pending');
  });

  it('sends a photo back only with a reason', async () => {
    const calls = stubApi();
    renderPage(<EvidenceReviewPage />);
    fireEvent.click(await screen.findByRole('button', { name: 'Trả lại' }));
    const confirm = await screen.findByRole('button', { name: 'Xác nhận trả lại' });
    expect(confirm.hasAttribute('disabled')).toBe(true);
    fireEvent.change(screen.getByRole('textbox'), { target: { value: 'Chụp lại' } });
    fireEvent.click(confirm);
    await waitFor(() => expect(calls.some((call) => call.url.endsWith('/review'))).toBe(true));
    const review = calls.find((call) => call.url.endsWith('/review'));
    expect(JSON.parse(String(review?.init?.body))).toEqual({ decision: 'needs_fix', reason: 'Chụp lại' });
  });
});

describe('accepting a flagged photo', () => {
  it('shows the flags in words and sends nothing until the reviewer confirms', async () => {
    const calls = stubApi();
    renderPage(<EvidenceReviewPage />);
    fireEvent.click(await screen.findByRole('button', { name: 'Duyệt' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('Duyệt ảnh có cảnh báo?');
    expect(dialog.textContent).toContain('Chụp ngoài thời gian kế hoạch (chụp 22/10/2008 16:28)');
    expect(dialog.textContent).toMatch(/Ngoài địa bàn phường \(cách 9[.,]512[.,]3 km\)/);
    expect(calls.some((call) => call.url.endsWith('/review'))).toBe(false);
    fireEvent.click(screen.getByText('Vẫn duyệt'));
    await waitFor(() => expect(calls.some((call) => call.url.endsWith('/review'))).toBe(true));
    const review = calls.find((call) => call.url.endsWith('/review'));
    expect(JSON.parse(String(review?.init?.body))).toEqual({ decision: 'accept' });
  });
});

describe('a photo the reviewer sent', () => {
  it('offers no Duyệt or Trả lại and says someone else must review it', async () => {
    signInAs('staff', item.uploadedBy);
    stubApi();
    renderPage(<EvidenceReviewPage />);
    expect(
      await screen.findByText('Ảnh do anh/chị gửi — cần một cán bộ hoặc lãnh đạo khác duyệt.'),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Duyệt' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Trả lại' })).toBeNull();
  });

  it("still offers both on another member's photo", async () => {
    signInAs('staff');
    stubApi();
    renderPage(<EvidenceReviewPage />);
    expect(await screen.findByRole('button', { name: 'Duyệt' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Trả lại' })).toBeTruthy();
    expect(screen.queryByText(/Ảnh do anh\/chị gửi/)).toBeNull();
  });
});
