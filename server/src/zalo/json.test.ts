import { describe, expect, it } from 'vitest';
import { jsonForPostgres } from './json.js';

describe('jsonForPostgres', () => {
  it('replaces every NUL escape, in values and keys, and the text still parses to the same shape', () => {
    const json = JSON.stringify({ 'a\u0000': 'x\u0000y\u0000', b: ['\u0000'] });
    const clean = jsonForPostgres(json);
    expect(clean).not.toContain('\\u0000');
    expect(JSON.parse(clean)).toEqual({ 'a\uFFFD': 'x\uFFFDy\uFFFD', b: ['\uFFFD'] });
  });

  it('leaves an escaped backslash followed by the text "u0000" as it is', () => {
    const json = JSON.stringify({ path: 'C:\\u0000', both: '\\\u0000' });
    expect(JSON.parse(jsonForPostgres(json))).toEqual({ path: 'C:\\u0000', both: '\\\uFFFD' });
  });
});
