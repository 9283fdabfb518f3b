/**
 * Every operation the server answers, by name (the request log's `op` and the audit's action), with the
 * summary /docs shows. `config.op` is typed against this list, so a route cannot log a name that is not
 * here. A new feature adds its operations in a block of its own, in the folder's order.
 */
export const OPERATIONS = {
  'health.get': 'Tình trạng máy chủ',
  'public.campaign': 'Kế hoạch hiện tại của phường và các bài đã gửi (mới nhất trước)',
  'public.sentPosts': 'Các bài phường đã gửi vào nhóm Zalo, mới nhất trước (công khai, theo mã phường)',
  'public.sentPost': 'Một bài phường đã gửi (công khai); bài chưa gửi trả 404',
  'site.ward': 'Trang web công khai của phường: các bài đã gửi, có ảnh (HTML)',
  'site.post': 'Trang web của một bài đã gửi (HTML)',
  'site.feed': 'Nguồn tin Atom các bài đã gửi, để cổng thông tin phường liên kết hoặc lấy về',
  'site.image': 'Ảnh của một bài đã gửi (JPEG, đã xóa siêu dữ liệu)',
  'site.css': 'Kiểu trình bày của trang web công khai',
  'sentPosts.mine':
    'Các bài phường tôi đã gửi, với địa chỉ trang web của từng bài (để báo cáo nhiệm vụ đăng tin)',
  'mini-app.missing': 'Trang của mini app không có',
  'mini-app.page': 'Trang của mini app, kèm dữ liệu màn hình đầu (Trang chủ) của phường trong liên kết',
  'zalo.webhook': 'Sự kiện webhook từ Zalo OA',

  'auth.zalo': 'Đăng nhập bằng tài khoản Zalo',
  'auth.me': 'Người đang đăng nhập',
  'auth.signOut': 'Đăng xuất: máy chủ thu hồi phiên này ngay',
  'auth.invite': 'Đăng nhập bằng liên kết mời (liên kết Zalo với thành viên)',
  'auth.options': 'Cách máy chủ này đăng nhập: chỉ trong Zalo (live) hay trình giả lập Zalo (bản trình diễn)',

  'campaigns.list': 'Danh sách kế hoạch (lọc theo trạng thái, ví dụ chờ duyệt = draft)',
  'campaigns.create': 'Tạo kế hoạch (bản nháp)',
  'campaigns.get': 'Chi tiết kế hoạch',
  'campaigns.update': 'Sửa kế hoạch (kế hoạch đã duyệt sẽ quay về chờ duyệt)',
  'campaigns.approve': 'Lãnh đạo duyệt kế hoạch',
  'campaigns.activate': 'Triển khai kế hoạch',
  'campaigns.close': 'Kết thúc kế hoạch',
  'units.list': 'Các đơn vị của phường (để chọn đơn vị chủ trì, giao nhiệm vụ)',

  'wards.get': 'Thông tin phường',
  'wards.update': 'Sửa thông tin phường (tên, OA, vùng kiểm tra vị trí)',
  'places.list': 'Địa điểm treo băng rôn, chụp ảnh',
  'places.create': 'Thêm địa điểm',
  'places.update': 'Sửa hoặc ngừng dùng địa điểm',
  'units.setup_list': 'Đơn vị và tổ của phường (cả đơn vị đã ngừng)',
  'units.create': 'Thêm đơn vị hoặc Tổ Công nghệ số (tổ thuộc một khu phố)',
  'units.update': 'Sửa hoặc ngừng đơn vị',
  'members.list': 'Thành viên của phường',
  'members.create': 'Thêm thành viên',
  'members.update': 'Sửa thành viên, hoặc khóa (active: false) — người bị khóa mất quyền truy cập ngay',
  'members.import':
    'Nhập danh sách thành viên từ .xlsx/.csv (Họ tên, Số điện thoại, Vai trò, Tổ/đơn vị): xem trước, rồi lưu khi không còn dòng lỗi',
  'members.export': 'Tải danh sách thành viên (.xlsx hoặc .csv, cùng cột với tệp nhập)',
  'members.invite': 'Tạo liên kết đăng nhập một lần cho thành viên (hiệu lực 7 ngày)',
  'groups.setup_list': 'Nhóm Zalo của các khu phố, với lần gửi gần nhất',
  'groups.fetch_oa': 'Lấy các nhóm của OA từ Zalo (getgroupsofoa), đánh dấu nhóm đã đăng ký',
  'groups.create': 'Đăng ký nhóm: nhóm OA (oa_group) hoặc nhóm khu phố do tổ chia sẻ (team_share)',
  'groups.update': 'Đổi tên, tổ phụ trách hoặc tắt/bật nhóm',

  'audit.list': 'Nhật ký thao tác: ai làm gì, lúc nào (lọc theo kế hoạch, theo người)',

  'imports.draft': 'Đọc văn bản kế hoạch (dán chữ, .docx hoặc .pdf có chữ) thành bản nháp để kiểm tra',
  'imports.save': 'Lưu bản nháp đã sửa: tạo kế hoạch, các đơn vị còn thiếu và các nhiệm vụ',

  'tasks.list': 'Nhiệm vụ của kế hoạch',
  'tasks.create': 'Thêm nhiệm vụ (và giao ngay nếu có "assign")',
  'tasks.assign': 'Giao nhiệm vụ cho một, nhiều đơn vị hoặc tất cả các tổ',
  'tasks.board': 'Bảng tiến độ: các tổ × nhiệm vụ',
  'tasks.update': 'Sửa nhiệm vụ (hạn, số ảnh, địa điểm, quy tắc vị trí…)',
  'tasks.cancel': 'Hủy nhiệm vụ kèm lý do (giữ lại việc đã làm)',
  'tasks.delete': 'Xóa nhiệm vụ khi chưa đơn vị nào làm gì',
  'assignments.urge': 'Nhắc một tổ chưa hoàn thành',
  'campaigns.urgeLate': 'Nhắc tất cả các tổ trễ hạn',
  'assignments.mine': 'Nhiệm vụ của tổ tôi',
  'assignments.get': 'Chi tiết một nhiệm vụ được giao',
  'assignments.ack': 'Xác nhận đã nhận nhiệm vụ (gọi lại không sao)',
  'assignments.done': 'Báo cáo hoàn thành, kèm ghi chú hoặc con số (ví dụ số lần phát thanh)',

  'evidence.upload': 'Nộp ảnh minh chứng (multipart, trường "photo")',
  'evidence.listForAssignment': 'Ảnh minh chứng của một nhiệm vụ, với kết quả kiểm tra và trạng thái duyệt',
  'evidence.list': 'Hàng chờ duyệt và thư viện ảnh theo kế hoạch, tổ, cờ, trạng thái',
  'evidence.photo': 'Ảnh (bản thu nhỏ hoặc bản xem, đã xóa siêu dữ liệu)',
  'evidence.review': 'Duyệt ảnh minh chứng hoặc trả lại kèm lý do',

  'posts.list': 'Danh sách bài đăng (lọc theo kế hoạch)',
  'posts.get': 'Chi tiết bài đăng, với bản xem trước đúng như nhóm sẽ nhận',
  'posts.create': 'Viết bài đăng (chờ lãnh đạo duyệt)',
  'posts.update': 'Sửa bài đăng (bài đã duyệt quay về chờ duyệt)',
  'posts.archive': 'Lưu trữ bài đăng và hủy các lượt gửi chưa đến giờ',
  'posts.approve': 'Lãnh đạo duyệt bài đăng (không duyệt bài của chính mình)',
  'schedules.list': 'Lịch gửi của bài đăng và từng lượt gửi',
  'schedules.create': 'Lên lịch gửi bài (một lần hoặc hằng ngày) vào các nhóm, loa phát thanh',
  'schedules.setStatus': 'Tạm dừng, tiếp tục hoặc hủy lịch gửi',
  'occurrences.update': 'Sửa giờ hoặc nội dung một lượt gửi chưa đến giờ, hoặc hủy lượt đó',
  'groups.list': 'Các nhóm Zalo của phường để chọn nơi gửi',

  'deliveries.list': 'Sổ gửi tin của bài đăng: từng nhóm, trạng thái, lý do nếu lỗi',
  'shareTasks.list': 'Việc chia sẻ và phát loa của tổ tôi',
  'deliveries.shared': 'Tổ xác nhận đã chia sẻ bài vào nhóm',
  'deliveries.broadcast': 'Tổ báo đã phát bài trên loa, kèm số lần phát',

  'posts.preview':
    'Bản xem trước đúng như máy chủ sẽ lưu và gửi (kèm dòng "Xem chi tiết"), số ký tự, bài đọc loa',
  'posts.sendBack': 'Lãnh đạo trả lại bài cho người soạn, kèm lý do',
  'posts.image': 'Ảnh đính kèm bài đăng (JPEG đã xử lý, đúng như gửi vào nhóm)',
  'posts.imageUpload': 'Tải ảnh đính kèm bài đăng (nội dung yêu cầu là tệp ảnh JPEG, PNG hoặc WebP)',
  'loudspeaker.slots': 'Các khung giờ phát loa của phường',
  'loudspeaker.setSlots': 'Đặt các khung giờ phát loa của phường',
  'deliveries.plays': 'Nhật ký phát loa của một lượt: mỗi lần tổ đã phát',
  'deliveries.reportPlay': 'Tổ báo một lần phát loa (mỗi lần phát một dòng)',

  'notifications.issues': 'Tin nhắn cho người dùng không gửi được hoặc chưa rõ, cần gọi điện',
  'reminder_rules.list': 'Quy tắc nhắc việc và báo cáo chậm tiến độ của kế hoạch',
  'reminder_rules.replace': 'Sửa quy tắc nhắc việc của kế hoạch',

  'conversations.list': 'Hộp thư OA: các cuộc trò chuyện, cuộc chờ cán bộ lên trước, kèm số tin chưa đọc',
  'conversations.thread': 'Một cuộc trò chuyện và các tin nhắn của nó',
  'conversations.read': 'Đánh dấu cuộc trò chuyện đã đọc',
  'conversations.reply': 'Cán bộ trả lời (tin tư vấn OA; chỉ trong 7 ngày kể từ tin cuối của người dân)',
  'conversations.resolve': 'Đánh dấu đã xử lý; trợ lý tự động trả lời các tin sau',
  'conversations.handBack': 'Trả cuộc trò chuyện về trợ lý tự động (báo cho người dân)',

  'reports.docx': 'Báo cáo kết quả (.docx, theo Nghị định 30/2020)',
  'reports.xlsx': 'Phụ lục tiến độ từng tổ × nhiệm vụ (.xlsx)',
  'reports.ledgerCsv': 'Sổ gửi tin của kế hoạch (.csv, UTF-8)',

  // Recorded in the audit log without a route of their own: the command line, the demo seed, the
  // chat, the token keeper, and the finer outcomes of an operation above (members.update that locks,
  // a review that accepts or sends back).
  'wards.create': 'Tạo phường mới cùng quản trị viên đầu tiên (lệnh npm run ward:create)',
  'seed.demo_ward': 'Tạo dữ liệu mẫu cho phường (lệnh seed)',
  'members.deactivate': 'Khóa thành viên (members.update với active: false)',
  'members.import_create': 'Thêm một thành viên khi lưu danh sách nhập',
  'members.import_update': 'Cập nhật một thành viên khi lưu danh sách nhập',
  'evidence.accept': 'Duyệt ảnh minh chứng (evidence.review với decision: accept)',
  'evidence.sendBack': 'Trả lại ảnh minh chứng kèm lý do (evidence.review với decision: needs_fix)',
  'evidence.location': 'Tổ gửi vị trí qua chat Zalo cho ảnh minh chứng vừa nộp',
  'zalo.grant_lost': 'Zalo từ chối làm mới quyền của OA: cần cấp quyền lại',
  'zalo.oa_connected': 'Kết nối OA Zalo của phường: lưu cặp token đầu tiên (lệnh npm run ward:connect-oa)',
} as const;

export type Operation = keyof typeof OPERATIONS;
