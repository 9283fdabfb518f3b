import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter } from 'react-router-dom';
import { vi } from 'vitest';
import { saveSession } from './auth/session-store';
import type { SessionRole } from './auth/use-session';
import { createQueryClient } from './lib/query-client';

/** Renders a page with the app's real query settings; a fresh cache per test keeps tests independent. */
export function renderPage(page: ReactElement) {
  return render(
    <QueryClientProvider client={createQueryClient()}>
      <MemoryRouter future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>{page}</MemoryRouter>
    </QueryClientProvider>,
  );
}

/** A JSON reply the way the server sends it. */
export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** Replaces global fetch with a queue of replies, one per call; returns the mock to inspect calls. */
export function stubFetch(...replies: Array<() => Response | Promise<Response>>) {
  const fetchMock = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => {
    const next = replies.shift();
    if (!next) throw new Error('Unexpected extra fetch in test');
    return next();
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

export type FetchCall = { url: string; init?: RequestInit };

/**
 * Replaces global fetch with `answer`, which replies by URL (for pages that ask several things in no
 * fixed order); returns the calls made, to inspect.
 */
export function stubFetchByUrl(answer: (url: string, init?: RequestInit) => Response): FetchCall[] {
  const calls: FetchCall[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input);
      calls.push({ url, init });
      return answer(url, init);
    }),
  );
  return calls;
}

/** A fixed, readable UUID for test data: testId(7) is 00000000-0000-4000-8000-000000000007. */
export const testId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** Signs in as an office member of the Dầu Giây fixture ward with `role` (member testId(1) unless given). */
export function signInAs(role: SessionRole, memberId = testId(1)) {
  saveSession({
    token: 't',
    member: {
      id: memberId,
      role,
      unitId: testId(2),
      unitName: 'Phòng Văn hóa - Xã hội',
      wardId: testId(3),
      wardName: 'Phường Dầu Giây',
      wardSlug: 'dau-giay',
      fullName: 'Nhi',
    },
  });
}
