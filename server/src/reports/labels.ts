/** The words the report, the spreadsheet and the ledger use for the app's states (the same as the mini app's). */
export const assignmentStatusLabels: Record<string, string> = {
  pending: 'Chưa nhận',
  acknowledged: 'Đã nhận',
  submitted: 'Đã báo cáo',
  accepted: 'Đạt',
  needs_fix: 'Cần bổ sung',
};

export const taskKindLabels: Record<string, string> = {
  share_post: 'Chia sẻ bài đăng',
  loudspeaker: 'Phát thanh',
  hang_banner: 'Treo băng rôn',
  meeting: 'Họp, hội nghị',
  article: 'Viết tin bài',
  custom: 'Việc khác',
};

export const channelLabels: Record<string, string> = {
  oa_group: 'Nhóm Zalo (OA gửi)',
  team_share: 'Nhóm Zalo (tổ chia sẻ)',
  oa_user: 'Tin nhắn OA',
  loudspeaker: 'Loa truyền thanh',
};

export const campaignStatusLabels: Record<string, string> = {
  draft: 'chờ duyệt',
  approved: 'đã duyệt, chưa triển khai',
  active: 'đang triển khai',
  closed: 'đã kết thúc',
};
