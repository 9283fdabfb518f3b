import type { MemberImportRow } from '@loa/shared';
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { accessChangesText, ImportRowAccess } from './import-access';

afterEach(cleanup);

const row = (over: Partial<MemberImportRow>): MemberImportRow => ({
  line: 2,
  fullName: 'Phạm Thị Dung',
  phone: '0903123456',
  role: 'Thành viên tổ',
  unitName: 'Tổ CNS Khu phố 1',
  action: 'update',
  activeChange: null,
  problems: [],
  ...over,
});
const note = (r: MemberImportRow) => render(<ImportRowAccess row={r} />).container.textContent;

describe('the import preview says who will be locked or unlocked', () => {
  it('names the change on each row, and nothing when access stays', () => {
    expect(note(row({ activeChange: 'unlock' }))).toBe(' · Sẽ mở khóa');
    expect(note(row({ activeChange: 'lock' }))).toBe(' · Sẽ khóa');
    expect(note(row({ action: 'create', activeChange: 'lock' }))).toBe(' · Thêm ở trạng thái đã khóa');
    expect(note(row({ action: 'keep', phone: '' }))).toContain('Chưa có số điện thoại: giữ nguyên');
    expect(note(row({}))).toBe('');
  });

  it('counts them for the summary line', () => {
    expect(
      accessChangesText([
        row({ activeChange: 'lock' }),
        row({ activeChange: 'lock' }),
        row({ activeChange: 'unlock' }),
      ]),
    ).toBe('2 người sẽ bị khóa, 1 người được mở khóa.');
    expect(accessChangesText([row({})])).toBe('');
  });
});
