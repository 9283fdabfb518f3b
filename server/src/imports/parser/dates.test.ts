import { describe, expect, it } from 'vitest';
import { parseDay, parsePeriod } from './dates.js';

describe('Vietnamese dates and periods', () => {
  it.each([
    ['từ ngày 18/5/2026-24/5/2026', '2026-05-18', '2026-05-24'],
    ['Từ ngày 18/05/2026 đến ngày 24/05/2026.', '2026-05-18', '2026-05-24'],
    ['18-24/5/2026', '2026-05-18', '2026-05-24'],
    ['từ 18 - 24/5/2026', '2026-05-18', '2026-05-24'],
    ['từ ngày 18 tháng 5 năm 2026 đến ngày 24 tháng 5 năm 2026', '2026-05-18', '2026-05-24'],
    ['từ ngày 18 đến ngày 24 tháng 5 năm 2026', '2026-05-18', '2026-05-24'],
    ['Từ ngày 25/01 đến ngày 20/02/2027', '2027-01-25', '2027-02-20'],
    ['từ 20/12 đến 10/01/2027', '2026-12-20', '2027-01-10'],
    ['ngày 02 tháng 9 năm 2026', '2026-09-02', '2026-09-02'],
    ['từ ngày 05/01/2026 – 15/01/2026', '2026-01-05', '2026-01-15'],
  ])('%s', (text, startsOn, endsOn) => {
    expect(parsePeriod(text)).toEqual({ startsOn, endsOn, yearGuessed: false });
  });

  it('borrows a missing year only when told to, and says so', () => {
    expect(parsePeriod('từ 18/5 đến 24/5')).toBeUndefined();
    expect(parsePeriod('từ 18/5 đến 24/5', 2026)).toEqual({
      startsOn: '2026-05-18',
      endsOn: '2026-05-24',
      yearGuessed: true,
    });
  });

  it('refuses impossible days and backwards periods instead of guessing', () => {
    expect(parsePeriod('từ 31/2/2026 đến 5/3/2026')).toBeUndefined();
    expect(parsePeriod('từ 24/5/2026 đến 18/5/2026')).toBeUndefined();
    expect(parsePeriod('không có ngày nào')).toBeUndefined();
    expect(parseDay('ngày tháng năm')).toBeUndefined();
    expect(parseDay('Dầu Giây, ngày 05 tháng 01 năm 2026')).toBe('2026-01-05');
  });
});
