/**
 * parsePlan(text) → the draft of a campaign, field by field, each with its source line and confidence.
 * Pure: no database, no I/O. What it cannot find stays empty with a note; it never throws on text.
 */
import { type Activity, type BannerPlaces, readActivities, readBannerPlaces } from './activities.js';
import { readRecipients, readSigner } from './closing.js';
import { parsePeriod } from './dates.js';
import { type Found, found, LIKELY, missing, SURE } from './fields.js';
import { type Header, readHeader } from './header.js';
import { bodyEnd, findSections, type Section, sectionOf } from './sections.js';
import { readSlogans, readTheme } from './slogans.js';
import { fold, planLines, stripMarker } from './text.js';
import { type PlanUnit, readUnits } from './units.js';

/** The header's fields (header.ts), then the body's. */
export interface PlanDraft extends Omit<Header, 'bodyStart'> {
  lines: string[];
  purposes: Found<string>[];
  requirements: Found<string>[];
  theme: Found<string>;
  slogans: Found<string>[];
  activities: Activity[];
  period: Found<{ startsOn: string; endsOn: string }>;
  units: PlanUnit[];
  bannerPlaces: BannerPlaces;
  recipients: Found<string>[];
  signerAuthority: Found<string>;
  signerTitle: Found<string>;
  signerName: Found<string>;
  /** Things staff should know about the whole document (extra sections, missing parts). */
  notes: string[];
}

function paragraphs(lines: string[], from: number, end: number, confidence = SURE): Found<string>[] {
  const out: Found<string>[] = [];
  for (let i = from; i < end; i++) {
    const text = stripMarker(lines[i]!);
    if (text) out.push(found(text, i + 1, confidence));
  }
  return out;
}

/** "I. MỤC ĐÍCH, YÊU CẦU" may hold "1. Mục đích" and "2. Yêu cầu"; without them it is all purposes. */
function purposesAndRequirements(lines: string[], sections: Section[]) {
  const purposes: Found<string>[] = [];
  const requirements: Found<string>[] = [];
  for (const section of sections) {
    if (section.kind === 'purposes') purposes.push(...paragraphs(lines, section.at + 1, section.end));
    if (section.kind === 'requirements') requirements.push(...paragraphs(lines, section.at + 1, section.end));
    if (section.kind !== 'purposes_requirements') continue;
    let target = purposes;
    for (let i = section.at + 1; i < section.end; i++) {
      const line = lines[i]!;
      const words = fold(stripMarker(line));
      if (/^(\d+[.)]|[a-z]\))\s/.test(line) && line.length < 40) {
        if (/^MUC DICH/.test(words)) target = purposes;
        else if (/^YEU CAU/.test(words)) target = requirements;
        continue;
      }
      const text = stripMarker(line);
      if (text) target.push(found(text, i + 1));
    }
  }
  return { purposes, requirements };
}

function yearOf(lines: string[], header: { issuedOn: Found<string> }): number | undefined {
  if (header.issuedOn.value) return Number(header.issuedOn.value.slice(0, 4));
  const years = lines.join(' ').match(/\b20\d\d\b/g);
  return years ? Math.max(...years.map(Number)) : undefined;
}

function readPeriod(lines: string[], sections: Section[], year: number | undefined, bodyFrom: number) {
  const section = sectionOf(sections, 'period');
  const noYear = 'Năm của thời gian thực hiện được suy ra từ văn bản. Kiểm tra lại.';
  if (section) {
    const candidates = [
      ...(section.inline ? [{ text: section.inline, line: section.at + 1 }] : []),
      ...lines.slice(section.at + 1, section.end).map((text, k) => ({ text, line: section.at + 2 + k })),
    ];
    for (const { text, line } of candidates) {
      const period = parsePeriod(text, year);
      if (period)
        return found(
          { startsOn: period.startsOn, endsOn: period.endsOn },
          line,
          period.yearGuessed ? LIKELY : SURE,
          period.yearGuessed ? noYear : undefined,
        );
    }
  }
  // No period section: a sentence "từ ngày … đến ngày …" in the body is a likely period, never a sure one.
  for (let i = bodyFrom; i < lines.length; i++) {
    if (!/(từ|trong thời gian)\s+(ngày\s+)?\d/iu.test(lines[i]!)) continue;
    const period = parsePeriod(lines[i]!.slice(lines[i]!.search(/từ|trong thời gian/iu)), year);
    if (period && period.endsOn > period.startsOn)
      return found(
        { startsOn: period.startsOn, endsOn: period.endsOn },
        i + 1,
        LIKELY,
        'Kế hoạch không có mục thời gian thực hiện; ngày lấy từ một câu trong văn bản. Kiểm tra lại.',
      );
  }
  return missing<{ startsOn: string; endsOn: string }>(
    'Không tìm thấy thời gian thực hiện. Nhập ngày bắt đầu và ngày kết thúc.',
  );
}

export function parsePlan(text: string): PlanDraft {
  const lines = planLines(text);
  const probe = findSections(lines, 0);
  const header = readHeader(lines, probe[0]?.at ?? bodyEnd(lines, 0));
  const sections = findSections(lines, header.bodyStart);
  const notes: string[] = [];
  if (sections.length === 0)
    notes.push(
      'Không nhận ra các mục (I., II., … hoặc 1., 2., …) của kế hoạch. Hãy nhập các trường bằng tay.',
    );
  for (const section of sections.filter((s) => s.kind === 'other'))
    notes.push(
      `Mục "${section.heading}" (dòng ${section.at + 1}) không thuộc trường nào; nội dung giữ nguyên trong văn bản gốc.`,
    );

  const { purposes, requirements } = purposesAndRequirements(lines, sections);
  const themeSection = sectionOf(sections, 'theme');
  const themeRange: [number, number, boolean] = themeSection
    ? [themeSection.at, themeSection.end, true]
    : [header.bodyStart, bodyEnd(lines, header.bodyStart), false];
  const activitySections = sections.filter((s) => s.kind === 'activities');
  const activities = activitySections.flatMap((s) => readActivities(lines, s.at + 1, s.end));
  const organisation = sectionOf(sections, 'organisation');
  const units = organisation ? readUnits(lines, organisation.at + 1, organisation.end) : [];
  if (!organisation) notes.push('Không thấy mục "Tổ chức thực hiện": chưa có đơn vị nào được giao việc.');
  const end = bodyEnd(lines, sections.at(-1)?.at ?? header.bodyStart);

  return {
    lines,
    number: header.number,
    place: header.place,
    issuedOn: header.issuedOn,
    issuingBody: header.issuingBody,
    title: header.title,
    legalBases: header.legalBases,
    purposes,
    requirements,
    theme: readTheme(lines, ...themeRange),
    slogans: readSlogans(lines, ...themeRange),
    activities,
    period: readPeriod(lines, sections, yearOf(lines, header), header.bodyStart),
    units,
    bannerPlaces: readBannerPlaces(activities),
    recipients: readRecipients(lines, end),
    ...readSigner(lines, end),
    notes,
  };
}
