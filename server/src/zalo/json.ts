/**
 * Zalo ids are numeric strings beyond 2^53, and some answers send them as bare JSON numbers. Parse so
 * that any integer too long for a double survives as its exact digits (a string).
 */

// A JSON string (skipped as is) or an integer of 16+ digits not part of a decimal/exponent.
const TOKENS = /"(?:[^"\\]|\\.)*"|(?<![\d.eE+-])-?\d{16,}(?![\d.eE])/g;

export function parseZaloJson(text: string): unknown {
  const safe = text.replace(TOKENS, (token) => (token.startsWith('"') ? token : `"${token}"`));
  return JSON.parse(safe);
}
