/** Members lists as a ward would keep them: an .xlsx (built with exceljs) or a .csv text. */
import ExcelJS from 'exceljs';

export type ListRow = [fullName: string, phone: string, role: string, unit: string];

export const LIST_HEADER = ['Họ tên', 'Số điện thoại', 'Vai trò', 'Tổ/đơn vị'];

export async function membersXlsx(rows: ListRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Danh sách');
  sheet.addRow(LIST_HEADER);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function readXlsx(content: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(content as unknown as ArrayBuffer);
  const rows: string[][] = [];
  workbook.worksheets[0]!.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1).map((value) => String(value ?? '')));
  });
  return rows;
}

/** 40 people of a new ward: 3 office people and 37 members of the teams of Khu phố 1–4. */
export function fortyMembers(teams: string[], office: string): ListRow[] {
  const rows: ListRow[] = [
    ['Nguyễn Văn An', '0912000001', 'Lãnh đạo', office],
    ['Trần Thị Bình', '0912000002', 'Cán bộ', office],
    ['Lê Văn Cường', '0912000003', 'Cán bộ', office],
  ];
  for (let i = 0; i < 37; i += 1) {
    const team = teams[i % teams.length]!;
    rows.push([
      `Thành viên ${String(i + 1).padStart(2, '0')} ${team}`,
      `0987${String(100000 + i).padStart(6, '0')}`,
      i < teams.length ? 'Tổ trưởng' : 'Thành viên tổ',
      team,
    ]);
  }
  return rows;
}
