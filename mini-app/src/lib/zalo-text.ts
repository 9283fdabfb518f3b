import { ZALO_TEXT_MAX_CHARS, zaloTextLength } from '@loa/shared';

/**
 * A text's length against Zalo's limit, counted as Zalo and the server count it (shared/text-length.ts:
 * after NFC, of the text the server keeps, i.e. trimmed), and the line a form shows under the box.
 */
export function zaloLengthHint(
  text: string,
  max = ZALO_TEXT_MAX_CHARS,
  count = zaloTextLength(text.normalize('NFC').trim()),
): { count: number; over: boolean; label: string } {
  const over = count > max;
  return {
    count,
    over,
    label: over ? `${count}/${max} ký tự: rút gọn ${count - max} ký tự` : `${count}/${max} ký tự`,
  };
}
