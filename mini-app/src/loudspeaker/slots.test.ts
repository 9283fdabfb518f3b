import { describe, expect, it } from 'vitest';
import { addProblem, sameSlots, slotsProblem } from './slots';

describe('loudspeaker slot checks (said before anything is sent)', () => {
  it('accepts one to six distinct 24-hour times', () => {
    expect(slotsProblem(['06:00'])).toBeNull();
    expect(slotsProblem(['00:00', '05:30', '11:15', '13:00', '17:45', '23:59'])).toBeNull();
  });

  it('says what to fix for an empty, a too long, a malformed or a repeated list', () => {
    expect(slotsProblem([])).toBe('Cần ít nhất một khung giờ phát loa. Hãy thêm một giờ rồi lưu.');
    expect(slotsProblem(['01:00', '02:00', '03:00', '04:00', '05:00', '06:00', '07:00', '08:00'])).toBe(
      'Tối đa 6 khung giờ mỗi ngày. Hãy bỏ bớt 2 khung giờ.',
    );
    expect(slotsProblem(['24:00'])).toBe('Giờ “24:00” không đúng dạng giờ:phút (00:00 đến 23:59).');
    expect(slotsProblem(['17:00', '06:00', '17:00'])).toBe('Khung giờ 17:00 bị trùng. Hãy bỏ một lần.');
  });

  it('refuses adding a time already there or a seventh one', () => {
    expect(addProblem(['06:00'], '06:00')).toBe('Khung giờ 06:00 đã có trong danh sách.');
    expect(addProblem(['01:00', '02:00', '03:00', '04:00', '05:00', '06:00'], '07:00')).toBe(
      'Đã đủ 6 khung giờ. Bỏ một khung giờ trước khi thêm 07:00.',
    );
    expect(addProblem(['06:00'], '17:00')).toBeNull();
  });

  it('compares lists whatever their order', () => {
    expect(sameSlots(['17:00', '06:00'], ['06:00', '17:00'])).toBe(true);
    expect(sameSlots(['06:00'], ['06:00', '17:00'])).toBe(false);
  });
});
