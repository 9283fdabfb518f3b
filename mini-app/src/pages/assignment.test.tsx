import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../lib/query-client';
import { jsonResponse, signInAs, stubFetchByUrl, testId } from '../test-utils';
import { AssignmentPage } from './assignment';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const id = testId(40);
// The team's banner task: 2 photos asked, 1 taken, and the task lets the team report done without all.
const assignment = {
  id,
  taskId: testId(41),
  unitId: testId(2), // the signed-in member's unit (test-utils signInAs)
  unitName: 'Tổ Công nghệ số cộng đồng Khu phố 2',
  campaignId: testId(42),
  campaignTitle: 'Ngày Khoa học và Công nghệ 18/5',
  kind: 'hang_banner',
  title: 'Treo băng rôn tại nhà văn hóa khu phố 2',
  description: '',
  dueAt: '2026-05-17T10:00:00.000Z',
  evidenceNumberLabel: null,
  placeName: 'Nhà văn hóa khu phố 2',
  status: 'acknowledged',
  overdue: false,
  acknowledgedAt: '2026-05-15T02:00:00.000Z',
  submittedAt: null,
  note: null,
  numberDone: null,
  photosRequired: 2,
  photosCount: 1,
  locationRequired: false,
  allowDoneWithoutPhotos: true,
  cancelledAt: null,
  cancelReason: null,
};

describe('an assignment reported done while photos are missing', () => {
  it('shows "Đã báo hoàn thành khi còn thiếu N ảnh" once the server took the report, not before', async () => {
    signInAs('team_lead');
    const calls = stubFetchByUrl((url, init) => {
      if (url === `/api/assignments/${id}/done` && init?.method === 'POST')
        return jsonResponse({
          ...assignment,
          status: 'submitted',
          submittedAt: '2026-05-16T03:00:00.000Z',
          note: 'Đã treo một băng rôn, băng thứ hai chờ in',
        });
      if (url === `/api/assignments/${id}`) return jsonResponse(assignment);
      if (url.startsWith('/api/me/assignments')) return jsonResponse({ assignments: [] });
      throw new Error(`unexpected ${url}`);
    });
    render(
      <QueryClientProvider client={createQueryClient()}>
        <MemoryRouter initialEntries={[`/assignments/${id}`]}>
          <Routes>
            <Route path="/assignments/:id" element={<AssignmentPage />} />
          </Routes>
        </MemoryRouter>
      </QueryClientProvider>,
    );
    expect(await screen.findByText('Ảnh minh chứng: 1/2 ảnh')).toBeTruthy();
    expect(screen.queryByTestId('photos-missing-note')).toBeNull();

    fireEvent.change(screen.getByLabelText('Ghi chú'), {
      target: { value: 'Đã treo một băng rôn, băng thứ hai chờ in' },
    });
    fireEvent.click(screen.getByText('Báo cáo hoàn thành'));
    const note = await screen.findByTestId('photos-missing-note');
    expect(note.textContent).toBe('Đã báo hoàn thành khi còn thiếu 1 ảnh minh chứng.');
    expect(screen.getByTestId('assignment-status').textContent).toBe('Đã báo cáo');
    const done = calls.find((c) => c.url.endsWith('/done'));
    expect(JSON.parse(String(done?.init?.body))).toEqual({
      note: 'Đã treo một băng rôn, băng thứ hai chờ in',
    });
  });
});
