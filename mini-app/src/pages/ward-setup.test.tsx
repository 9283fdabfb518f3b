import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SessionRole } from '../auth/use-session';
import { type FetchCall, jsonResponse, renderPage, signInAs, stubFetchByUrl, testId } from '../test-utils';
import { WardSetupPage } from './ward-setup';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const ward = {
  id: testId(3),
  slug: 'dau-giay',
  name: 'Phường Dầu Giây',
  placeName: 'Dầu Giây',
  province: 'Đồng Nai',
  zaloOaId: '4318273645',
  centerLat: 10.95,
  centerLng: 107.15,
  radiusM: 3000,
};

/** The set-up page over a server that answers `write` for the POST/PATCH the test makes. */
function renderSetup(role: SessionRole, write: (url: string, body: unknown) => Response): FetchCall[] {
  signInAs(role);
  const calls = stubFetchByUrl((url, init) => {
    if (init?.method && init.method !== 'GET') return write(url, JSON.parse(String(init.body)));
    if (url === '/api/ward') return jsonResponse(ward);
    if (url.startsWith('/api/ward/units')) return jsonResponse({ units: [] });
    if (url.startsWith('/api/ward/places')) return jsonResponse({ places: [] });
    throw new Error(`unexpected ${url}`);
  });
  renderPage(
    <Routes>
      <Route path="*" element={<WardSetupPage />} />
    </Routes>,
  );
  return calls;
}

const sent = (calls: FetchCall[], method: string) =>
  calls.filter((c) => c.init?.method === method).map((c) => JSON.parse(String(c.init?.body)));

describe('Thiết lập phường', () => {
  it('sends the place radius as typed and shows what the server says to fix (no silent 100 m)', async () => {
    const calls = renderSetup('staff', () =>
      jsonResponse(
        {
          statusCode: 400,
          code: 'VALIDATION_FAILED',
          message: 'Dữ liệu chưa hợp lệ: “radiusM” phải lớn hơn hoặc bằng 10.',
          details: [{ field: 'radiusM', message: 'phải lớn hơn hoặc bằng 10' }],
        },
        400,
      ),
    );
    fireEvent.change(await screen.findByLabelText('Tên địa điểm'), {
      target: { value: 'Chợ Dầu Giây' },
    });
    fireEvent.change(screen.getByLabelText('Vĩ độ'), { target: { value: '10.94' } });
    fireEvent.change(screen.getByLabelText('Kinh độ'), { target: { value: '107.14' } });
    fireEvent.change(screen.getByLabelText('Bán kính địa điểm (m)'), { target: { value: '0' } });
    fireEvent.click(screen.getByRole('button', { name: 'Thêm địa điểm' }));
    expect(await screen.findByText(/“radiusM” phải lớn hơn hoặc bằng 10/)).toBeTruthy();
    expect(sent(calls, 'POST')).toEqual([
      { name: 'Chợ Dầu Giây', address: '', lat: 10.94, lng: 107.14, radiusM: 0 },
    ]);
    // The form keeps what was typed, to correct it.
    expect((screen.getByLabelText('Bán kính địa điểm (m)') as HTMLInputElement).value).toBe('0');
  });

  it('shows staff the OA id read-only and leaves it out of their save; an admin edits it', async () => {
    const staffCalls = renderSetup('staff', () => jsonResponse(ward));
    expect(
      await screen.findByText(/Mã OA Zalo: 4318273645 \(chỉ quản trị viên đổi được mã này\)/),
    ).toBeTruthy();
    expect(screen.queryByLabelText('Mã OA Zalo')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Lưu thông tin phường' }));
    await waitFor(() => expect(sent(staffCalls, 'PATCH')).toHaveLength(1));
    expect(sent(staffCalls, 'PATCH')[0]).not.toHaveProperty('zaloOaId');
    cleanup();

    const adminCalls = renderSetup('admin', () => jsonResponse(ward));
    fireEvent.change(await screen.findByLabelText('Mã OA Zalo'), { target: { value: '5550001112' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu thông tin phường' }));
    await waitFor(() => expect(sent(adminCalls, 'PATCH')).toHaveLength(1));
    expect(sent(adminCalls, 'PATCH')[0]).toMatchObject({ zaloOaId: '5550001112' });
  });
});
