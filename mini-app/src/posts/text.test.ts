import { describe, expect, it } from 'vitest';
import { excerpt } from './text';

describe('excerpt', () => {
  it('cuts at a word boundary, never inside a word, and marks the cut', () => {
    const text = 'Hưởng ứng Ngày Khoa học, Công nghệ và Đổi mới sáng tạo Việt Nam';
    expect(excerpt(text, 30)).toBe('Hưởng ứng Ngày Khoa học, Công…');
    expect(excerpt(text, 200)).toBe(text);
    expect(excerpt('Mời bà con\n\ndự họp', 200)).toBe('Mời bà con dự họp');
  });
});
