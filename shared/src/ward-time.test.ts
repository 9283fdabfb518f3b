import { describe, expect, it } from 'vitest';
import { POST_MAX_CHARS, zaloTextLength } from './text-length.js';
import { wardDayOf, wardDays, wardInstant } from './ward-time.js';

describe('ward time', () => {
  it('reads a ward day and time as UTC+7 whatever the machine', () => {
    expect(wardInstant('2026-05-18', '07:00').toISOString()).toBe('2026-05-18T00:00:00.000Z');
    expect(wardInstant('2026-05-18').toISOString()).toBe('2026-05-17T17:00:00.000Z');
  });

  it('puts 23:30 UTC on the next ward day', () => {
    expect(wardDayOf(new Date('2026-05-17T16:59:59Z'))).toBe('2026-05-17');
    expect(wardDayOf(new Date('2026-05-17T17:00:00Z'))).toBe('2026-05-18');
    expect(wardDayOf('2026-05-31T23:30:00Z')).toBe('2026-06-01');
  });

  it('lists every day of a period across a month end', () => {
    expect(wardDays('2026-05-30', '2026-06-02')).toEqual([
      '2026-05-30',
      '2026-05-31',
      '2026-06-01',
      '2026-06-02',
    ]);
    expect(wardDays('2026-05-02', '2026-05-01')).toEqual([]);
  });
});

describe('Zalo text length', () => {
  it('counts Vietnamese typed as NFD as its NFC form', () => {
    const nfd = 'Phường Dầu Giây'.normalize('NFD');
    expect(nfd.length).toBeGreaterThan(15);
    expect(zaloTextLength(nfd)).toBe(15);
  });

  it('counts an emoji as two, the stricter reading of the limit', () => {
    expect(zaloTextLength('📢')).toBe(2);
    expect(zaloTextLength('a'.repeat(POST_MAX_CHARS - 1) + '📢')).toBeGreaterThan(POST_MAX_CHARS);
  });
});
