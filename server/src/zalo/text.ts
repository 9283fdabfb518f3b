/** Text rules for anything we send: NFC (Vietnamese NFD is ~28 % longer) and Zalo's 2,000 characters. */
import { ZALO_TEXT_MAX_CHARS, zaloTextLength } from '@loa/shared';
import { ZaloApiError } from './errors.js';

export function prepareText(text: string): string {
  const normalised = text.normalize('NFC').trim();
  if (!normalised) throw new ZaloApiError('permanent', -201, 'Nội dung tin nhắn đang trống (-201)');
  const length = zaloTextLength(normalised);
  if (length > ZALO_TEXT_MAX_CHARS) {
    throw new ZaloApiError(
      'permanent',
      -210,
      `Tin nhắn dài ${length} ký tự, Zalo chỉ nhận tối đa ${ZALO_TEXT_MAX_CHARS}; hãy rút gọn (-210)`,
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
