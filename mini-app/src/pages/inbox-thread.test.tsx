import { cleanup, fireEvent, screen } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderPage, signInAs, stubFetchByUrl, testId } from '../test-utils';
import { InboxThreadPage } from './inbox-thread';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const thread = {
  conversation: {
    id: testId(9),
    displayName: 'Người dân ·4821',
    isMember: false,
    status: 'staff',
    unreadCount: 0,
    handoverReason: 'Gặp cán bộ',
    lastText: 'cho tui gap can bo',
    lastMessageAt: '2026-05-16T02:00:00.000Z',
    resolvedAt: null,
    windowClosesAt: new Date(Date.now() + 86_400_000).toISOString(),
  },
  messages: [],
};

describe('Hộp thư: the reply box counts as Zalo counts', () => {
  it('takes Vietnamese typed as NFD at its letters, blocks a reply over 2,000 (an emoji counts 2)', async () => {
    signInAs('staff');
    const calls = stubFetchByUrl(() => jsonResponse(thread));
    renderPage(
      <Routes>
        <Route path="*" element={<InboxThreadPage />} />
      </Routes>,
    );
    const box = await screen.findByLabelText(/Trả lời \(tin tư vấn qua OA, tối đa 2\.000 ký tự\)/);
    const send = () => screen.getByRole('button', { name: 'Gửi trả lời' }) as HTMLButtonElement;

    // 1,500 letters with two marks each: 4,500 UTF-16 units as typed, 1,500 characters for Zalo.
    fireEvent.change(box, { target: { value: 'ệ'.repeat(1500).normalize('NFD') } });
    expect(screen.getByText('1500/2000 ký tự')).toBeTruthy();
    expect(send().disabled).toBe(false);

    fireEvent.change(box, { target: { value: '🙂'.repeat(1001) } });
    expect(screen.getByText('2002/2000 ký tự: rút gọn 2 ký tự')).toBeTruthy();
    expect(send().disabled).toBe(true);
    fireEvent.submit(box.closest('form')!);
    expect(calls.filter((c) => c.init?.method === 'POST')).toEqual([]);
  });
});
