import { describe, expect, it } from 'vitest';
import { clipToZalo, ZALO_TEXT_MAX_CHARS, ZALO_TEXT_RAW_MAX, zaloTextLength } from './text-length.js';

describe("Zalo's text limit, counted as Zalo counts", () => {
  it('counts Vietnamese typed in NFD as its NFC letters, and an emoji as 2', () => {
    expect(zaloTextLength('Nghệ'.normalize('NFD'))).toBe(4);
    expect(zaloTextLength('🙂')).toBe(2);
  });

  it('lets any text that fits after NFC through the raw cap', () => {
    const nfd = 'ệ'.repeat(ZALO_TEXT_MAX_CHARS).normalize('NFD');
    expect(nfd.length).toBe(3 * ZALO_TEXT_MAX_CHARS);
    expect(nfd.length).toBeLessThanOrEqual(ZALO_TEXT_RAW_MAX);
    expect(zaloTextLength(nfd)).toBe(ZALO_TEXT_MAX_CHARS);
  });

  it('clips a long text to exactly the limit, ending in "…", and leaves a short one whole (NFC)', () => {
    const long = 'Mời bà con dự họp. '.repeat(200);
    const clipped = clipToZalo(long);
    expect(zaloTextLength(clipped)).toBe(ZALO_TEXT_MAX_CHARS);
    expect(clipped.endsWith('…')).toBe(true);
    expect(clipToZalo('Nghệ'.normalize('NFD'))).toBe('Nghệ');
  });

  it('never cuts an emoji in half', () => {
    for (const start of ['', 'a']) {
      const clipped = clipToZalo(`${start}${'🙂'.repeat(ZALO_TEXT_MAX_CHARS)}`);
      expect(zaloTextLength(clipped)).toBeLessThanOrEqual(ZALO_TEXT_MAX_CHARS);
      expect(clipped).toMatch(/^a?(?:🙂)+…$/u); // a lone half of a pair would not match
    }
  });
});
