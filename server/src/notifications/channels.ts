/**
 * Which Zalo channel reaches a member now, best first: an OA consultation message within 7 days of
 * their last interaction with the OA, else a template message by OA user id, else ZNS by phone.
 */
import type { ClaimedNotification } from './sql.js';

const SEVEN_DAYS_MS = 7 * 86_400_000;

export type Channel = 'oa_cs' | 'oa_template' | 'zns';

/** The channels that can reach this member now, best first. */
export function channelsFor(
  member: Pick<ClaimedNotification, 'oaUserId' | 'phone' | 'lastOaInteractionAt'>,
  now: Date,
  templates: { templateId?: string; znsTemplateId?: string },
): Channel[] {
  const channels: Channel[] = [];
  const recent =
    member.lastOaInteractionAt && now.getTime() - member.lastOaInteractionAt.getTime() < SEVEN_DAYS_MS;
  if (member.oaUserId && recent) channels.push('oa_cs');
  if (member.oaUserId && templates.templateId) channels.push('oa_template');
  if (member.phone && templates.znsTemplateId) channels.push('zns');
  return channels;
}
