/**
 * Every Zalo failure gets a kind (what the caller should do) and a Vietnamese explanation (what staff
 * should do). Codes come from the OA error table, the ZNS table and the graph/OAuth families
 * (see the Zalo reference, §3.3, §4.6, §8).
 */

/** How a failed Zalo call should be handled; every Zalo failure (HTTP or `error != 0`) gets one. */
export type ZaloFailureKind =
  | 'retryable' // HTTP 5xx, network, timeout before the request was sent: try again later
  | 'rate_limited' // -32: slow down, then try again
  | 'token' // the OA access token is invalid/expired: refresh once, then try again
  | 'unreachable' // the recipient cannot get this message type now (-230, -213, -227, …)
  | 'permanent' // a bad request, a disabled group (-237), no permission: a person must act
  | 'unknown'; // the request may have been accepted but the answer was lost: reconcile, never resend blindly

export class ZaloApiError extends Error {
  override name = 'ZaloApiError';
  constructor(
    readonly kind: ZaloFailureKind,
    /** Zalo's own code (e.g. -230), or the HTTP status, or 0 for a network failure. */
    readonly code: number,
    /** Vietnamese, for staff: what happened and what to do ("Nhóm đã bị giải tán vì hết hạn gói (-237)"). */
    readonly explanation: string,
  ) {
    super(`${explanation} [${code}]`);
  }
}

interface CodeInfo {
  kind: ZaloFailureKind;
  text: string;
}

const codes: Record<number, CodeInfo> = {
  [-32]: { kind: 'rate_limited', text: 'Gửi quá nhanh, Zalo tạm giới hạn; hệ thống sẽ gửi lại sau ít phút' },
  [-100]: { kind: 'permanent', text: 'Tệp đính kèm đã hết hạn (quá 7 ngày); hãy tải ảnh lên lại' },
  [-200]: { kind: 'retryable', text: 'Zalo gửi tin thất bại; hệ thống sẽ thử lại' },
  [-201]: { kind: 'permanent', text: 'Dữ liệu gửi sang Zalo không hợp lệ; báo cho quản trị hệ thống' },
  [-204]: { kind: 'permanent', text: 'Official Account đã bị vô hiệu hóa; liên hệ Zalo để mở lại' },
  [-205]: { kind: 'permanent', text: 'Official Account không tồn tại; kiểm tra ZALO_OA_ID' },
  [-209]: { kind: 'permanent', text: 'Ứng dụng Zalo chưa được kích hoạt; kích hoạt ở developers.zalo.me' },
  [-210]: { kind: 'permanent', text: 'Tham số vượt giới hạn của Zalo (ví dụ tin quá 2.000 ký tự)' },
  [-211]: { kind: 'permanent', text: 'Đã hết hạn mức gửi tin của OA; chờ sang ngày hoặc nâng gói' },
  [-212]: {
    kind: 'permanent',
    text: 'Ứng dụng chưa đăng ký API này; bật quyền trong trang quản lý ứng dụng',
  },
  [-213]: { kind: 'unreachable', text: 'Người nhận chưa quan tâm OA; nhờ họ nhấn "Quan tâm" OA của phường' },
  [-216]: { kind: 'token', text: 'Mã truy cập OA không hợp lệ' },
  [-217]: { kind: 'unreachable', text: 'Người nhận đã chặn lời mời/tin nhắn từ OA' },
  [-218]: { kind: 'unreachable', text: 'Người nhận đã hết hạn mức nhận tin hôm nay; thử lại ngày mai' },
  [-219]: { kind: 'permanent', text: 'Ứng dụng Zalo đã bị gỡ hoặc vô hiệu hóa' },
  [-220]: { kind: 'token', text: 'Mã truy cập OA đã hết hạn hoặc bị thu hồi' },
  [-221]: { kind: 'permanent', text: 'OA cần được xác thực để dùng chức năng này' },
  [-223]: { kind: 'permanent', text: 'OA chưa cấp quyền API này cho ứng dụng' },
  [-224]: { kind: 'permanent', text: 'Gói OA hiện tại không hỗ trợ; cần nâng cấp gói' },
  [-227]: { kind: 'unreachable', text: 'Tài khoản người nhận bị khóa hoặc không hoạt động quá 45 ngày' },
  [-230]: {
    kind: 'unreachable',
    text: 'Người nhận không tương tác với OA trong 7 ngày qua; nhờ họ nhắn tin cho OA hoặc dùng tin mẫu',
  },
  [-232]: { kind: 'unreachable', text: 'Người nhận chưa tương tác hoặc tương tác đã hết hạn' },
  [-233]: { kind: 'permanent', text: 'Loại tin nhắn không hợp lệ' },
  [-234]: { kind: 'permanent', text: 'Không được gửi loại tin này vào ban đêm (22:00–06:00)' },
  [-235]: { kind: 'permanent', text: 'API không hỗ trợ loại OA này' },
  [-237]: { kind: 'permanent', text: 'Nhóm đã bị giải tán vì hết hạn gói' },
  [-240]: { kind: 'permanent', text: 'API tin nhắn v2 đã ngừng hoạt động' },
  [-242]: { kind: 'permanent', text: 'appsecret_proof sai; kiểm tra ZALO_APP_SECRET' },
  [-244]: { kind: 'unreachable', text: 'Người nhận đã chặn loại tin nhắn này' },
  [-248]: { kind: 'permanent', text: 'Nội dung vi phạm tiêu chuẩn nền tảng Zalo; sửa nội dung' },
  [-249]: { kind: 'permanent', text: 'Mẫu tin này không gửi được theo user id' },
  [-320]: { kind: 'permanent', text: 'Ứng dụng cần liên kết Zalo Cloud Account' },
  [-321]: { kind: 'permanent', text: 'Zalo Cloud Account đã hết tiền; nạp thêm' },
  [-403]: { kind: 'permanent', text: 'OA không ở trong nhóm này; chỉ gửi được vào nhóm do OA tạo' },
  // ZNS by phone.
  [-108]: { kind: 'permanent', text: 'Số điện thoại không hợp lệ' },
  [-109]: { kind: 'permanent', text: 'Mã mẫu tin ZNS không hợp lệ' },
  [-1121]: { kind: 'permanent', text: 'Tham số mẫu tin quá dài' },
  [-1122]: { kind: 'permanent', text: 'Thiếu tham số mẫu tin' },
  [-114]: { kind: 'unreachable', text: 'Người dùng không nhận được tin ZNS' },
  [-119]: { kind: 'unreachable', text: 'Người dùng không nhận được tin ZNS' },
  [-115]: { kind: 'permanent', text: 'Hết hạn mức hoặc số dư ZNS' },
  [-117]: { kind: 'permanent', text: 'Không có quyền dùng mẫu tin này' },
  [-124]: { kind: 'token', text: 'Mã truy cập không hợp lệ (ZNS)' },
  [-131]: { kind: 'permanent', text: 'Mẫu tin chưa được duyệt' },
  [-133]: { kind: 'permanent', text: 'Không gửi ZNS vào ban đêm (22:00–06:00)' },
  [-135]: { kind: 'permanent', text: 'OA chưa được phép gửi ZNS' },
  [-144]: { kind: 'permanent', text: 'Đã hết hạn mức gửi trong ngày' },
  [-146]: { kind: 'permanent', text: 'Mẫu tin bị khóa do chất lượng thấp' },
  // Graph (mini-app user tokens).
  452: { kind: 'token', text: 'Phiên Zalo của người dùng không hợp lệ hoặc đã hết hạn' },
  100: { kind: 'permanent', text: 'Tham số không hợp lệ' },
  210: { kind: 'permanent', text: 'Không xem được thông tin người dùng này' },
  112: { kind: 'permanent', text: 'Ứng dụng chưa liên kết với OA nào' },
};

/** The error for Zalo's own code (an `error != 0` answer, HTTP 200 or not). */
export function errorForCode(code: number, zaloMessage?: string): ZaloApiError {
  const info = codes[code];
  if (info) return new ZaloApiError(info.kind, code, `${info.text} (${code})`);
  const suffix = zaloMessage ? `: ${zaloMessage}` : '';
  return new ZaloApiError('permanent', code, `Zalo từ chối yêu cầu${suffix} (${code})`);
}

/** The error for an HTTP status without a Zalo body. */
export function errorForHttpStatus(status: number): ZaloApiError {
  if (status === 429)
    return new ZaloApiError('rate_limited', status, `Zalo yêu cầu gửi chậm lại (HTTP ${status})`);
  if (status >= 500)
    return new ZaloApiError('retryable', status, `Máy chủ Zalo đang lỗi (HTTP ${status}); sẽ thử lại`);
  if (status === 401) return new ZaloApiError('token', status, `Zalo từ chối mã truy cập (HTTP ${status})`);
  return new ZaloApiError('permanent', status, `Zalo trả lời lỗi HTTP ${status}`);
}

export const networkError = (detail: string) =>
  new ZaloApiError('retryable', 0, `Không kết nối được Zalo (${detail}); sẽ thử lại`);

/** The request left but no answer came back in time: it may have been accepted. */
export const lostAnswerError = (timeoutMs: number) =>
  new ZaloApiError(
    'unknown',
    0,
    `Zalo không trả lời trong ${timeoutMs} ms; tin có thể đã được gửi, hệ thống sẽ đối soát, không gửi lại`,
  );

export const grantLostError = (detail: string) =>
  new ZaloApiError(
    'permanent',
    0,
    `Mất quyền truy cập OA (${detail}); quản trị viên OA cần cấp quyền lại cho ứng dụng`,
  );

/** Every refusal to send for a ward through an OA not its own starts with this, whatever the cause. */
export const NOT_OWN_OA = 'Phường chưa kết nối OA Zalo của mình với máy chủ này';

/** The ward has no OA id: nothing is sent through any OA for it. */
export const wardHasNoOaError = () =>
  new ZaloApiError(
    'permanent',
    0,
    `${NOT_OWN_OA}: phường chưa có Mã OA Zalo. Nhập Mã OA Zalo ở màn hình Phường, rồi nhờ quản trị hệ thống kết nối OA (npm run ward:connect-oa, xem README mục Zalo). Tin không được gửi qua OA của phường khác; trong lúc này hãy dùng nhóm khu phố thường do tổ chia sẻ.`,
  );

/** The ward has an OA id but no token pair was ever stored for it. */
export const oaNotConnectedError = () =>
  new ZaloApiError(
    'permanent',
    0,
    `${NOT_OWN_OA}: chưa có token của OA. Quản trị hệ thống kết nối OA bằng npm run ward:connect-oa (xem README mục Zalo). Tin không được gửi qua OA của phường khác; trong lúc này hãy dùng nhóm khu phố thường do tổ chia sẻ.`,
  );
