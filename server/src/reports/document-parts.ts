/**
 * The building blocks of a Nghị định 30/2020 document, as docx objects: A4 portrait, margins
 * 20/20/30/15 mm, Times New Roman, justified body with a 1.27 cm first-line indent, the borderless
 * two-column header and footer tables, and the short solid rules under the issuing body, the motto
 * and the summary line. Sizes are in half-points (28 = 14 pt) and lengths in twips (567 = 1 cm).
 */
import {
  AlignmentType,
  BorderStyle,
  type IRunOptions,
  LineRuleType,
  Paragraph,
  type ParagraphChild,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';

export const FONT = 'Times New Roman';
export const CM = 567;
/** A4 in twips, portrait, and the decree's margins (top/bottom 20 mm, left 30 mm, right 15 mm). */
export const PAGE = { width: 11906, height: 16838 };
export const MARGIN = { top: 1134, bottom: 1134, left: 1701, right: 850, header: 567, footer: 567 };
export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
/** Header table: the Quốc hiệu at 13 pt needs ≈ 10 cm on one line, so the right column is wider. */
export const HEADER_COLUMNS = [3402, TEXT_WIDTH - 3402];

export const BODY_SIZE = 28;
/** Single line spacing, said explicitly: a bare line value is read as exact by some editors. */
export const SINGLE = { line: 240, lineRule: LineRuleType.AUTO } as const;

type RunStyle = Pick<IRunOptions, 'bold' | 'italics' | 'size' | 'break'>;

export function run(text: string, style: RunStyle = {}): TextRun {
  return new TextRun({ text, font: FONT, size: style.size ?? BODY_SIZE, ...style });
}

/** A centred line (header blocks, titles, signature). */
export function centred(text: string, style: RunStyle = {}, after = 0): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 0, after, ...SINGLE },
    children: [run(text, style)],
  });
}

/** A body paragraph: justified, first line indented 1.27 cm, 6 pt after, 1.2 lines. */
export function body(
  children: string | ParagraphChild[],
  options: { indent?: boolean; keepNext?: boolean } = {},
): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.BOTH,
    indent: options.indent === false ? undefined : { firstLine: 720 },
    keepNext: options.keepNext,
    spacing: { before: 0, after: 120, line: 288, lineRule: LineRuleType.AUTO },
    children: typeof children === 'string' ? [run(children)] : children,
  });
}

/** "I. KẾT QUẢ THỰC HIỆN": upper case, bold. "1. Tuyên truyền…": bold. */
export function heading(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.BOTH,
    indent: { firstLine: 720 },
    spacing: { before: 120, after: 120, line: 288, lineRule: LineRuleType.AUTO },
    keepNext: true,
    children: [run(text, { bold: true })],
  });
}

/** A solid rule `widthCm` long, centred in a column `columnTwips` wide (an empty paragraph's top border). */
export function rule(widthCm: number, columnTwips: number, after = 0): Paragraph {
  const side = Math.max(0, Math.round((columnTwips - widthCm * CM) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    // A paragraph 4 pt high: its top border sits just under the line above it.
    spacing: { before: 0, after, line: 80, lineRule: LineRuleType.EXACT },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [],
  });
}

/** A borderless table of columns (the header and the Nơi nhận / signature footer). */
export function layoutTable(widths: number[], rows: Paragraph[][][]): Table {
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    borders: TableBorders.NONE,
    rows: rows.map(
      (cells) =>
        new TableRow({
          // The signature block never breaks across pages.
          cantSplit: true,
          children: cells.map(
            (children, index) =>
              new TableCell({
                width: { size: widths[index]!, type: WidthType.DXA },
                borders: {
                  top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
                  bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
                  left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
                  right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
                },
                children,
              }),
          ),
        }),
    ),
  });
}

/** A ruled data table at 13 pt: a bold header row, then rows (the last one bold when it is a total). */
export function dataTable(
  widths: number[],
  header: string[],
  rows: string[][],
  options: { totalRow?: boolean } = {},
): Table {
  const cell = (text: string, index: number, bold: boolean) =>
    new TableCell({
      width: { size: widths[index]!, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      children: [
        new Paragraph({
          alignment: index === 1 ? AlignmentType.START : AlignmentType.CENTER,
          spacing: { before: 40, after: 40, ...SINGLE },
          children: [run(text, { size: 26, bold })],
        }),
      ],
    });
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, children: header.map((text, index) => cell(text, index, true)) }),
      ...rows.map(
        (cells, rowIndex) =>
          new TableRow({
            children: cells.map((text, index) =>
              cell(text, index, options.totalRow === true && rowIndex === rows.length - 1),
            ),
          }),
      ),
    ],
  });
}

/** "05 tháng 01 năm 2026": days 1–9 and months 1–2 take a leading zero, per the decree. */
export function longDateVi(isoDay: string): string {
  const [year, month, day] = isoDay.split('-').map(Number) as [number, number, number];
  const pad = (n: number) => String(n).padStart(2, '0');
  return `ngày ${pad(day)} tháng ${month <= 2 ? pad(month) : String(month)} năm ${year}`;
}

/** 1020 → "1.020", the Vietnamese way. */
export function count(n: number): string {
  return n.toLocaleString('vi-VN');
}
