import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderPage, signInAs, stubFetchByUrl, testId } from '../test-utils';
import { AuditPage } from './audit';

const campaignId = testId(10);
const memberId = testId(11);

const entry = (id: number, actorName: string, action: string, actionText: string, subject: string) => ({
  id,
  at: '2026-05-18T01:00:00.000Z',
  actorId: memberId,
  actorName,
  action,
  actionText,
  entity: 'x',
  entityId: null,
  subject,
});
const shared = entry(
  42,
  'Lê Văn Tâm',
  'deliveries.shared',
  'xác nhận đã chia sẻ bài vào nhóm',
  'Hưởng ứng Ngày KHCN — Nhóm Zalo Khu phố 4',
);
const approved = entry(41, 'Trần Thị Bình', 'campaigns.approve', 'duyệt kế hoạch', 'Tháng hành động KHCN');

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** The server's /api/audit as far as this screen sees it: two entries, one page each, and the filters. */
function stubServer() {
  return stubFetchByUrl((url) => {
    if (url.startsWith('/api/campaigns'))
      return jsonResponse({ campaigns: [{ id: campaignId, title: 'Tháng hành động KHCN' }] });
    if (url.startsWith('/api/ward/members'))
      return jsonResponse({ members: [{ id: memberId, fullName: 'Lê Văn Tâm' }] });
    const query = new URL(url, 'http://x').searchParams;
    if (query.get('memberId') === memberId) return jsonResponse({ entries: [shared], next: null });
    if (query.get('campaignId') === campaignId) return jsonResponse({ entries: [approved], next: null });
    if (query.get('before') === '42') return jsonResponse({ entries: [approved], next: null });
    return jsonResponse({ entries: [shared], next: 42 });
  });
}

const lines = () => screen.getByTestId('audit-list').querySelectorAll('li');

describe('Nhật ký thao tác', () => {
  it('says who did what to which record in Vietnamese, and shows older entries with "Xem thêm"', async () => {
    signInAs('leader');
    const calls = stubServer();
    renderPage(<AuditPage />);
    expect(
      await screen.findByText(/xác nhận đã chia sẻ bài vào nhóm “Hưởng ứng Ngày KHCN — Nhóm Zalo Khu phố 4”/),
    ).toBeTruthy();
    expect(lines()[0]!.textContent).toContain('Lê Văn Tâm xác nhận đã chia sẻ bài vào nhóm');
    expect(lines()).toHaveLength(1);

    fireEvent.click(screen.getByText('Xem thêm'));
    expect(await screen.findByText(/duyệt kế hoạch “Tháng hành động KHCN”/)).toBeTruthy();
    expect(lines()).toHaveLength(2);
    expect(calls.some((c) => c.url.includes('before=42'))).toBe(true);
    // The oldest page is shown: nothing more to ask for.
    expect(screen.queryByText('Xem thêm')).toBeNull();
  });

  it('filters by person and by campaign', async () => {
    signInAs('staff');
    const calls = stubServer();
    renderPage(<AuditPage />);
    await screen.findByText(/xác nhận đã chia sẻ/);
    const [campaign, person] = screen.getAllByRole('combobox') as HTMLSelectElement[];
    await waitFor(() => expect(person!.options).toHaveLength(2));

    fireEvent.change(person!, { target: { value: memberId } });
    await waitFor(() => expect(calls.some((c) => c.url.includes(`memberId=${memberId}`))).toBe(true));
    await waitFor(() => expect(lines()[0]!.textContent).toContain('Lê Văn Tâm xác nhận đã chia sẻ'));
    expect(screen.queryByText('Xem thêm')).toBeNull();

    fireEvent.change(person!, { target: { value: '' } });
    fireEvent.change(campaign!, { target: { value: campaignId } });
    expect(await screen.findByText(/Trần Thị Bình/)).toBeTruthy();
    expect(lines()).toHaveLength(1);
    expect(lines()[0]!.textContent).toContain('duyệt kế hoạch “Tháng hành động KHCN”');
  });
});
