/**
 * The one error catalogue. Each code has an HTTP status and a Vietnamese message that tells a person
 * what to do. Server code throws `new AppError('CODE')`; the mini app shows `message` as it comes.
 */
export const errorCatalogue = {
  VALIDATION_FAILED: {
    status: 400,
    message: 'Dữ liệu gửi lên chưa hợp lệ. Kiểm tra lại các trường đã nhập.',
  },
  BAD_JSON: { status: 400, message: 'Nội dung gửi lên không phải JSON hợp lệ. Kiểm tra lại định dạng.' },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    message: 'Định dạng nội dung không được hỗ trợ. Hãy gửi JSON (application/json).',
  },
  BODY_TOO_LARGE: { status: 413, message: 'Nội dung gửi lên quá lớn. Hãy giảm kích thước rồi thử lại.' },
  UNAUTHENTICATED: { status: 401, message: 'Bạn cần đăng nhập để tiếp tục.' },
  SESSION_EXPIRED: { status: 401, message: 'Phiên đăng nhập đã hết hạn. Hãy đăng nhập lại.' },
  SESSION_REVOKED: {
    status: 401,
    message:
      'Phiên đăng nhập này đã kết thúc (bạn đã đăng xuất, hoặc vai trò/tổ của bạn vừa được thay đổi). Hãy đăng nhập lại.',
  },
  FORBIDDEN: { status: 403, message: 'Bạn không có quyền thực hiện thao tác này.' },
  NOT_FOUND: { status: 404, message: 'Không tìm thấy nội dung yêu cầu.' },
  ROUTE_NOT_FOUND: { status: 404, message: 'Đường dẫn không tồn tại. Kiểm tra lại địa chỉ.' },
  WARD_NOT_FOUND: { status: 404, message: 'Không tìm thấy phường/xã này. Kiểm tra lại mã phường.' },
  CONFLICT: { status: 409, message: 'Dữ liệu đã bị thay đổi bởi người khác. Tải lại rồi thử lại.' },
  RATE_LIMITED: { status: 429, message: 'Bạn thao tác quá nhanh. Đợi một chút rồi thử lại.' },
  INTERNAL: { status: 500, message: 'Lỗi hệ thống. Vui lòng thử lại sau ít phút.' },
  DATABASE_UNAVAILABLE: {
    status: 503,
    message: 'Cơ sở dữ liệu tạm thời không truy cập được. Thử lại sau ít phút.',
  },
  ZALO_TOKEN_INVALID: {
    status: 401,
    message: 'Phiên Zalo không hợp lệ hoặc đã hết hạn. Mở lại mini app trong Zalo rồi đăng nhập lại.',
  },
  ZALO_UNAVAILABLE: {
    status: 503,
    message: 'Không kết nối được Zalo để xác minh tài khoản. Thử lại sau ít phút.',
  },
  ZALO_WEBHOOK_STALE: {
    status: 401,
    message:
      'Sự kiện webhook Zalo đã quá cũ (timestamp ngoài khoảng cho phép). Kiểm tra đồng hồ máy chủ hoặc ZALO_WEBHOOK_MAX_AGE_SECONDS.',
  },
  ZALO_SIGNATURE_INVALID: {
    status: 401,
    message: 'Chữ ký webhook Zalo không đúng (X-ZEvent-Signature). Kiểm tra ZALO_WEBHOOK_SECRET.',
  },
  PHOTO_MISSING: {
    status: 400,
    message: 'Chưa có ảnh trong yêu cầu. Chọn hoặc chụp một ảnh rồi gửi lại (trường "photo").',
  },
  UPLOAD_MALFORMED: {
    status: 400,
    message:
      'Dữ liệu ảnh gửi lên không đúng định dạng (multipart/form-data bị lỗi hoặc bị cắt giữa chừng). Hãy gửi lại ảnh từ ứng dụng.',
  },
  PHOTO_NOT_IMAGE: {
    status: 415,
    message: 'Tệp gửi lên không phải ảnh. Hãy gửi ảnh JPEG, PNG, WebP hoặc HEIC.',
  },
  PHOTO_HEIC: {
    status: 415,
    message:
      'Ảnh HEIC (ảnh iPhone) chưa được hỗ trợ. Hãy chụp lại bằng nút "Chụp ảnh minh chứng" trong ứng dụng, hoặc đổi cài đặt Camera của iPhone sang "Tương thích nhất" (JPEG) rồi gửi lại.',
  },
  PHOTO_TOO_LARGE: {
    status: 413,
    message: 'Ảnh quá lớn. Hãy gửi ảnh nhỏ hơn giới hạn cho phép (chụp lại với chất lượng thấp hơn).',
  },
  PHOTO_TOO_MANY_PIXELS: {
    status: 422,
    message: 'Ảnh có kích thước điểm ảnh quá lớn để xử lý. Hãy gửi ảnh chụp bằng điện thoại thông thường.',
  },
  PHOTO_DAMAGED: {
    status: 422,
    message:
      'Ảnh bị hỏng hoặc chưa tải lên trọn vẹn nên không mở được. Hãy chụp hoặc chọn lại ảnh rồi gửi lại.',
  },
  ASSIGNMENT_NOT_FOUND: {
    status: 404,
    message: 'Không tìm thấy nhiệm vụ này trong đơn vị của bạn. Kiểm tra lại nhiệm vụ được giao.',
  },
  EVIDENCE_NOT_FOUND: { status: 404, message: 'Không tìm thấy ảnh minh chứng này. Tải lại danh sách.' },
  REVIEW_REASON_REQUIRED: {
    status: 400,
    message: 'Khi trả lại ảnh, hãy ghi lý do để tổ biết cần sửa gì.',
  },
  // Campaigns, tasks and assignments.
  CAMPAIGN_PERIOD_INVALID: {
    status: 400,
    message: 'Ngày kết thúc phải bằng hoặc sau ngày bắt đầu. Sửa lại thời gian của kế hoạch.',
  },
  UNIT_UNKNOWN: { status: 400, message: 'Đơn vị được chọn không có trong phường. Chọn lại đơn vị.' },
  MEMBER_UNKNOWN: { status: 400, message: 'Người ký được chọn không có trong phường. Chọn lại người ký.' },
  CAMPAIGN_NOT_EDITABLE: {
    status: 409,
    message: 'Kế hoạch đang triển khai hoặc đã kết thúc nên không sửa được nữa.',
  },
  CAMPAIGN_SELF_APPROVAL: {
    status: 403,
    message: 'Bạn là người soạn kế hoạch này nên không thể tự duyệt. Hãy nhờ lãnh đạo khác duyệt.',
  },
  CAMPAIGN_STATUS: {
    status: 409,
    message: 'Trạng thái kế hoạch không cho phép thao tác này. Tải lại để xem trạng thái mới.',
  },
  TASK_DUE_OUTSIDE_CAMPAIGN: {
    status: 400,
    message: 'Hạn hoàn thành phải nằm trong thời gian của kế hoạch. Chọn lại hạn.',
  },
  ASSIGN_TARGETS_EMPTY: {
    status: 400,
    message: 'Chưa chọn đơn vị nhận nhiệm vụ. Chọn ít nhất một đơn vị hoặc "Tất cả các tổ".',
  },
  ASSIGNMENT_OTHER_TEAM: {
    status: 403,
    message:
      'Nhiệm vụ này giao cho tổ khác hoặc đơn vị khác; bạn chỉ thao tác được nhiệm vụ của tổ, đơn vị mình.',
  },
  ASSIGNMENT_ALREADY_DONE: {
    status: 409,
    message: 'Tổ này đã báo cáo hoàn thành nhiệm vụ nên không cần nhắc.',
  },
  EVIDENCE_PHOTOS_MISSING: {
    status: 422,
    message: 'Nhiệm vụ này cần ảnh minh chứng. Bấm “Chụp ảnh minh chứng” để gửi ảnh rồi báo hoàn thành.',
  },
  TASK_CANCELLED: {
    status: 409,
    message: 'Nhiệm vụ này đã bị hủy nên không thao tác được nữa. Tải lại để xem danh sách mới.',
  },
  TASK_HAS_WORK: {
    status: 409,
    message:
      'Nhiệm vụ đã có đơn vị xác nhận, gửi ảnh hoặc báo cáo nên không xóa được. Hãy hủy nhiệm vụ (kèm lý do) thay vì xóa.',
  },
  ASSIGNMENT_CLOSED: {
    status: 409,
    message: 'Nhiệm vụ đã được duyệt xong nên không thay đổi được nữa.',
  },
  POST_TOO_LONG: {
    status: 400,
    message: 'Bài đăng dài quá 2.000 ký tự (tính cả đường dẫn mini app). Hãy rút gọn nội dung.',
  },
  POST_NOT_APPROVED: {
    status: 409,
    message: 'Bài đăng chưa được lãnh đạo duyệt. Gửi lãnh đạo duyệt trước khi lên lịch.',
  },
  POST_SELF_APPROVAL: {
    status: 403,
    message: 'Người soạn bài không được tự duyệt. Nhờ một lãnh đạo khác duyệt bài này.',
  },
  POST_NOT_EDITABLE: { status: 409, message: 'Bài đăng đã lưu trữ, không sửa được. Tạo bài mới.' },
  SCHEDULE_IN_PAST: { status: 400, message: 'Thời điểm gửi đã qua. Chọn một thời điểm trong tương lai.' },
  SCHEDULE_OUTSIDE_CAMPAIGN: {
    status: 400,
    message: 'Lịch gửi nằm ngoài thời gian của kế hoạch. Chọn ngày trong khoảng thời gian kế hoạch.',
  },
  SCHEDULE_NO_TARGETS: { status: 400, message: 'Chưa chọn nơi nhận. Chọn ít nhất một nhóm Zalo hoặc loa.' },
  GROUP_NOT_USABLE: {
    status: 400,
    message:
      'Có nhóm Zalo không dùng được (không thuộc phường, đang tắt, hoặc chưa có tổ phụ trách chia sẻ). Kiểm tra lại danh sách nhóm.',
  },
  OCCURRENCE_NOT_EDITABLE: {
    status: 409,
    message: 'Lượt gửi này đã gửi hoặc đã hủy, không sửa được nữa.',
  },
  DELIVERY_NOT_WAITING: {
    status: 409,
    message: 'Lượt chia sẻ này không còn chờ xác nhận (đã xác nhận trước đó hoặc không phải việc của tổ).',
  },
  PHOTO_STORAGE_UNAVAILABLE: {
    status: 503,
    message:
      'Kho ảnh tạm thời không truy cập được. Ảnh vẫn nằm trong hàng chờ trên điện thoại và sẽ tự gửi lại.',
  },
  CONVERSATION_NOT_FOUND: {
    status: 404,
    message: 'Không tìm thấy cuộc trò chuyện này trong hộp thư của phường. Tải lại danh sách.',
  },
  CHAT_WINDOW_CLOSED: {
    status: 409,
    message:
      'Không gửi được: người này không nhắn cho OA trong 7 ngày qua nên Zalo không cho OA trả lời (tin tư vấn chỉ gửi được trong 7 ngày). Hãy gọi điện cho họ, hoặc chờ họ nhắn lại OA.',
  },
  // Setting up a ward: members, units, groups, places (issue 12).
  MEMBER_PHONE_INVALID: {
    status: 400,
    message: 'Số điện thoại chưa đúng. Nhập số di động Việt Nam 10 chữ số, ví dụ 0912345678.',
  },
  MEMBER_PHONE_TAKEN: {
    status: 409,
    message: 'Số điện thoại này đã có người khác trong phường dùng. Tìm người đó trong danh sách để sửa.',
  },
  MEMBER_ROLE_ADMIN_ONLY: {
    status: 403,
    message: 'Chỉ quản trị viên mới giao, sửa hoặc khóa tài khoản quản trị.',
  },
  MEMBER_UNIT_REQUIRED: {
    status: 400,
    message: 'Tổ trưởng và thành viên tổ phải thuộc một Tổ Công nghệ số cộng đồng. Chọn tổ của người này.',
  },
  MEMBER_SELF_DEACTIVATE: {
    status: 409,
    message: 'Bạn không thể tự khóa tài khoản của mình. Nhờ một quản trị viên khác.',
  },
  MEMBER_SELF_ROLE: {
    status: 409,
    message: 'Bạn không thể tự đổi vai trò của mình. Nhờ một quản trị viên khác.',
  },
  MEMBER_LAST_ADMIN: {
    status: 409,
    message:
      'Không lưu được: phường sẽ không còn quản trị viên nào đang hoạt động. Giao vai trò Quản trị cho một người khác trước.',
  },
  EVIDENCE_OWN_PHOTO: {
    status: 403,
    message:
      'Bạn không thể tự duyệt ảnh do chính mình gửi. Hãy nhờ một cán bộ hoặc lãnh đạo khác duyệt ảnh này.',
  },
  UPLOAD_TOO_SLOW: {
    status: 408,
    message:
      'Mạng quá chậm nên ảnh chưa gửi xong. Ảnh vẫn nằm trong hàng chờ trên điện thoại và sẽ được gửi lại khi mạng tốt hơn.',
  },
  UPLOADS_IN_PROGRESS: {
    status: 429,
    message:
      'Bạn đang gửi nhiều ảnh cùng lúc. Ảnh này vẫn nằm trong hàng chờ và sẽ được gửi lại sau khi các ảnh trước gửi xong.',
  },
  MEMBER_DEACTIVATED: {
    status: 401,
    message:
      'Tài khoản của bạn đã bị khóa hoặc không còn trong danh sách của phường. Liên hệ cán bộ phụ trách.',
  },
  IMPORT_FILE_UNREADABLE: {
    status: 400,
    message:
      'Không đọc được tệp. Gửi tệp .xlsx hoặc .csv có dòng tiêu đề: Họ tên, Số điện thoại, Vai trò, Tổ/đơn vị.',
  },
  IMPORT_HAS_PROBLEMS: {
    status: 422,
    message: 'Danh sách có dòng chưa đúng nên chưa lưu người nào. Sửa các dòng được nêu rồi gửi lại.',
  },
  UNIT_NAME_TAKEN: { status: 409, message: 'Tên đơn vị này đã có trong phường. Đặt tên khác.' },
  UNIT_STOPPED: {
    status: 409,
    message:
      'Đơn vị đã ngừng dùng nên không nhận việc mới. Chọn đơn vị khác hoặc bật lại đơn vị trong phần Thiết lập phường.',
  },
  TEAM_NEEDS_KHU_PHO: {
    status: 400,
    message: 'Tổ Công nghệ số cộng đồng phải thuộc một khu phố. Nhập tên khu phố của tổ.',
  },
  KHU_PHO_UNKNOWN: { status: 400, message: 'Khu phố được chọn không có trong phường. Chọn lại khu phố.' },
  GROUP_NEEDS_ZALO_ID: {
    status: 400,
    message: 'Nhóm do OA tạo cần mã nhóm Zalo. Bấm "Lấy nhóm từ Zalo" rồi chọn nhóm trong danh sách.',
  },
  GROUP_NEEDS_TEAM: {
    status: 400,
    message: 'Nhóm chia sẻ thủ công cần một tổ phụ trách chia sẻ bài vào nhóm. Chọn tổ.',
  },
  GROUP_NAME_TAKEN: {
    status: 409,
    message: 'Phường đã có nhóm Zalo tên này hoặc mã nhóm này. Kiểm tra lại.',
  },
  INVITE_INVALID: {
    status: 401,
    message: 'Liên kết đăng nhập không đúng, đã dùng hoặc đã hết hạn. Nhờ cán bộ phụ trách gửi liên kết mới.',
  },
  WARD_OA_TAKEN: {
    status: 409,
    message:
      'Mã OA này đã thuộc phường khác. Kiểm tra lại mã OA của phường mình (xem trong trang quản lý OA).',
  },
  WARD_OA_ADMIN_ONLY: {
    status: 403,
    message: 'Chỉ quản trị viên mới đổi được mã OA Zalo của phường. Các thông tin khác bạn vẫn sửa được.',
  },
  PLACE_NAME_TAKEN: { status: 409, message: 'Phường đã có địa điểm tên này. Đặt tên khác.' },
  // Plan import.
  IMPORT_NOT_A_PLAN_FILE: {
    status: 415,
    message: 'Chỉ nhận tệp Word (.docx) hoặc PDF có chữ. Tệp .doc cũ hãy mở trong Word và lưu thành .docx.',
  },
  IMPORT_UNREADABLE: {
    status: 400,
    message: 'Không đọc được tệp này. Hãy lưu lại thành .docx hoặc dán nội dung văn bản.',
  },
  IMPORT_SCANNED_PDF: {
    status: 422,
    message:
      'Tệp PDF này là ảnh chụp (bản scan), không có lớp chữ nên không đọc được. Hãy tải lên tệp .docx, PDF xuất từ Word, hoặc dán nội dung văn bản.',
  },
  IMPORT_EMPTY: { status: 400, message: 'Văn bản trống. Dán nội dung kế hoạch hoặc chọn tệp .docx/.pdf.' },
  // Reports.
  REPORT_BUSY: {
    status: 503,
    message: 'Máy chủ đang tạo nhiều báo cáo cùng lúc. Đợi khoảng một phút rồi bấm tải lại.',
  },
  // Found by the fuzz test (test/server/api-fuzz.test.ts).
  BAD_URL: {
    status: 400,
    message: 'Địa chỉ có ký tự không hợp lệ (mã hoá %XX sai). Kiểm tra lại đường dẫn.',
  },
  URL_PART_TOO_LONG: { status: 414, message: 'Một phần của đường dẫn quá dài. Kiểm tra lại địa chỉ.' },
  ZALO_OA_NOT_CONNECTED: {
    status: 409,
    message:
      'OA của phường chưa được kết nối với ứng dụng. Kiểm tra OA id và quyền của ứng dụng rồi thử lại.',
  },
  WARD_OA_NOT_CONNECTED: {
    status: 409,
    message:
      'Phường chưa kết nối OA Zalo của mình với máy chủ này, nên chưa lấy hay đăng ký được nhóm do OA tạo. Hãy đăng ký nhóm khu phố thường do tổ chia sẻ, hoặc nhờ quản trị hệ thống kết nối OA của phường.',
  },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof errorCatalogue;

/** Registers more codes from a feature without editing this file's callers. */
export function errorInfo(code: string): { status: number; message: string } | undefined {
  return (errorCatalogue as Record<string, { status: number; message: string }>)[code];
}
