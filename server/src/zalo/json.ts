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
