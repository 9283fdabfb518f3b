import type { AssignmentStatus, TaskKind } from '@loa/shared';

export const assignmentStatusLabels: Record<AssignmentStatus, string> = {
  pending: 'Chưa nhận',
  acknowledged: 'Đã nhận',
  submitted: 'Đã báo cáo',
  accepted: 'Đạt',
  needs_fix: 'Cần bổ sung',
};

export const taskKindLabels: Record<TaskKind, string> = {
  share_post: 'Chia sẻ bài đăng',
  loudspeaker: 'Phát thanh',
  hang_banner: 'Treo băng rôn',
  meeting: 'Họp, hội nghị',
  article: 'Viết tin bài',
  custom: 'Việc khác',
};
