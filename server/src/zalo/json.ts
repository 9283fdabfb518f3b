/**
 * Zalo ids are numeric strings beyond 2^53, and some answers send them as bare JSON numbers. Parse so
 * that any integer of 16 or more digits survives as its exact digits (a string). lossless-json is a
 * single-pass parser, so the time is linear in the body whatever it holds (the regex this replaced
 * rescanned from every unterminated quote: a 160 KB body held the event loop for 18 s).
 */
import { parse } from 'lossless-json';

const LONG_INTEGER = /^-?\d{16,}$/;

export function parseZaloJson(text: string): unknown {
  return parse(text, null, (digits) => (LONG_INTEGER.test(digits) ? digits : Number(digits)));
}

/** A `\u0000` escape that is not itself escaped (`\\u0000` is a backslash, then the text "u0000"). */
const NUL_ESCAPE = /(?<!\\)((?:\\\\)*)\\u0000/g;

/**
 * JSON text PostgreSQL's jsonb accepts: it refuses the escape of U+0000 wherever it appears. Zalo
 * resends an event until it gets a 200, so an event a person managed to put a NUL into must still be
 * stored (the NUL becomes U+FFFD, the replacement character) rather than refused again and again.
 */
export function jsonForPostgres(json: string): string {
  return json.replace(NUL_ESCAPE, '$1\\ufffd');
}
