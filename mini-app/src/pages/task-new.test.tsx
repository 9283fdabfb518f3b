import { cleanup, fireEvent, screen } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderPage, signInAs, stubFetchByUrl, testId } from '../test-utils';
import { TaskNewPage } from './task-new';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const forbidden = () =>
  jsonResponse(
    { statusCode: 403, code: 'FORBIDDEN', message: 'Bạn không có quyền thực hiện thao tác này.' },
    403,
  );

function renderTaskNew() {
  signInAs('staff');
  renderPage(
    <Routes>
      <Route path="*" element={<TaskNewPage />} />
    </Routes>,
  );
}

describe('Thêm nhiệm vụ: the lists the form chooses from', () => {
  it('says the units could not be loaded, in Vietnamese, and "Thử lại" brings them', async () => {
    let unitsFail = true;
    stubFetchByUrl((url) => {
      if (url.startsWith('/api/units'))
        return unitsFail
          ? forbidden()
          : jsonResponse({ units: [{ id: testId(5), name: 'Phòng Văn hóa - Xã hội', kind: 'office' }] });
      if (url.startsWith('/api/ward/places')) return jsonResponse({ places: [] });
      throw new Error(`unexpected ${url}`);
    });
    renderTaskNew();
    expect(
      await screen.findByText('Không tải được danh sách đơn vị. Bạn không có quyền thực hiện thao tác này.'),
    ).toBeTruthy();
    expect(screen.queryByLabelText('Phòng Văn hóa - Xã hội')).toBeNull();
    unitsFail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Thử lại' }));
    expect(await screen.findByLabelText('Phòng Văn hóa - Xã hội')).toBeTruthy();
    expect(screen.queryByText(/Không tải được danh sách đơn vị/)).toBeNull();
  });

  it('says the places could not be loaded, rather than offering only "no place"', async () => {
    stubFetchByUrl((url) => {
      if (url.startsWith('/api/units')) return jsonResponse({ units: [] });
      if (url.startsWith('/api/ward/places')) return forbidden();
      throw new Error(`unexpected ${url}`);
    });
    renderTaskNew();
    expect(
      await screen.findByText(
        'Không tải được danh sách địa điểm. Bạn không có quyền thực hiện thao tác này.',
      ),
    ).toBeTruthy();
    expect(screen.getAllByRole('button', { name: 'Thử lại' })).toHaveLength(1);
  });

  it('says the lists are loading while they are asked for', async () => {
    stubFetchByUrl(() => new Promise<Response>(() => {}) as unknown as Response);
    renderTaskNew();
    expect(await screen.findByText('Đang tải danh sách đơn vị…')).toBeTruthy();
    expect(screen.getByText('Đang tải danh sách địa điểm…')).toBeTruthy();
  });
});
