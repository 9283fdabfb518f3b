/**
 * What every extracted value carries: the line (1-based, in the draft's own lines) it came from and how
 * sure the parser is. A value the parser could not find is null with a note saying what to do.
 */
export interface Found<T> {
  value: T | null;
  line: number | null;
  confidence: number;
  note?: string;
}

/** Sure: read from the place ND30 puts it, in the form it prescribes. */
export const SURE = 0.95;
/** Likely: found, but laid out differently or inferred from nearby text. Staff should look. */
export const LIKELY = 0.7;
/** A guess worth showing, never worth trusting. */
export const GUESS = 0.4;

export function found<T>(value: T, line: number, confidence = SURE, note?: string): Found<T> {
  return note ? { value, line, confidence, note } : { value, line, confidence };
}

export function missing<T>(note: string): Found<T> {
  return { value: null, line: null, confidence: 0, note };
}
