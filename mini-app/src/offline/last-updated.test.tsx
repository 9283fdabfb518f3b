import type { UseQueryResult } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LastUpdated } from './last-updated';

const at = Date.parse('2026-12-01T07:05:00Z'); // 14:05 in Vietnam
const query = (state: Partial<UseQueryResult<unknown>>) =>
  ({
    data: { any: 1 },
    dataUpdatedAt: at,
    fetchStatus: 'idle',
    isError: false,
    ...state,
  }) as UseQueryResult<unknown>;

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('the "Cập nhật lúc" line', () => {
  it('says when the data on screen was fetched, in ward time, and that it is being refreshed', () => {
    render(<LastUpdated query={query({ fetchStatus: 'fetching' })} />);
    expect(screen.getByRole('status').textContent).toBe('Cập nhật lúc 01/12/2026 14:05 · Đang cập nhật…');
  });

  it('says the phone has no network, and when a refresh failed', () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const { unmount } = render(<LastUpdated query={query({})} />);
    expect(screen.getByRole('status').textContent).toContain('Chưa có mạng');
    unmount();
    vi.restoreAllMocks();
    render(<LastUpdated query={query({ isError: true })} />);
    expect(screen.getByRole('status').textContent).toContain('Chưa cập nhật được, kiểm tra mạng.');
  });

  it('says nothing when there is no data yet', () => {
    const { container } = render(<LastUpdated query={query({ data: undefined, dataUpdatedAt: 0 })} />);
    expect(container.textContent).toBe('');
  });
});
