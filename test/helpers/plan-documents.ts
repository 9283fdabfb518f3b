/**
 * Builds a ward plan as a real .docx (docx) and a real text PDF (pdfkit, DejaVu Sans for the
 * Vietnamese letters) from its text, one paragraph per non-empty line, the way Word would lay it out:
 * paragraphs with space after them and long ones wrapped. `tables` puts chosen blocks in Word tables.
 */
import { createRequire } from 'node:module';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');

function paragraphs(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.replace(/\*\*/g, '').trim())
    .filter(Boolean);
}

/** A table: rows of cells, each cell one or more paragraphs. */
export type DocxTable = string[][][];

/** Text blocks and tables, in order. */
export type DocxBlock = string | DocxTable;

function cell(lines: string[]): TableCell {
  return new TableCell({
    children: lines.map((line) => new Paragraph({ children: [new TextRun(line)] })),
    width: { size: 50, type: WidthType.PERCENTAGE },
  });
}

export async function planDocx(blocks: DocxBlock[] | string): Promise<Buffer> {
  const list = typeof blocks === 'string' ? [blocks] : blocks;
  const children: (Paragraph | Table)[] = [];
  for (const block of list) {
    if (typeof block === 'string') {
      for (const line of paragraphs(block))
        children.push(
          new Paragraph({
            children: [new TextRun({ text: line, font: 'Times New Roman' })],
            spacing: { after: 120 },
          }),
        );
    } else {
      children.push(
        new Table({
          rows: block.map((row) => new TableRow({ children: row.map(cell) })),
          width: { size: 100, type: WidthType.PERCENTAGE },
        }),
      );
    }
  }
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

export async function planPdf(text: string, options: { pageBreakEvery?: number } = {}): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margins: { top: 57, bottom: 57, left: 85, right: 57 } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  doc.font(FONT).fontSize(13);
  paragraphs(text).forEach((line, i) => {
    if (i > 0 && options.pageBreakEvery && i % options.pageBreakEvery === 0) doc.addPage();
    doc.text(line, { align: 'justify', paragraphGap: 6 });
  });
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

/** A "scanned" plan: a page with a picture and no text layer. */
export async function scannedPdf(): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4' });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  for (let row = 0; row < 30; row++) doc.rect(80, 80 + row * 22, 300 + ((row * 37) % 150), 10).fill('#333');
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
