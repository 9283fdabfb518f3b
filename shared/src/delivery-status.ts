/**
 * Where one delivery of a post stands (deliveries.status): queued and sending through the OA, sent;
 * for a team's share or loudspeaker, waiting for the team, then shared or done (played); failed; or
 * unknown while the engine checks with Zalo whether a send went through.
 */
export const DELIVERY_STATUSES = [
  'queued',
  'sending',
  'sent',
  'waiting',
  'shared',
  'done',
  'failed',
  'unknown',
] as const;
export type DeliveryState = (typeof DELIVERY_STATUSES)[number];

/** The one name a person reads for each state: the post's ledger, Nhóm Zalo, Việc chia sẻ, the reports. */
export const DELIVERY_STATUS_NAMES_VI: Record<DeliveryState, string> = {
  queued: 'Chờ gửi',
  sending: 'Đang gửi',
  sent: 'Đã gửi',
  waiting: 'Chờ tổ thực hiện',
  shared: 'Đã chia sẻ',
  done: 'Đã phát loa',
  failed: 'Không gửi được',
  unknown: 'Đang đối chiếu',
};

/** A state's name; a state this build does not know (a newer server) reads as such, never as a code. */
export function deliveryStatusName(status: string): string {
  return (DELIVERY_STATUS_NAMES_VI as Record<string, string>)[status] ?? 'Chưa rõ trạng thái';
}
