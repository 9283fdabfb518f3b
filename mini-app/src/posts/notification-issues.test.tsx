import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderPage, signInAs, stubFetchByUrl, testId } from '../test-utils';
import { NotificationIssues } from './notification-issues';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const issue = (kind: string, n: number) => ({
  id: testId(n),
  kind,
  memberName: 'Trần Văn Bình',
  memberPhone: '84901234567',
  status: 'failed',
  channel: 'zns',
  body: 'Nhắc việc',
  errorReason: 'Người nhận chưa quan tâm OA.',
  createdAt: '2026-05-16T02:00:00.000Z',
});

describe('Bài đăng: messages that did not go out', () => {
  it('names each kind in Vietnamese, a kind it does not know as "Tin nhắn" (never the code)', async () => {
    signInAs('staff');
    stubFetchByUrl(() => jsonResponse({ notifications: [issue('urge', 1), issue('weekly_digest', 2)] }));
    renderPage(<NotificationIssues />);
    expect(await screen.findByText(/Đôn đốc: Trần Văn Bình · 0901234567/)).toBeTruthy();
    expect(screen.getByText(/^Tin nhắn: Trần Văn Bình/)).toBeTruthy();
    expect(screen.queryByText(/weekly_digest/)).toBeNull();
  });

  it('says the list could not be loaded, and "Thử lại" asks again', async () => {
    signInAs('staff');
    let fail = true;
    stubFetchByUrl(() =>
      fail
        ? jsonResponse(
            { statusCode: 403, code: 'FORBIDDEN', message: 'Bạn không có quyền thực hiện thao tác này.' },
            403,
          )
        : jsonResponse({ notifications: [issue('reminder', 1)] }),
    );
    renderPage(<NotificationIssues />);
    expect(
      await screen.findByText(
        'Không tải được danh sách tin nhắn chưa gửi được. Bạn không có quyền thực hiện thao tác này.',
      ),
    ).toBeTruthy();
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Thử lại' }));
    expect(await screen.findByText(/Nhắc việc: Trần Văn Bình/)).toBeTruthy();
  });
});
