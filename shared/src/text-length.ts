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

/**
 * The most UTF-16 code units a text we count after NFC may arrive with: Vietnamese typed in NFD takes up
 * to 3 units a letter ("ệ" is e + two marks), so a schema's raw cap of 3× lets through every text that
 * fits once normalised; the service then counts it as Zalo does (zaloTextLength) and says what to cut.
 */
export const ZALO_TEXT_RAW_MAX = 3 * ZALO_TEXT_MAX_CHARS;

/**
 * `text` in NFC, cut to fit Zalo's limit with "…" as its last character when it was too long (a bot
 * answer built from data, e.g. a long task list). Never cuts inside a surrogate pair (an emoji).
 */
export function clipToZalo(text: string, max = ZALO_TEXT_MAX_CHARS): string {
  const normalised = text.normalize('NFC');
  if (zaloTextLength(normalised) <= max) return normalised;
  let end = max - 1; // room for the "…"
  const code = normalised.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1; // the last kept unit starts a pair: drop it
  return `${normalised.slice(0, end)}…`;
}
