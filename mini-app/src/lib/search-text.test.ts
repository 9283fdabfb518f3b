import { describe, expect, it } from 'vitest';
import { foldVi, matchesSearch } from './search-text';

describe('searching Vietnamese names', () => {
  it('ignores marks, đ and case, also for text typed as NFD', () => {
    expect(foldVi('Nguyễn Thị Nhi')).toBe('nguyen thi nhi');
    expect(foldVi('  ĐƯỜNG  Đồng Khởi ')).toBe('duong dong khoi');
    expect(foldVi('Phường Dầu Giây'.normalize('NFD'))).toBe('phuong dau giay');
  });

  it('finds a person by any words of their name, unit or role', () => {
    const nhi = ['Nguyễn Thị Nhi', 'Phòng Văn hóa - Xã hội', 'Cán bộ phòng ban'];
    expect(matchesSearch('nhi', nhi)).toBe(true);
    expect(matchesSearch('NHÍ van hoa', nhi)).toBe(true);
    expect(matchesSearch('can bo', nhi)).toBe(true);
    expect(matchesSearch('nhi khu pho', nhi)).toBe(false);
    expect(matchesSearch('   ', nhi)).toBe(true);
    expect(matchesSearch('ngu th', nhi)).toBe(true);
  });

  it('reads "kp2" and "kp 2" as Khu phố 2, and a number only as a whole number', () => {
    const lan = ['Vũ Ngọc Lan', 'Tổ Công nghệ số cộng đồng Khu phố 2', 'Tổ trưởng'];
    const mai = ['Đỗ Thị Mai', 'Tổ Công nghệ số cộng đồng Khu phố 12', 'Thành viên tổ'];
    for (const query of ['kp2', 'kp 2', 'khu pho 2', 'lan kp2']) expect(matchesSearch(query, lan)).toBe(true);
    expect(matchesSearch('kp 2', mai)).toBe(false);
    expect(matchesSearch('kp 1', mai)).toBe(true);
    expect(matchesSearch('an', lan)).toBe(false);
  });
});
