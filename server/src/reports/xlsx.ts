/**
 * The spreadsheet annex: one row per unit × task, ready to print (A4 landscape, one page wide, the
 * header row frozen and repeated on every page). Times are Excel dates shown dd/mm/yyyy hh:mm in
 * Vietnam time: Excel dates carry no time zone, so each instant is shifted to the ward's wall clock.
 */
import type { Writable } from 'node:stream';
import { formatDateTimeVi, wardWallDate } from '@loa/shared';
import { loadExcelJs } from '../lazy-libraries.js';
import { assignmentStatusLabels, taskKindLabels } from './labels.js';
import { planReference, planSubject } from './report-wording.js';
import type { AssignmentRow, ReportHeaderRow } from './sql.js';

const DATE_FORMAT = 'dd/mm/yyyy hh:mm';
export const XLSX_HEADER_ROW = 3;

export const XLSX_COLUMNS = [
  { header: 'STT', width: 5 },
  { header: 'Đơn vị', width: 26 },
  { header: 'Nhiệm vụ', width: 40 },
  { header: 'Loại', width: 14 },
  { header: 'Hạn', width: 16 },
  { header: 'Trạng thái', width: 13 },
  { header: 'Nhận lúc', width: 16 },
  { header: 'Báo cáo xong lúc', width: 16 },
  { header: 'Tiến độ', width: 16 },
  { header: 'Số lượng', width: 9 },
  { header: 'Ảnh đạt', width: 8 },
  { header: 'Ảnh chờ duyệt', width: 9 },
  { header: 'Ảnh trả lại', width: 9 },
  { header: 'Ghi chú', width: 30 },
] as const;

/** The wall-clock time in the ward, as the Date Excel will show unchanged. */
export function wardExcelDate(instant: string | null): Date | null {
  return instant ? wardWallDate(instant) : null;
}

export function progressLabel(row: AssignmentRow): string {
  if (row.status === 'submitted' || row.status === 'accepted') return row.late ? 'Trễ hạn' : 'Đúng hạn';
  return row.overdue ? 'Quá hạn, chưa xong' : 'Chưa đến hạn';
}

export async function writeXlsx(
  out: Writable,
  header: ReportHeaderRow,
  rows: AssignmentRow[],
): Promise<void> {
  const ExcelJS = await loadExcelJs();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = header.wardName;
  const sheet = workbook.addWorksheet('Tiến độ', {
    views: [{ state: 'frozen', ySplit: XLSX_HEADER_ROW }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${XLSX_HEADER_ROW}:${XLSX_HEADER_ROW}`,
      margins: { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: 'Trang &P/&N' },
  });
  sheet.columns = XLSX_COLUMNS.map(({ width }) => ({ width }));
  const font = { name: 'Times New Roman', size: 12 };

  const title = sheet.addRow([`TIẾN ĐỘ THỰC HIỆN ${planReference(header).toLocaleUpperCase('vi')}`]);
  title.font = { ...font, bold: true, size: 14 };
  sheet.mergeCells(1, 1, 1, XLSX_COLUMNS.length);
  const subtitle = sheet.addRow([
    `Về ${planSubject(header.title)} — ${header.wardName}, số liệu đến ${formatDateTimeVi(new Date(header.now))}`,
  ]);
  subtitle.font = { ...font, italic: true };
  sheet.mergeCells(2, 1, 2, XLSX_COLUMNS.length);
  title.commit();
  subtitle.commit();

  const head = sheet.addRow(XLSX_COLUMNS.map((c) => c.header));
  head.font = { ...font, bold: true };
  head.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  head.eachCell((cell) => {
    cell.border = {
      top: { style: 'thin' },
      bottom: { style: 'thin' },
      left: { style: 'thin' },
      right: { style: 'thin' },
    };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  });
  head.commit();

  let index = 0;
  for (const row of rows) {
    index += 1;
    const line = sheet.addRow([
      index,
      row.unitName,
      row.taskTitle,
      taskKindLabels[row.kind] ?? row.kind,
      wardExcelDate(row.dueAt),
      assignmentStatusLabels[row.status] ?? row.status,
      wardExcelDate(row.acknowledgedAt),
      wardExcelDate(row.submittedAt),
      progressLabel(row),
      row.numberDone,
      row.photosAccepted,
      row.photosWaiting,
      row.photosSentBack,
      row.note ?? '',
    ]);
    line.font = font;
    line.alignment = { vertical: 'top', wrapText: true };
    for (const column of [5, 7, 8]) line.getCell(column).numFmt = DATE_FORMAT;
    line.eachCell({ includeEmpty: true }, (cell) => {
      cell.border = {
        top: { style: 'thin' },
        bottom: { style: 'thin' },
        left: { style: 'thin' },
        right: { style: 'thin' },
      };
    });
    line.commit();
    // A campaign of many wards' size still leaves the event loop room between rows.
    if (index % 200 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  sheet.commit();
  await workbook.commit();
}
