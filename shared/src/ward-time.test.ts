import { describe, expect, it } from 'vitest';
import { POST_MAX_CHARS, zaloTextLength } from './text-length.js';
import {
  wardClock,
  wardDateTimeLocal,
  wardDayOf,
  wardDays,
  wardInstant,
  wardIsoString,
  wardTimeOf,
  wardWallDate,
} from './ward-time.js';

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

describe('the ward clock', () => {
  it('reads an instant as the ward reads it: 24 h, midnight as 00, the day after 17:00 UTC', () => {
    expect(wardTimeOf('2026-05-18T00:30:00Z')).toBe('07:30');
    expect(wardTimeOf('2026-05-17T17:05:00Z')).toBe('00:05');
    expect(wardDateTimeLocal('2026-05-24T10:00:00Z')).toBe('2026-05-24T17:00');
    expect(wardDateTimeLocal('2026-05-24T17:00:00+07:00')).toBe('2026-05-24T17:00');
  });

  it('writes a ward day and time as ISO text with the offset, the same instant as wardInstant', () => {
    expect(wardIsoString('2026-05-24', '17:00')).toBe('2026-05-24T17:00:00+07:00');
    expect(Date.parse(wardIsoString('2026-05-24', '17:00'))).toBe(
      wardInstant('2026-05-24', '17:00').getTime(),
    );
  });

  it("gives the ward's weekday, minute and midnight, across the UTC day boundary", () => {
    // Sunday 2026-05-17 23:30 UTC is Monday 06:30 in the ward.
    const clock = wardClock(new Date('2026-05-17T23:30:45.500Z'));
    expect(clock).toMatchObject({ weekday: 1, minute: 6 * 60 + 30 });
    expect(clock.midnight.toISOString()).toBe(wardInstant('2026-05-18').toISOString());
  });

  it('gives the Date whose UTC fields are the wall clock, for formats with no time zone', () => {
    const wall = wardWallDate('2026-05-20T10:00:00Z');
    expect([wall.getUTCDate(), wall.getUTCHours(), wall.getUTCMinutes()]).toEqual([20, 17, 0]);
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
