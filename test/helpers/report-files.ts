/**
 * Reading the report files back as a person's office software would: the .docx and .xlsx unzipped to
 * their XML, the CSV parsed per RFC 4180.
 */
import { strFromU8, unzipSync } from 'fflate';

export function unzip(bytes: Buffer): Record<string, Uint8Array> {
  return unzipSync(new Uint8Array(bytes));
}

export function xmlOf(files: Record<string, Uint8Array>, name: string): string {
  const file = files[name];
  if (!file) throw new Error(`${name} is missing from the package (has ${Object.keys(files).join(', ')})`);
  return strFromU8(file);
}

const decode = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

export interface DocxParagraph {
  text: string;
  xml: string;
}

/** Every paragraph of a WordprocessingML part with its text (runs joined, breaks as new lines) and its XML. */
export function paragraphs(xml: string): DocxParagraph[] {
  const out: DocxParagraph[] = [];
  for (const match of xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>|<w:p\/>/g)) {
    // A line break inside a paragraph reads as a new line.
    const text = [...match[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)]
      .map((m) => (m[0] === '<w:br/>' ? '\n' : decode(m[1]!)))
      .join('');
    out.push({ text, xml: match[0] });
  }
  return out;
}

/** The rows of every table, each row as its cells' text. */
export function tableRows(xml: string): string[][] {
  return [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((row) =>
    [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((cell) =>
      paragraphs(cell[0])
        .map((p) => p.text)
        .join('\n'),
    ),
  );
}

/** RFC 4180 CSV (quoted fields, doubled quotes, CRLF), after the byte-order mark. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length) rows.push([...row, field]);
  return rows;
}
