/** Text rules for anything we send: NFC (Vietnamese NFD is ~28 % longer) and Zalo's 2,000 characters. */
import { ZaloApiError } from './types.js';

export const MAX_TEXT_LENGTH = 2000;

export function prepareText(text: string): string {
  const normalised = text.normalize('NFC').trim();
  if (!normalised) throw new ZaloApiError('permanent', -201, 'Nội dung tin nhắn đang trống (-201)');
  if ([...normalised].length > MAX_TEXT_LENGTH) {
    throw new ZaloApiError(
      'permanent',
      -210,
      `Tin nhắn dài ${[...normalised].length} ký tự, Zalo chỉ nhận tối đa ${MAX_TEXT_LENGTH}; hãy rút gọn (-210)`,
    );
  }
  return normalised;
}

/**
 * `[@<user_id>]` / `[@<group_id>]` inside group text mention a member or everyone. Text a user wrote
 * and we relay must not be able to do that.
 */
export function stripMentions(text: string): string {
  return text.replace(/\[@[^\]]*\]/g, '');
}
