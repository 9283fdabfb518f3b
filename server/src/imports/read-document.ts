/**
 * Turns an uploaded plan (.docx or a PDF with a text layer) into plain text, one paragraph per line,
 * so that every format reaches the parser in the same shape. A scanned PDF has no text to read: it is
 * refused with a message saying so, rather than parsed into an empty draft.
 */
import { AppError } from '../errors.js';
import { loadMammoth, loadUnpdf } from '../lazy-libraries.js';

export type PlanFormat = 'text' | 'docx' | 'pdf';

/** Recognised by content, not by file name: a .docx is a zip, a PDF starts with "%PDF-". */
export function sniffFormat(bytes: Buffer): 'docx' | 'pdf' | undefined {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'docx';
  return undefined;
}

export async function docxText(bytes: Buffer): Promise<string> {
  try {
    // Raw text keeps every paragraph, table cells included (row by row, cell by cell), in reading order.
    const mammoth = await loadMammoth();
    const { value } = await mammoth.extractRawText({ buffer: bytes });
    return value;
  } catch {
    throw new AppError(
      'IMPORT_UNREADABLE',
      'Không đọc được tệp .docx này (tệp hỏng hoặc không phải Word). Mở lại trong Word, lưu thành .docx rồi tải lên lại.',
    );
  }
}

interface Run {
  text: string;
  x: number;
  y: number;
  size: number;
  right: number;
}

interface VisualLine {
  text: string;
  y: number;
  size: number;
  left: number;
  right: number;
}

function visualLines(items: Run[]): VisualLine[] {
  const lines: VisualLine[] = [];
  for (const item of items) {
    const last = lines.at(-1);
    if (last && Math.abs(last.y - item.y) < item.size * 0.4) {
      const gap = item.x - last.right;
      last.text +=
        (gap > item.size * 0.15 && !last.text.endsWith(' ') && !item.text.startsWith(' ') ? ' ' : '') +
        item.text;
      last.right = Math.max(last.right, item.right);
      continue;
    }
    lines.push({ text: item.text, y: item.y, size: item.size, left: item.x, right: item.right });
  }
  return lines.filter((line) => line.text.trim());
}

/** A heading line ("KẾ HOẠCH", "I. MỤC ĐÍCH"): has letters, all capitals. A wrapped "2026" is not one. */
function isUpper(text: string): boolean {
  return /\p{Lu}/u.test(text) && text === text.toLocaleUpperCase('vi');
}

const STARTS_BLOCK =
  /^([-+•–]|\d+(\.\d+)*[.)]\s|[a-zđ]\)\s|(X{0,3}(IX|IV|V?I{0,3}))[.\s]|Căn cứ|Thực hiện|Nơi nhận)/u;

/**
 * A PDF stores lines, not paragraphs. A line starts a new paragraph when the space above it is larger
 * than the document's line spacing (paragraph spacing), when the line above stops short of the right
 * margin, or when it starts with a list marker or heading number right after a finished sentence.
 */
function paragraphsOf(lines: VisualLine[]): string[] {
  const gaps = lines
    .slice(1)
    .map((line, i) => Math.abs(lines[i]!.y - line.y))
    .filter((g) => g > 0);
  const lineGap = gaps.length ? [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length * 0.1)]! : 0;
  const fullWidth = Math.max(...lines.map((line) => line.right));
  const out: string[] = [];
  lines.forEach((line, i) => {
    const prev = lines[i - 1];
    const text = line.text.trim();
    const upper = isUpper(text);
    const prevUpper = prev ? isUpper(prev.text.trim()) : false;
    const newParagraph =
      !prev ||
      Math.abs(prev.y - line.y) > lineGap + line.size * 0.25 ||
      prev.y < line.y || // a new page
      prev.right < fullWidth - line.size * 4 ||
      // A marker after a finished sentence ("…;" then "- …"); a wrapped "- Động lực…" is not one.
      (STARTS_BLOCK.test(text) && /[.;:!?”"]$/u.test(prev.text.trim())) ||
      upper !== prevUpper;
    if (newParagraph) out.push(text);
    else out[out.length - 1] += ` ${text}`;
  });
  return out;
}

const MAX_PDF_PAGES = 60;

export async function pdfText(bytes: Buffer): Promise<string> {
  let pages: Run[][];
  let tooLong = false;
  try {
    const { getDocumentProxy } = await loadUnpdf();
    const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
    // A ward plan runs to a few pages; reading hundreds would hold the server for nothing.
    if (pdf.numPages > MAX_PDF_PAGES) tooLong = true;
    pages = [];
    for (let n = 1; n <= Math.min(pdf.numPages, MAX_PDF_PAGES); n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const runs: Run[] = [];
      for (const item of content.items) {
        if (!('str' in item) || !item.str) continue;
        const [, , c, d, x, y] = item.transform as number[];
        const size = Math.hypot(c!, d!) || item.height || 12;
        runs.push({ text: item.str, x: x!, y: y!, size, right: x! + item.width });
      }
      pages.push(runs);
    }
    await pdf.loadingTask.destroy();
  } catch {
    throw new AppError(
      'IMPORT_UNREADABLE',
      'Không đọc được tệp PDF này (tệp hỏng hoặc có mật khẩu). Hãy xuất lại PDF từ Word hoặc tải lên tệp .docx.',
    );
  }
  if (tooLong)
    throw new AppError(
      'IMPORT_UNREADABLE',
      `Tệp PDF dài hơn ${MAX_PDF_PAGES} trang, không giống một kế hoạch. Hãy tải lên đúng văn bản kế hoạch.`,
    );
  // Page by page: the y coordinate restarts on each page, so paragraphs are rebuilt per page.
  const paragraphs = pages.flatMap((runs) => (runs.length ? paragraphsOf(visualLines(runs)) : []));
  const letters = paragraphs.join('').replace(/[^\p{L}]/gu, '').length;
  if (letters < 20) throw new AppError('IMPORT_SCANNED_PDF');
  return paragraphs.join('\n');
}
