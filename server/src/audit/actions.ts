/**
 * Every action the audit log records, with the words Nhật ký shows for it ("<người> <việc> “<bản ghi>”", the record's words coming from read-sql.ts).
 * An action is an operation name of the catalogue (http/operations.ts): `satisfies` refuses a key that
 * is not one, and `recordAudit` takes only the keys here, so a recorded action without Vietnamese words
 * does not compile. The words are lower case: they follow the person's name.
 */
import type { Operation } from '../http/operations.js';

export const AUDIT_ACTIONS = {
  'campaigns.create': 'tạo kế hoạch',
  'campaigns.update': 'sửa kế hoạch',
  'campaigns.approve': 'duyệt kế hoạch',
  'campaigns.activate': 'triển khai kế hoạch',
  'campaigns.close': 'kết thúc kế hoạch',
  'imports.save': 'lưu kế hoạch đọc từ văn bản',
  'reminder_rules.replace': 'sửa quy tắc nhắc việc của kế hoạch',

  'tasks.create': 'tạo nhiệm vụ',
  'tasks.assign': 'giao nhiệm vụ',
  'tasks.update': 'sửa nhiệm vụ',
  'tasks.cancel': 'hủy nhiệm vụ',
  'tasks.delete': 'xóa nhiệm vụ',
  'assignments.ack': 'xác nhận đã nhận nhiệm vụ',
  'assignments.done': 'báo cáo hoàn thành nhiệm vụ',
  'assignments.urge': 'nhắc tổ làm nhiệm vụ',

  'evidence.upload': 'nộp ảnh minh chứng',
  'evidence.accept': 'duyệt ảnh minh chứng',
  'evidence.sendBack': 'trả lại ảnh minh chứng',
  'evidence.location': 'gửi vị trí qua Zalo cho ảnh minh chứng',

  'posts.create': 'viết bài đăng',
  'posts.update': 'sửa bài đăng',
  'posts.approve': 'duyệt bài đăng',
  'posts.sendBack': 'trả lại bài đăng',
  'posts.archive': 'lưu trữ bài đăng (hủy các lượt gửi chưa đến giờ)',
  'schedules.create': 'lên lịch gửi bài',
  'schedules.setStatus': 'tạm dừng, tiếp tục hoặc hủy lịch gửi bài',
  'occurrences.update': 'sửa một lượt gửi bài',
  'loudspeaker.setSlots': 'đặt khung giờ phát loa',
  'deliveries.shared': 'xác nhận đã chia sẻ bài vào nhóm',
  'deliveries.broadcast': 'báo đã phát bài trên loa',
  'deliveries.reportPlay': 'báo một lần phát loa',

  'conversations.reply': 'trả lời tin nhắn OA',
  'conversations.resolve': 'đánh dấu đã xử lý cuộc trò chuyện',
  'conversations.handBack': 'trả về trợ lý tự động cuộc trò chuyện',

  'wards.create': 'tạo phường',
  'wards.update': 'sửa thông tin phường',
  'seed.demo_ward': 'tạo dữ liệu mẫu',
  'places.create': 'thêm địa điểm',
  'places.update': 'sửa địa điểm',
  'units.create': 'thêm đơn vị',
  'units.update': 'sửa đơn vị',
  'members.create': 'thêm thành viên',
  'members.update': 'sửa thành viên',
  'members.deactivate': 'khóa thành viên',
  'members.import_create': 'thêm từ danh sách nhập thành viên',
  'members.import_update': 'cập nhật từ danh sách nhập thành viên',
  'members.invite': 'tạo liên kết đăng nhập cho thành viên',
  'members.export': 'tải danh sách thành viên (kèm số điện thoại) của',
  'auth.invite': 'đăng nhập lần đầu bằng liên kết mời',
  'auth.signOut': 'đăng xuất',
  'groups.create': 'đăng ký nhóm Zalo',
  'groups.update': 'sửa nhóm Zalo',
  'zalo.grant_lost': 'mất quyền gửi tin của OA Zalo (cần cấp quyền lại)',
  'zalo.oa_connected': 'kết nối OA Zalo của phường',
} as const satisfies Partial<Record<Operation, string>>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

/**
 * Names the log held before they were made operation names; rows already written keep them, so the
 * view reads them as their new name.
 */
const FORMER_NAMES: Readonly<Record<string, AuditAction>> = {
  'auth.sign_out': 'auth.signOut',
  'members.invite_used': 'auth.invite',
};

/** The Vietnamese words for a stored action; a name the catalogue no longer has says so in Vietnamese. */
export function auditActionText(action: string): string {
  const name = Object.hasOwn(AUDIT_ACTIONS, action) ? (action as AuditAction) : FORMER_NAMES[action];
  return name ? AUDIT_ACTIONS[name] : `thực hiện thao tác không còn trong danh mục (${action})`;
}
