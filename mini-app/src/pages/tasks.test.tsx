import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { saveSession, signOut } from '../auth/session-store';
import { jsonResponse, renderPage, stubFetch } from '../test-utils';
import { AssignmentPage } from './assignment';
import { TasksPage } from './tasks';

const member = {
  memberId: '3f1c7a52-3f5e-4a53-9a57-2f0d8b1e0c11',
  role: 'team_member',
  unitId: '4f1c7a52-3f5e-4a53-9a57-2f0d8b1e0c11',
  wardId: '5f1c7a52-3f5e-4a53-9a57-2f0d8b1e0c11',
  fullName: 'Nguyễn Văn An',
};
const assignment = {
  id: '6f1c7a52-3f5e-4a53-9a57-2f0d8b1e0c11',
  taskId: '7f1c7a52-3f5e-4a53-9a57-2f0d8b1e0c11',
  unitId: member.unitId,
  unitName: 'Tổ Công nghệ số cộng đồng Khu phố 1',
  campaignId: '8f1c7a52-3f5e-4a53-9a57-2f0d8b1e0c11',
  campaignTitle: 'Kế hoạch thử',
  kind: 'loudspeaker',
  title: 'Phát thanh tuyên truyền',
  description: '',
  dueAt: '2026-05-20T10:00:00.000Z',
  evidenceNumberLabel: 'Số lần phát thanh',
  placeName: null,
  status: 'pending',
  overdue: true,
  acknowledgedAt: null,
  submittedAt: null,
  note: null,
  numberDone: null,
};

beforeEach(() =>
  saveSession({
    token: 'tok-123',
    member: {
      id: member.memberId,
      role: 'team_member',
      unitId: member.unitId,
      unitName: 'Tổ CNS Khu phố 1',
      wardId: member.wardId,
      wardName: 'Phường Dầu Giây',
      wardSlug: 'dau-giay',
      fullName: member.fullName,
    },
  }),
);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  signOut();
});

describe('Nhiệm vụ', () => {
  it("lists the team's tasks with status, overdue and due time, sending the session token", async () => {
    const fetchMock = stubFetch(() => jsonResponse({ assignments: [assignment] }));
    renderPage(<TasksPage />);
    expect(await screen.findByText('Phát thanh tuyên truyền')).toBeTruthy();
    expect(screen.getByText('Trễ hạn')).toBeTruthy();
    expect(screen.getByText(/Hạn 20\/05\/2026 17:00/)).toBeTruthy();
    const init = fetchMock.mock.calls[0]?.[1] as RequestInit;
    expect((init.headers as Record<string, string>).authorization).toBe('Bearer tok-123');
  });

  it('says so when the team has no task, and asks to sign in without a session', async () => {
    stubFetch(() => jsonResponse({ assignments: [] }));
    renderPage(<TasksPage />);
    expect(await screen.findByText('Tổ của bạn chưa có nhiệm vụ nào.')).toBeTruthy();
    cleanup();
    signOut();
    renderPage(<TasksPage />);
    expect(screen.getByText('Bạn cần đăng nhập bằng Zalo để xem mục này.')).toBeTruthy();
  });
});

describe('the task screen', () => {
  const renderAt = () =>
    renderPage(
      <Routes>
        <Route path="/" element={<Navigate to={`/assignments/${assignment.id}`} />} />
        <Route path="/assignments/:id" element={<AssignmentPage />} />
      </Routes>,
    );

  it('acknowledges, then reports a number done', async () => {
    const acknowledged = {
      ...assignment,
      status: 'acknowledged',
      acknowledgedAt: '2026-05-19T01:00:00.000Z',
    };
    const fetchMock = stubFetch(
      () => jsonResponse(assignment),
      () =>
        jsonResponse({
          id: assignment.id,
          status: 'acknowledged',
          acknowledgedAt: acknowledged.acknowledgedAt,
        }),
      () => jsonResponse(acknowledged),
      () => jsonResponse({ ...acknowledged, status: 'submitted', numberDone: 14 }),
    );
    renderAt();
    fireEvent.click(await screen.findByText('Xác nhận đã nhận nhiệm vụ'));
    await waitFor(() => expect(screen.getByTestId('assignment-status').textContent).toContain('Đã nhận'));
    expect(fetchMock.mock.calls[1]?.[1]?.method).toBe('POST');
    fireEvent.change(screen.getByLabelText('Số lần phát thanh'), { target: { value: '14' } });
    fireEvent.click(screen.getByText('Báo cáo hoàn thành'));
    await waitFor(() => expect(screen.getByTestId('assignment-status').textContent).toContain('Đã báo cáo'));
    expect(JSON.parse(String(fetchMock.mock.calls[3]?.[1]?.body))).toEqual({ numberDone: 14 });
  });

  it("shows the server's Vietnamese refusal", async () => {
    const message = 'Nhiệm vụ này giao cho tổ khác; bạn chỉ thao tác được nhiệm vụ của tổ mình.';
    stubFetch(
      () => jsonResponse(assignment),
      () =>
        jsonResponse({ statusCode: 403, code: 'ASSIGNMENT_OTHER_TEAM', error: 'Client Error', message }, 403),
    );
    renderAt();
    fireEvent.click(await screen.findByText('Xác nhận đã nhận nhiệm vụ'));
    expect(await screen.findByText(message)).toBeTruthy();
  });
});
