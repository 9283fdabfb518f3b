import type { SetupGroup } from '@loa/shared';
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderPage, signInAs, stubFetchByUrl, testId } from '../test-utils';
import { WardGroupsPage } from './ward-groups';

const group = (n: number, name: string, lastDelivery: SetupGroup['lastDelivery']): SetupGroup => ({
  id: testId(n),
  name,
  deliveryMode: 'team_share',
  zaloGroupId: null,
  khuPhoUnitId: testId(40),
  khuPhoName: 'Khu phố 4',
  responsibleUnitId: testId(41),
  responsibleUnitName: 'Tổ CNS Khu phố 4',
  status: 'active',
  lastDelivery,
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('Nhóm Zalo: Lần gửi gần nhất', () => {
  it("shows each group's last delivery in words and ward time, or that nothing was sent yet", async () => {
    signInAs('staff');
    stubFetchByUrl((url) => {
      if (url === '/api/ward/groups')
        return jsonResponse({
          groups: [
            group(31, 'Khu phố 4 - Dầu Giây', { status: 'shared', at: '2026-05-18T00:05:00.000Z' }),
            group(32, 'Khu phố 5 - Dầu Giây', { status: 'failed', at: '2026-05-19T10:30:00.000Z' }),
            group(33, 'Khu phố 6 - Dầu Giây', null),
          ],
        });
      if (url === '/api/ward/units') return jsonResponse({ units: [] });
      throw new Error(`unexpected ${url}`);
    });
    renderPage(<WardGroupsPage />);
    const card = async (name: string) =>
      (await screen.findByText(name)).closest('[data-group]')!.textContent ?? '';
    // 00:05 UTC is 07:05 in the ward; 10:30 UTC is 17:30.
    expect(await card('Khu phố 4 - Dầu Giây')).toContain('Lần gửi gần nhất: tổ đã chia sẻ, 18/05/2026 07:05');
    expect(await card('Khu phố 5 - Dầu Giây')).toContain('Lần gửi gần nhất: gửi lỗi, 19/05/2026 17:30');
    expect(await card('Khu phố 6 - Dầu Giây')).toContain('Chưa gửi lần nào');
  });
});
