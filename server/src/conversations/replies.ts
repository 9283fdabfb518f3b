/**
 * What the bot says. Every fact about a campaign comes from the ward's own data passed in; nothing
 * here names a campaign, a date or a slogan.
 */
import { formatDateTimeVi, formatIsoDayVi } from '@loa/shared';
import type { CampaignFacts, OpenAssignment } from './sql.js';

export interface Links {
  /** The mini app (its home page shows the campaign and its posts). */
  miniApp: string;
  /** The team's task list in the mini app. */
  tasks: string;
}

const statusVi: Record<OpenAssignment['status'], string> = {
  pending: 'chưa xác nhận',
  acknowledged: 'đã nhận',
  submitted: 'đã báo xong, còn thiếu ảnh',
  needs_fix: 'cần bổ sung',
};

export function numberedList(assignments: OpenAssignment[]): string {
  return assignments
    .map(
      (a, index) =>
        `${index + 1}. ${a.title} (hạn ${formatDateTimeVi(a.dueAt)}; ${statusVi[a.status]}${
          a.photosRequired > a.photosSent ? `; cần ${a.photosRequired - a.photosSent} ảnh` : ''
        })`,
    )
    .join('\n');
}

export const say = {
  tasks: (name: string, assignments: OpenAssignment[], links: Links) =>
    assignments.length
      ? `Nhiệm vụ của ${name} còn mở:\n${numberedList(assignments)}\n\nNhắn "nhận 1" để xác nhận đã nhận, "xong 1" khi đã làm xong, hoặc gửi ảnh minh chứng vào đây. Xem chi tiết: ${links.tasks}`
      : `${name} không còn nhiệm vụ nào đang mở. Cảm ơn tổ đã hoàn thành! Xem lại: ${links.tasks}`,
  askWhich: (verb: string, assignments: OpenAssignment[]) =>
    `Bạn muốn ${verb} nhiệm vụ nào? Trả lời bằng số:\n${numberedList(assignments)}`,
  pickInRange: (count: number) => `Vui lòng trả lời bằng một số từ 1 đến ${count}.`,
  acknowledged: (title: string) => `Đã ghi nhận: tổ đã nhận nhiệm vụ "${title}". Khi làm xong, nhắn "xong".`,
  alreadyAcknowledged: (title: string) => `Nhiệm vụ "${title}" đã được xác nhận từ trước.`,
  alreadyCompleted: (title: string) =>
    `Nhiệm vụ "${title}" đã được báo hoàn thành, đang chờ cán bộ phường xem. Nhắn "nhiệm vụ" để xem việc còn lại.`,
  completed: (title: string, numberDone?: number) =>
    `Đã ghi nhận hoàn thành nhiệm vụ "${title}"${numberDone !== undefined ? ` (${numberDone} lần)` : ''}. Cán bộ phường sẽ xem và phản hồi.`,
  nothingToAck: 'Tổ bạn không có nhiệm vụ nào đang chờ xác nhận. Nhắn "nhiệm vụ" để xem danh sách.',
  nothingToComplete:
    'Tổ bạn không có nhiệm vụ nào đang chờ báo hoàn thành. Nhắn "nhiệm vụ" để xem danh sách.',
  noSuchNumber: (n: number, count: number) =>
    count
      ? `Không có nhiệm vụ số ${n}. Danh sách hiện có ${count} nhiệm vụ; nhắn "nhiệm vụ" để xem lại.`
      : 'Tổ bạn không còn nhiệm vụ nào đang mở.',
  photoSaved: (title: string, flags: string[]) =>
    `Đã nhận ảnh minh chứng cho nhiệm vụ "${title}".${
      flags.length ? ` Lưu ý: ${flags.join('; ')}.` : ''
    } Cán bộ phường sẽ duyệt ảnh.`,
  photoNoTask:
    'Đã nhận ảnh. Tổ bạn hiện không có nhiệm vụ nào cần ảnh, nên ảnh đã được lưu lại và cán bộ phường đã được báo để xem.',
  askPhotoTask: (assignments: OpenAssignment[]) =>
    `Ảnh này là minh chứng cho nhiệm vụ nào? Trả lời bằng số:\n${numberedList(assignments)}`,
  photoFailed: (reason: string) => `Chưa lưu được ảnh: ${reason}`,
  refused: (reason: string) => `Chưa ghi nhận được: ${reason}`,
  locationSaved: (title: string, flags: string[]) =>
    `Đã gắn vị trí vào ảnh minh chứng của nhiệm vụ "${title}".${flags.length ? ` Lưu ý: ${flags.join('; ')}.` : ''}`,
  locationNoEvidence:
    'Đã nhận vị trí, nhưng tổ bạn không có ảnh minh chứng nào đang chờ vị trí. Hãy gửi ảnh trước, rồi gửi vị trí.',
  locationResident: 'Cảm ơn bạn đã gửi vị trí. Nếu cần phản ánh, hãy nhắn "gặp cán bộ" kèm nội dung.',
  signIn: (links: Links) =>
    `Tài khoản Zalo này chưa được liên kết với tổ công nghệ số nào. Nếu bạn là thành viên tổ, hãy mở mini app Loa Phường để đăng nhập (chỉ cần một lần): ${links.miniApp}`,
  help: (member: boolean) =>
    member
      ? 'Bạn có thể nhắn:\n• "nhiệm vụ": xem việc của tổ và hạn\n• "nhận" hoặc "nhận 2": xác nhận đã nhận việc\n• "xong" hoặc "đã xong 2": báo hoàn thành\n• gửi ảnh: nộp minh chứng; gửi vị trí: gắn vị trí vào ảnh vừa gửi\n• "khẩu hiệu", "chủ đề", "thời gian": thông tin kế hoạch\n• "gặp cán bộ": nói chuyện với cán bộ phường'
      : 'Bạn có thể hỏi:\n• "chủ đề", "khẩu hiệu"\n• "diễn ra khi nào", "có hoạt động gì"\n• "ngày này là ngày gì"\n• "đọc bài ở đâu"\n• "gặp cán bộ": nói chuyện với cán bộ phường',
  notUnderstood:
    'Xin lỗi, mình chưa hiểu ý bạn. Bạn thử nhắn "trợ giúp" để xem mình giúp được gì, hoặc "gặp cán bộ" để nói chuyện với cán bộ phường.',
  thanks: 'Không có gì ạ! Cần gì bạn cứ nhắn nhé.',
  greeting: (wardName: string, member: boolean) =>
    `Xin chào! Đây là OA của UBND ${wardName}. ${member ? 'Nhắn "nhiệm vụ" để xem việc của tổ, hoặc "trợ giúp".' : 'Bạn có thể hỏi về kế hoạch tuyên truyền của phường, hoặc nhắn "trợ giúp".'}`,
  other: 'Mình chỉ đọc được tin nhắn chữ, ảnh và vị trí. Nhắn "trợ giúp" để xem mình giúp được gì.',
  noCampaign: (wardName: string) =>
    `${wardName} hiện chưa có kế hoạch tuyên truyền nào đang diễn ra. Nhắn "gặp cán bộ" nếu bạn cần hỏi thêm.`,
};

/** Resident answers, each from the campaign's own fields. */
export const campaignAnswer = {
  theme: (c: CampaignFacts) =>
    c.theme ? `Chủ đề năm nay: "${c.theme}".` : `Kế hoạch "${c.title}" chưa ghi chủ đề riêng.`,
  slogan: (c: CampaignFacts) =>
    c.slogans.length
      ? `Khẩu hiệu hưởng ứng:\n${c.slogans.map((s) => `• ${s}`).join('\n')}`
      : `Kế hoạch "${c.title}" chưa có khẩu hiệu.`,
  dates: (c: CampaignFacts) =>
    `"${c.title}" diễn ra từ ngày ${formatIsoDayVi(c.startsOn)} đến ngày ${formatIsoDayVi(c.endsOn)}.`,
  activities: (c: CampaignFacts) =>
    c.activities.length
      ? `Các hoạt động của kế hoạch "${c.title}":\n${c.activities.map((a) => `• ${a}`).join('\n')}`
      : `Kế hoạch "${c.title}" chưa công bố hoạt động cụ thể.`,
  posts: (c: CampaignFacts, links: Links) =>
    `${c.posts ? `Phường đã đăng ${c.posts} bài tuyên truyền.` : 'Các bài tuyên truyền sẽ được đăng sớm.'} Bạn đọc trong nhóm Zalo khu phố của mình, hoặc mở mini app Loa Phường: ${links.miniApp}`,
  about: (c: CampaignFacts) =>
    `${c.title} (${formatIsoDayVi(c.startsOn)} – ${formatIsoDayVi(c.endsOn)}).${
      c.purposes[0] ? ` Mục đích: ${c.purposes[0]}` : ''
    }${c.theme ? ` Chủ đề: "${c.theme}".` : ''}`,
};
