import { describe, expect, it } from 'vitest';
import { handoverReply, type OfficeHours, parseOfficeHours, staffAvailability } from './office-hours.js';

const hours = parseOfficeHours('T2-T6 07:30-11:30,13:30-17:00') as OfficeHours;
// 2026-05-18 is a Monday.
const at = (local: string) => new Date(`${local}+07:00`);

describe('office hours', () => {
  it('parses the days and spans, and refuses what it cannot read with the fix', () => {
    expect([...hours.days].sort()).toEqual([1, 2, 3, 4, 5]);
    expect(hours.spans).toEqual([
      [450, 690],
      [810, 1020],
    ]);
    expect(parseOfficeHours('T7-CN 08:00-10:00')).toMatchObject({ days: new Set([6, 0]) });
    expect(parseOfficeHours('mon-fri 8-17')).toHaveProperty('error');
    expect(parseOfficeHours('T2-T6 17:00-08:00')).toHaveProperty('error');
  });

  it('is open inside a span and says when staff are next in otherwise', () => {
    expect(staffAvailability(hours, at('2026-05-18T09:00:00'))).toEqual({ open: true });
    expect(staffAvailability(hours, at('2026-05-18T12:00:00'))).toEqual({
      open: false,
      next: at('2026-05-18T13:30:00'),
    });
    // Friday evening → Monday morning
    expect(staffAvailability(hours, at('2026-05-22T18:00:00'))).toEqual({
      open: false,
      next: at('2026-05-25T07:30:00'),
    });
  });

  it('writes the automatic reply in Vietnamese with the time staff answer', () => {
    expect(handoverReply(hours, at('2026-05-22T18:00:00'))).toContain('từ 07:30 thứ Hai, 25/05');
    expect(handoverReply(hours, at('2026-05-18T09:00:00'))).toContain('trong giờ làm việc hôm nay');
  });
});
