import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../lib/query-client';
import { jsonResponse, stubFetchByUrl } from '../test-utils';
import SignInPage from './sign-in';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('Đăng nhập bằng liên kết', () => {
  it("shows Vietnamese, never the other side's English, when the sign-in link fails before the server", async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    // The simulator (outside Zalo) answers with a code the error catalogue does not know.
    stubFetchByUrl(() =>
      jsonResponse({ statusCode: 400, code: 'SIM_PEOPLE_LIMIT', message: 'Too many simulated people' }, 400),
    );
    render(
      <QueryClientProvider client={createQueryClient()}>
        <MemoryRouter initialEntries={['/sign-in?invite=abc']}>
          <SignInPage />
        </MemoryRouter>
      </QueryClientProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Đăng nhập bằng liên kết' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      'Yêu cầu không thực hiện được (mã 400). Thử lại hoặc báo cho cán bộ phụ trách.',
    );
    expect(screen.queryByText(/Too many/)).toBeNull();
  });
});
