import { errorInfo } from '@loa/shared';
import { ApiError, NETWORK_ERROR_MESSAGE } from './request';

/** What the app says when something that is not the server's answer went wrong (a bug, a library). */
export const UNEXPECTED_ERROR_MESSAGE = 'Có lỗi xảy ra. Thử lại sau ít phút.';

/**
 * The codes the app itself gives an `ApiError` when no catalogue answer came back: the server was not
 * reached, or something between (a proxy, a gateway) answered instead of it.
 */
function clientText(error: ApiError): string {
  if (error.code === 'NETWORK') return NETWORK_ERROR_MESSAGE;
  if (error.code === 'BAD_RESPONSE') return 'Máy chủ trả lời không đúng định dạng. Thử lại sau ít phút.';
  return error.status >= 500
    ? `Máy chủ đang gặp sự cố (mã ${error.status}). Thử lại sau ít phút.`
    : `Yêu cầu không thực hiện được (mã ${error.status}). Thử lại hoặc báo cho cán bộ phụ trách.`;
}

/**
 * The one way a screen turns an error into words. The server answers with a code of the shared error
 * catalogue and that code's Vietnamese message (sometimes made more precise, e.g. which thing was not
 * found), so a catalogue code shows the server's words, or the catalogue's when the body had none.
 * Anything else (a TypeError, a library's English) never reaches the person: it is logged and the
 * generic Vietnamese text is shown.
 */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    const known = errorInfo(error.code);
    if (!known) return clientText(error);
    return error.message.trim() || known.message;
  }
  console.error('unexpected error shown as the generic message', error);
  return UNEXPECTED_ERROR_MESSAGE;
}
