/**
 * How the results report names the plan and marks its blanks: shared by the .docx layout
 * (report-document.ts) and the .xlsx sheet, in a module of its own so that the main thread, which
 * only writes the sheet and streams the .docx, never loads the docx library (the layout runs in a
 * worker thread).
 */
import { formatIsoDayVi } from '@loa/shared';
import { issuerOf } from './issuer.js';
import type { ReportHeaderRow } from './sql.js';

export const ANNEX_PLACEHOLDER_PREFIX = 'loa-annex-photo:';
export const BLANK = '…';
/** Where staff must write: visible in the file, easy to search for. */
export const TO_COMPLETE = '(Cán bộ bổ sung nội dung)';

/** The plan's issuing body as a sentence names it (the ward's People's Committee when the plan does not say). */
export function committeeName(header: ReportHeaderRow): string {
  return issuerOf(header).name;
}

/** "Kế hoạch số 12/KH-UBND ngày 05/05/2026": the plan as the report cites it, blanks where unknown. */
export function planReference(header: ReportHeaderRow): string {
  const number = header.number?.trim() || `${BLANK}/KH-${issuerOf(header).code}`;
  const date = header.issuedOn ? ` ngày ${formatIsoDayVi(header.issuedOn)}` : '';
  return `Kế hoạch số ${number}${date}`;
}

/** The plan's subject after "về": its title without a leading "Kế hoạch" or "về". */
export function planSubject(title: string): string {
  const subject = title
    .trim()
    .replace(/^kế hoạch\s+/i, '')
    .replace(/^về\s+/i, '');
  // "Hưởng ứng ngày…" reads "về hưởng ứng ngày…"; an acronym ("UBND…") keeps its capitals.
  return /^\p{Lu}\p{Ll}/u.test(subject) ? subject[0]!.toLocaleLowerCase('vi') + subject.slice(1) : subject;
}

export function reportTitleLine(header: ReportHeaderRow): string {
  return `Kết quả thực hiện ${planReference(header)} về ${planSubject(header.title)}`;
}
