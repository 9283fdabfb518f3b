import { describe, expect, it } from 'vitest';
import { givenName, greeting } from './greeting';

describe('the top bar’s greeting', () => {
  it('calls a member by the last word of their full name', () => {
    expect(greeting({ fullName: 'Nguyễn Thị Nhi', role: 'staff' })).toBe('Chào anh/chị Nhi');
    expect(greeting({ fullName: ' Trần  Văn Hùng ', role: 'team_member' })).toBe('Chào anh/chị Hùng');
    expect(givenName('Bùi Văn Điệp (Phó Chủ tịch)')).toBe('Điệp');
    expect(greeting({ fullName: '', role: 'leader' })).toBe('Xin chào');
  });

  it('greets a resident by Zalo’s profile name as it is, and never as "Người dân"', () => {
    expect(greeting({ fullName: 'Minh Anh 🌸', role: 'resident' })).toBe('Chào Minh Anh 🌸');
    expect(greeting({ fullName: 'Người dân', role: 'resident' })).toBe('Xin chào');
  });
});
