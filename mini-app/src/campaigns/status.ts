import { type CampaignStatus, wardDayOf } from '@loa/shared';

interface Dated {
  status: CampaignStatus;
  startsOn: string;
  endsOn: string;
}

/**
 * What a plan's state means today. The stored status says what people decided (approved, carried out,
 * closed); the dates say whether it is running now. Both are needed: a plan still "active" a week
 * after its last day is not "Đang diễn ra", it is waiting to be closed. Every screen uses this.
 */
export function campaignStatusLabel(campaign: Dated, today: string = wardDayOf(new Date())): string {
  const phase = today < campaign.startsOn ? 'before' : today > campaign.endsOn ? 'after' : 'during';
  switch (campaign.status) {
    case 'draft':
      return 'Chờ duyệt';
    case 'closed':
      return 'Đã kết thúc';
    case 'approved':
      return phase === 'before'
        ? 'Đã duyệt · sắp diễn ra'
        : phase === 'during'
          ? 'Đã duyệt · chưa triển khai'
          : 'Đã duyệt · đã quá thời gian';
    case 'active':
      return phase === 'before'
        ? 'Sắp diễn ra'
        : phase === 'during'
          ? 'Đang diễn ra'
          : 'Hết thời gian, chờ kết thúc';
  }
}
