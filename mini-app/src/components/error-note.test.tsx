import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../lib/request';
import { ErrorNote } from './status-views';

afterEach(cleanup);

describe('ErrorNote', () => {
  it('lists each field to fix by its Vietnamese name, not the JSON key', () => {
    const error = new ApiError(
      400,
      'VALIDATION_FAILED',
      'Dữ liệu chưa hợp lệ: “Họ tên” không được để trống; “Số điện thoại” không được dài quá 20 ký tự.',
      [
        { field: 'fullName', label: 'Họ tên', message: 'không được để trống' },
        { field: 'phone', label: 'Số điện thoại', message: 'không được dài quá 20 ký tự' },
      ],
    );
    render(<ErrorNote error={error} />);
    const items = screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual(['Họ tên: không được để trống', 'Số điện thoại: không được dài quá 20 ký tự']);
    expect(screen.getByRole('alert').textContent).not.toMatch(/fullName|phone/);
  });

  it("shows one field's problem as the server's sentence, once", () => {
    const message = 'Dữ liệu chưa hợp lệ: “Số điện thoại” không được dài quá 20 ký tự.';
    render(
      <ErrorNote
        error={
          new ApiError(400, 'VALIDATION_FAILED', message, [
            { field: 'phone', label: 'Số điện thoại', message: 'không được dài quá 20 ký tự' },
          ])
        }
      />,
    );
    expect(screen.getByRole('alert').textContent).toBe(message);
  });
});
