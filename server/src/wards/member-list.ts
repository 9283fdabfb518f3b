/**
 * The members list as a ward keeps it in a spreadsheet: columns Họ tên, Số điện thoại, Vai trò,
 * Tổ/đơn vị, in any order, as .xlsx (exceljs) or .csv (csv-parse), and optionally Trạng thái (the
 * export writes it). Reading turns each row into either a member ready to save or the problems a person
 * must fix, in Vietnamese, line by line.
 */
import { isTeamRole, MEMBER_ROLES, type MemberImportRow, type MemberRole, ROLE_NAMES_VI } from '@loa/shared';
import { parse as parseCsv } from 'csv-parse/sync';
import { AppError } from '../errors.js';
import { loadExcelJs } from '../lazy-libraries.js';
import type { MemberRow } from './members-sql.js';

export const MAX_IMPORT_ROWS = 2000;

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** Which column a header names; several spellings a ward might use. */
const HEADERS: Record<'fullName' | 'phone' | 'role' | 'unit', string[]> = {
  fullName: ['ho ten', 'ho va ten', 'ten'],
  phone: ['so dien thoai', 'dien thoai', 'sdt', 'so dt'],
  role: ['vai tro', 'chuc nang', 'quyen'],
  unit: ['to don vi', 'to', 'don vi', 'to dan vi', 'to hoac don vi'],
};

/** The optional column: a member's state, as the export writes it. */
const STATUS_HEADERS = ['trang thai', 'tinh trang'];
const STATUS_WORDS: Record<string, boolean> = {
  'dang hoat dong': true,
  'hoat dong': true,
  'mo khoa': true,
  'da khoa': false,
  khoa: false,
  'ngung hoat dong': false,
};

/** Role words as people write them, folded (no accents, lower case). */
const ROLE_WORDS: Record<string, MemberRole> = {
  'quan tri': 'admin',
  'quan tri vien': 'admin',
  admin: 'admin',
  'can bo': 'staff',
  'cong chuc': 'staff',
  'nhan vien': 'staff',
  staff: 'staff',
  'lanh dao': 'leader',
  'chu tich': 'leader',
  'pho chu tich': 'leader',
  leader: 'leader',
  'to truong': 'team_lead',
  'to pho': 'team_lead',
  team_lead: 'team_lead',
  'thanh vien': 'team_member',
  'thanh vien to': 'team_member',
  team_member: 'team_member',
};

export function roleFromText(text: string): MemberRole | undefined {
  const folded = fold(text);
  return ROLE_WORDS[folded] ?? ROLE_WORDS[text.trim()];
}

/** A Vietnamese mobile number as stored (84 + 9 digits), or undefined when it is not one. */
export function normaliseMobile(raw: string): string | undefined {
  const digits = raw.replace(/[\s.\-()]/g, '').replace(/^\+/, '');
  if (!/^\d+$/.test(digits)) return undefined;
  const national =
    digits.startsWith('84') && digits.length === 11 ? digits.slice(2) : digits.replace(/^0/, '');
  return /^[35789]\d{8}$/.test(national) ? `84${national}` : undefined;
}

export const displayPhone = (stored: string) => `0${stored.slice(2)}`;

/** Cell values of every non-empty row, as text, with their line numbers. */
async function readCells(fileName: string, content: Buffer): Promise<{ line: number; cells: string[] }[]> {
  if (fileName.toLowerCase().endsWith('.xlsx')) {
    const ExcelJS = await loadExcelJs();
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(content as unknown as ArrayBuffer);
    } catch {
      throw new AppError('IMPORT_FILE_UNREADABLE');
    }
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new AppError('IMPORT_FILE_UNREADABLE');
    const rows: { line: number; cells: string[] }[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, line) => {
      const values = (row.values as unknown[]).slice(1);
      rows.push({ line, cells: values.map(cellText) });
    });
    return rows;
  }
  let records: string[][];
  try {
    const text = content.toString('utf8').replace(/^\uFEFF/, '');
    // Vietnamese Excel saves CSV with ";" as often as ",": take whichever the header line uses.
    const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
    const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
    records = parseCsv(text, { delimiter, relax_column_count: true, skip_empty_lines: false, trim: true });
  } catch {
    throw new AppError('IMPORT_FILE_UNREADABLE');
  }
  return records
    .map((cells, index) => ({ line: index + 1, cells }))
    .filter((row) => row.cells.some((cell) => cell.trim() !== ''));
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    const v = value as { text?: unknown; result?: unknown; richText?: { text: string }[] };
    if (v.richText) return v.richText.map((part) => part.text).join('');
    if (v.text !== undefined) return String(v.text);
    if (v.result !== undefined) return String(v.result);
  }
  return String(value).trim();
}

export interface ParsedList {
  rows: MemberImportRow[];
  /** Ready to save, by line, only when every row is right. */
  members: MemberRow[];
}

export interface ListContext {
  /** By lower-cased name; `active` false for a stopped unit ("Ngừng dùng"). */
  units: Map<string, { id: string; kind: string; name: string; active?: boolean }>;
  /** Whether the importer may create admins. */
  mayGrantAdmin: boolean;
  /** The ward's members by phone (84…): their role and whether they may sign in. */
  existingPhones: Map<string, { role: MemberRole; active: boolean; unitId?: string | null }>;
  /**
   * Members without a phone (they signed in through Zalo), by folded name, when the name is theirs alone.
   * The export lists them with an empty phone; importing it back leaves them as they are.
   */
  phonelessNames: Map<string, { active: boolean }>;
  /** The importer's own phone (84…), if they have one: their row may not lock or demote them. */
  selfPhone: string | undefined;
  /** Active admins without a phone: no row can change them, so they count as admins after any file. */
  phonelessActiveAdmins: number;
}

/**
 * Whether a row's member may sign in after the import. A known member keeps their state unless the file's
 * Trạng thái says otherwise (so re-importing an edited export does not unlock the people the ward locked);
 * a new member is active unless the file says Đã khóa. Undefined when the cell is not a state we know.
 */
function activeAfter(cell: string, existing: { active: boolean } | undefined): boolean | undefined {
  if (cell === '') return existing?.active ?? true;
  return STATUS_WORDS[fold(cell)];
}

/** `phonelessNames` of ListContext: names shared by two phoneless members are left out (we cannot tell them apart). */
export function phonelessByName(
  members: { fullName: string; active: boolean }[],
): ListContext['phonelessNames'] {
  const byName = new Map<string, { active: boolean } | null>();
  for (const m of members) {
    const key = fold(m.fullName.normalize('NFC'));
    byName.set(key, byName.has(key) ? null : { active: m.active });
  }
  return new Map([...byName].flatMap(([name, m]) => (m ? [[name, m] as const] : [])));
}

const changeOf = (before: boolean, after: boolean | undefined) =>
  after === undefined || after === before ? null : after ? 'unlock' : 'lock';

/** Reads a members list and checks every row against the ward. Nothing is saved here. */
export async function readMemberList(
  fileName: string,
  content: Buffer,
  context: ListContext,
): Promise<ParsedList> {
  const all = await readCells(fileName, content);
  const header = all[0];
  if (!header) throw new AppError('IMPORT_FILE_UNREADABLE', 'Tệp không có dòng nào. Kiểm tra lại tệp.');
  const columns = locateColumns(header.cells);
  const statusColumn = header.cells.map(fold).findIndex((cell) => STATUS_HEADERS.includes(cell));
  const body = all.slice(1);
  if (body.length === 0)
    throw new AppError('IMPORT_FILE_UNREADABLE', 'Tệp chỉ có dòng tiêu đề, chưa có người nào.');
  if (body.length > MAX_IMPORT_ROWS)
    throw new AppError(
      'IMPORT_FILE_UNREADABLE',
      `Tệp có ${body.length} dòng; mỗi lần nhập tối đa ${MAX_IMPORT_ROWS} người. Chia tệp ra rồi nhập từng phần.`,
    );
  const seen = new Map<string, number>();
  const rows: MemberImportRow[] = [];
  const members: MemberRow[] = [];
  for (const { line, cells } of body) {
    const at = (index: number) => (cells[index] ?? '').trim().normalize('NFC');
    const raw = {
      fullName: at(columns.fullName),
      phone: at(columns.phone),
      role: at(columns.role),
      unit: at(columns.unit),
      status: statusColumn < 0 ? '' : at(statusColumn),
    };
    const problems: string[] = [];
    const phoneless = raw.phone ? undefined : context.phonelessNames.get(fold(raw.fullName));
    if (phoneless) {
      // The import matches people by phone, so it cannot change this one: it leaves them as they are.
      if (activeAfter(raw.status, phoneless) !== phoneless.active)
        problems.push(
          'Người này chưa có số điện thoại nên không khóa hay mở khóa được bằng tệp: làm trong ứng dụng.',
        );
      rows.push({
        line,
        fullName: raw.fullName,
        phone: '',
        role: raw.role,
        unitName: raw.unit,
        action: problems.length ? null : 'keep',
        activeChange: null,
        problems,
      });
      continue;
    }
    if (!raw.fullName) problems.push('Thiếu họ tên.');
    else if (raw.fullName.length > 120) problems.push('Họ tên dài quá 120 ký tự.');
    const phone = normaliseMobile(raw.phone);
    if (!raw.phone) problems.push('Thiếu số điện thoại.');
    else if (!phone)
      problems.push(`Số điện thoại "${raw.phone}" chưa đúng: cần số di động 10 chữ số, ví dụ 0912345678.`);
    else if (seen.has(phone)) problems.push(`Số điện thoại trùng với dòng ${seen.get(phone)}.`);
    const role = roleFromText(raw.role);
    if (!raw.role) problems.push('Thiếu vai trò.');
    else if (!role)
      problems.push(
        `Vai trò "${raw.role}" không rõ: ghi một trong ${MEMBER_ROLES.map((r) => ROLE_NAMES_VI[r]).join(', ')}.`,
      );
    else if (role === 'admin' && !context.mayGrantAdmin)
      problems.push('Chỉ quản trị viên mới thêm được người có vai trò Quản trị.');
    const unit = raw.unit ? context.units.get(raw.unit.toLowerCase()) : undefined;
    if (raw.unit && !unit)
      problems.push(`Không có tổ/đơn vị "${raw.unit}" trong phường. Thêm đơn vị trước hoặc sửa tên.`);
    if (role && isTeamRole(role)) {
      if (!raw.unit) problems.push('Tổ trưởng và thành viên tổ cần ghi tên tổ.');
      else if (unit && unit.kind !== 'digital_team')
        problems.push(`"${unit.name}" không phải một Tổ Công nghệ số.`);
    }
    const existing = phone ? context.existingPhones.get(phone) : undefined;
    // A member already in a stopped unit stays there (an export read back); nobody new is put into one.
    if (unit && unit.active === false && existing?.unitId !== unit.id)
      problems.push(
        `Tổ/đơn vị "${unit.name}" đã ngừng dùng: chọn tổ/đơn vị khác, hoặc bật lại đơn vị trong Thiết lập phường.`,
      );
    const active = activeAfter(raw.status, existing);
    if (active === undefined)
      problems.push(
        `Trạng thái "${raw.status}" không rõ: ghi "Đang hoạt động" hoặc "Đã khóa", hoặc để trống để giữ như cũ.`,
      );
    if (existing?.role === 'admin' && !context.mayGrantAdmin)
      problems.push('Số này là của một quản trị viên; chỉ quản trị viên mới sửa được người này.');
    if (existing && phone === context.selfPhone) {
      // Nobody can undo it but another admin, as in the app (members-service editMember).
      if (role && role !== existing.role)
        problems.push('Dòng này là của chính bạn: bạn không thể tự đổi vai trò. Nhờ một quản trị viên khác.');
      if (active === false && existing.active)
        problems.push(
          'Dòng này là của chính bạn: bạn không thể tự khóa tài khoản. Nhờ một quản trị viên khác.',
        );
    }
    if (phone && !seen.has(phone)) seen.set(phone, line);
    const ok = problems.length === 0 && phone && role;
    rows.push({
      line,
      fullName: raw.fullName,
      phone: raw.phone,
      role: raw.role,
      unitName: raw.unit,
      action: ok ? (existing ? 'update' : 'create') : null,
      activeChange: !ok ? null : existing ? changeOf(existing.active, active) : active ? null : 'lock',
      problems,
    });
    if (ok)
      members.push({
        fullName: raw.fullName,
        phone,
        role,
        unitId: unit?.id ?? null,
        title: null,
        active: active ?? true,
      });
  }
  refuseNoAdminLeft(rows, members, context);
  return { rows, members };
}

/**
 * A list that would leave the ward without an active admin is refused on the rows that take the last
 * ones away (role changed, or Đã khóa): nobody could then add members, invite or unlock anyone.
 */
function refuseNoAdminLeft(rows: MemberImportRow[], members: MemberRow[], context: ListContext): void {
  const admins = new Set(
    [...context.existingPhones].flatMap(([phone, m]) => (m.role === 'admin' && m.active ? [phone] : [])),
  );
  for (const m of members) {
    if (m.role === 'admin' && m.active) admins.add(m.phone!);
    else admins.delete(m.phone!);
  }
  if (admins.size + context.phonelessActiveAdmins > 0) return;
  for (const row of rows) {
    const phone = normaliseMobile(row.phone);
    const before = phone ? context.existingPhones.get(phone) : undefined;
    if (!row.action || before?.role !== 'admin' || !before.active) continue;
    row.problems.push(
      'Sau khi nhập, phường không còn quản trị viên nào đang hoạt động. Giữ ít nhất một người vai trò Quản trị, trạng thái Đang hoạt động.',
    );
    row.action = null;
    row.activeChange = null;
  }
}

function locateColumns(header: string[]): Record<keyof typeof HEADERS, number> {
  const folded = header.map(fold);
  const found = {} as Record<keyof typeof HEADERS, number>;
  const missing: string[] = [];
  const labels = { fullName: 'Họ tên', phone: 'Số điện thoại', role: 'Vai trò', unit: 'Tổ/đơn vị' };
  for (const key of Object.keys(HEADERS) as (keyof typeof HEADERS)[]) {
    const index = folded.findIndex((cell) => HEADERS[key].includes(cell));
    if (index < 0) missing.push(labels[key]);
    found[key] = index;
  }
  if (missing.length > 0)
    throw new AppError(
      'IMPORT_FILE_UNREADABLE',
      `Dòng đầu của tệp thiếu cột: ${missing.join(', ')}. Dòng tiêu đề cần có: Họ tên, Số điện thoại, Vai trò, Tổ/đơn vị.`,
    );
  return found;
}

export interface ExportMember {
  fullName: string;
  phone: string | null;
  role: MemberRole;
  unitName: string | null;
  active: boolean;
}

const EXPORT_HEADER = ['Họ tên', 'Số điện thoại', 'Vai trò', 'Tổ/đơn vị', 'Trạng thái'];
const exportCells = (m: ExportMember) => [
  m.fullName,
  m.phone ?? '',
  ROLE_NAMES_VI[m.role],
  m.unitName ?? '',
  m.active ? 'Đang hoạt động' : 'Đã khóa',
];

/** The same list back, in the columns the import reads (so an export can be edited and imported again). */
export async function membersWorkbook(members: ExportMember[]): Promise<Buffer> {
  const ExcelJS = await loadExcelJs();
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Thành viên');
  sheet.addRow(EXPORT_HEADER).font = { bold: true };
  for (const member of members) sheet.addRow(exportCells(member));
  // Phone numbers stay text, so Excel keeps their leading 0.
  sheet.getColumn(2).numFmt = '@';
  sheet.columns.forEach((column, index) => {
    column.width = [28, 16, 16, 34, 16][index];
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function membersCsv(members: ExportMember[]): string {
  const quote = (cell: string) => (/[",\n;]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  const lines = [EXPORT_HEADER, ...members.map(exportCells)].map((cells) => cells.map(quote).join(','));
  // A BOM so Excel opens the Vietnamese text as UTF-8.
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
