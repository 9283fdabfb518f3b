/**
 * Zalo's text limit (consultation and group messages alike: 2,000 characters) and how it is counted:
 * after NFC normalisation (Vietnamese typed as NFD is about 28 % longer), in UTF-16 code units, the
 * stricter reading (an emoji counts 2), so a text we accept is never refused by Zalo for its length.
 */
export const ZALO_TEXT_MAX_CHARS = 2000;

/** A post's text limit, link included: it goes out as one group message. */
export const POST_MAX_CHARS = ZALO_TEXT_MAX_CHARS;

/** Characters of `text` as Zalo counts them. */
export function zaloTextLength(text: string): number {
  return text.normalize('NFC').length;
}
