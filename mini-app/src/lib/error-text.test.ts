import { errorCatalogue } from '@loa/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorText, UNEXPECTED_ERROR_MESSAGE } from './error-text';
import { ApiError, NETWORK_ERROR_MESSAGE } from './request';

afterEach(() => vi.restoreAllMocks());

describe('errorText', () => {
  it("shows the server's words for a catalogue code, and the catalogue's when the body had none", () => {
    const precise = 'Không tìm thấy bài đăng này.';
    expect(errorText(new ApiError(404, 'NOT_FOUND', precise))).toBe(precise);
    expect(errorText(new ApiError(403, 'FORBIDDEN', ''))).toBe(errorCatalogue.FORBIDDEN.message);
  });

  it('says in Vietnamese what the app itself saw: no server, a gateway page', () => {
    expect(errorText(new ApiError(0, 'NETWORK', 'Failed to fetch'))).toBe(NETWORK_ERROR_MESSAGE);
    expect(errorText(new ApiError(502, 'HTTP_502', 'Bad Gateway'))).toBe(
      'Máy chủ đang gặp sự cố (mã 502). Thử lại sau ít phút.',
    );
  });

  it("never shows a library's or a bug's English message", () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(errorText(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(
      UNEXPECTED_ERROR_MESSAGE,
    );
    expect(errorText('boom')).toBe(UNEXPECTED_ERROR_MESSAGE);
  });
});
