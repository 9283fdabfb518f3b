import type { MemberImportRow } from '@loa/shared';

/**
 * What saving an import row does to the person's access, said next to the row: the import keeps a known
 * member's state unless the file's Trạng thái changes it, so a lock or an unlock is always on purpose and
 * must be seen before "Lưu danh sách".
 */
export function ImportRowAccess({ row }: { row: MemberImportRow }) {
  if (row.action === 'keep')
    return <span className="muted"> · Chưa có số điện thoại: giữ nguyên, không nhập dòng này.</span>;
  if (row.activeChange === 'lock')
    return (
      <strong className="form-error">
        {' '}
        · {row.action === 'create' ? 'Thêm ở trạng thái đã khóa' : 'Sẽ khóa'}
      </strong>
    );
  if (row.activeChange === 'unlock') return <strong> · Sẽ mở khóa</strong>;
  return null;
}

/** "2 người sẽ bị khóa, 1 người được mở khóa." for the preview's summary, or "" when nobody's access changes. */
export function accessChangesText(rows: MemberImportRow[]): string {
  const locks = rows.filter((row) => row.activeChange === 'lock').length;
  const unlocks = rows.filter((row) => row.activeChange === 'unlock').length;
  const parts = [
    locks ? `${locks} người sẽ bị khóa` : '',
    unlocks ? `${unlocks} người được mở khóa` : '',
  ].filter(Boolean);
  return parts.length ? `${parts.join(', ')}.` : '';
}
