import { describe, expect, it } from 'vitest';
import {
  loudspeakerProblems,
  numberInWords,
  readingSeconds,
  readingTimeLabel,
  spokenVietnamese,
} from './loudspeaker.js';

describe('numbers as they are read', () => {
  it('follows the Vietnamese rules for mốt, tư, lăm, linh and the thousands', () => {
    expect(numberInWords(5)).toBe('năm');
    expect(numberInWords(15)).toBe('mười lăm');
    expect(numberInWords(21)).toBe('hai mươi mốt');
    expect(numberInWords(24)).toBe('hai mươi tư');
    expect(numberInWords(105)).toBe('một trăm linh năm');
    expect(numberInWords(2026)).toBe('hai nghìn không trăm hai mươi sáu');
    expect(numberInWords(1_500_000)).toBe('một triệu năm trăm nghìn');
  });

  it('reads dates, times, percentages and phone numbers', () => {
    expect(spokenVietnamese('Ngày 18/5 ra quân')).toBe('ngày mười tám tháng năm ra quân');
    expect(spokenVietnamese('từ 1/4/2026')).toBe(
      'từ ngày mùng một tháng tư năm hai nghìn không trăm hai mươi sáu',
    );
    expect(spokenVietnamese('lúc 7h30 tại nhà văn hóa')).toBe('lúc bảy giờ ba mươi phút tại nhà văn hóa');
    expect(spokenVietnamese('đạt 95%')).toBe('đạt chín mươi lăm phần trăm');
    expect(spokenVietnamese('gọi 0912345678')).toBe('gọi không chín một hai ba bốn năm sáu bảy tám');
  });
});

describe('script checks', () => {
  it('refuses links and emoji, and only suggests for digits', () => {
    const kinds = (s: string) => loudspeakerProblems(s).map((p) => [p.kind, p.blocking]);
    expect(kinds('Xem tại https://zalo.me/s/abc nhé')).toEqual([['link', true]]);
    expect(kinds('Xem dichvucong.gov.vn')).toEqual([['link', true]]);
    expect(kinds('Chúc mừng 🎉')).toEqual([['emoji', true]]);
    expect(kinds('Ngày 18/5')).toEqual([['digits', false]]);
    expect(kinds('Bà con lưu ý, ngày mười tám tháng năm.')).toEqual([]);
  });

  it('gives the reading time at the loudspeaker pace', () => {
    const words = Array.from({ length: 130 }, () => 'loa').join(' ');
    expect(readingSeconds(words)).toBe(60);
    expect(readingSeconds('Ngày 18/5')).toBe(Math.round((5 * 60) / 130));
    expect(readingTimeLabel(80)).toBe('khoảng 1 phút 20 giây');
    expect(readingTimeLabel(42)).toBe('khoảng 42 giây');
  });
});
