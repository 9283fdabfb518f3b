import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { signOut } from '../auth/session-store';
import { jsonResponse, renderPage, signInAs, stubFetchByUrl, testId } from '../test-utils';
import { WardGroupsPage } from './ward-groups';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  signOut();
});

const group = (n: number, name: string, lastDelivery: { status: string; at: string } | null) => ({
  id: testId(n),
  name,
  deliveryMode: 'team_share',
  zaloGroupId: null,
  khuPhoUnitId: testId(20),
  khuPhoName: 'Khu phố 1',
  responsibleUnitId: testId(21),
  responsibleUnitName: 'Tổ CNS Khu phố 1',
  status: 'active',
  lastDelivery,
});

const khuPho = {
  id: testId(20),
  kind: 'khu_pho',
  name: 'Khu phố 1',
  shortName: null,
  khuPhoUnitId: null,
  khuPhoName: null,
  active: true,
  memberCount: 0,
};

describe('Nhóm Zalo', () => {
  it('names each last delivery as the post ledger does, never as a code', async () => {
    signInAs('staff');
    stubFetchByUrl((url) => {
      if (url === '/api/ward/groups')
        return jsonResponse({
          groups: [
            group(1, 'Nhóm KP1', { status: 'failed', at: '2026-05-18T00:00:00.000Z' }),
            group(2, 'Nhóm KP2', { status: 'waiting', at: '2026-05-18T00:00:00.000Z' }),
            group(3, 'Nhóm KP3', { status: 'recalled', at: '2026-05-18T00:00:00.000Z' }),
          ],
        });
      return jsonResponse({ units: [khuPho] });
    });
    renderPage(<WardGroupsPage />);
    const row = async (name: string) =>
      (await screen.findByText(name)).closest('[data-group]') as HTMLElement;
    expect(within(await row('Nhóm KP1')).getByText(/^Lần gửi gần nhất/).textContent).toBe(
      'Lần gửi gần nhất: Không gửi được, 18/05/2026 07:00',
    );
    expect(within(await row('Nhóm KP2')).getByText(/^Lần gửi gần nhất/).textContent).toContain(
      'Chờ tổ thực hiện',
    );
    const odd = within(await row('Nhóm KP3')).getByText(/^Lần gửi gần nhất/).textContent;
    expect(odd).toContain('Chưa rõ trạng thái');
    expect(odd).not.toContain('recalled');
  });

  it('says when the khu phố and teams could not load, and loads them again on "Thử lại"', async () => {
    signInAs('staff');
    let unitsAsked = 0;
    stubFetchByUrl((url) => {
      if (url === '/api/ward/groups') return jsonResponse({ groups: [] });
      unitsAsked += 1;
      // A 5xx is asked once more by the query client before the screen hears of it.
      return unitsAsked <= 2
        ? jsonResponse({ code: 'INTERNAL', message: 'Lỗi hệ thống. Vui lòng thử lại sau ít phút.' }, 500)
        : jsonResponse({ units: [khuPho] });
    });
    renderPage(<WardGroupsPage />);
    const register = (await screen.findByRole('heading', { name: 'Đăng ký nhóm' })).closest('section')!;
    const failed = await within(register).findByText(/^Không tải được danh sách khu phố và tổ\./, undefined, {
      timeout: 4000,
    });
    expect(failed.textContent).toBe(
      'Không tải được danh sách khu phố và tổ. Lỗi hệ thống. Vui lòng thử lại sau ít phút.',
    );
    fireEvent.click(within(register).getByRole('button', { name: 'Thử lại' }));
    expect(await within(register).findByRole('option', { name: 'Khu phố 1' })).toBeTruthy();
    expect(within(register).queryByText(/Không tải được/)).toBeNull();
  });
});
