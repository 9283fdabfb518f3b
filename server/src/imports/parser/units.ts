/**
 * "TỔ CHỨC THỰC HIỆN": who does what. A unit starts at "Giao <unit>:", "1. Phòng …:", or a line that
 * is just a unit's name (as a .docx table row gives it); the lines after it are its duties. "17 Tổ Công
 * nghệ số cộng đồng" or "Các Tổ Công nghệ số cộng đồng" means every digital team of the ward.
 */
import { type Found, LIKELY, SURE } from './fields.js';
import { fold, stripMarker } from './text.js';

export type UnitKind = 'department' | 'service_center' | 'digital_team' | 'khu_pho' | 'leadership';

export interface PlanUnit {
  name: string;
  kind: UnitKind;
  /** Every digital team of the ward ("17 Tổ Công nghệ số cộng đồng"). */
  allTeams: boolean;
  /** The count the plan states, when it states one. */
  count: number | null;
  /** The plan makes it the lead (chủ trì). */
  lead: boolean;
  duties: Found<string>[];
  line: number;
  confidence: number;
}

/** Words a unit's name starts with in a ward plan (after "Giao", a count, or "Các"). */
const UNIT_START =
  /^(?!Tổ chức|Phòng chống|Phòng, chống|Phòng ngừa|Ban hành|Hội nghị|Hội thảo|Hội thi|Trường hợp)(Phòng|Văn phòng|Trung tâm|Tổ|Công an|Ban|Đoàn|Hội|Ủy ban Mặt trận|Uỷ ban Mặt trận|UBMTTQ|Mặt trận|Trường|Trạm|Khu phố|Ấp|Thôn|Bản|Tổ dân phố|Đài|Bộ phận|Quân sự|Ban Chỉ huy|Các đơn vị|Các ban|Các hội|Các tổ|Các khu phố|Các trường|Đảng ủy|Chi bộ)(?=\s|:|$)/u;

const DUTY_VERB =
  /\s(chủ trì|phối hợp|thực hiện|tham mưu|triển khai|theo dõi|tổ chức|hướng dẫn|có trách nhiệm|là đơn vị|chịu trách nhiệm)(?=\s|,|$)/iu;

function kindOf(name: string): UnitKind {
  const words = fold(name);
  if (/CONG NGHE SO|TO CNS|TO CNSCD/.test(words)) return 'digital_team';
  if (/^(CAC\s+)?(KHU PHO|AP|THON|TO DAN PHO)\b/.test(words)) return 'khu_pho';
  if (/^(TRUNG TAM|DAI|TRAM)\b/.test(words)) return 'service_center';
  if (/^LANH DAO/.test(words)) return 'leadership';
  return 'department';
}

interface Start {
  name: string;
  inlineDuty: string | undefined;
  confidence: number;
}

/** Is this line the start of a unit's block? */
function unitStart(line: string): Start | undefined {
  let text = stripMarker(line);
  const given = /^Giao\s+(?:cho\s+)?/iu.exec(text);
  if (given) text = text.slice(given[0].length);
  let colon = text.indexOf(':');
  if (given && colon < 0) {
    // "Giao Phòng Văn hóa - Xã hội chủ trì, theo dõi thực hiện.": the duty starts at its verb.
    const verb = DUTY_VERB.exec(text);
    if (verb && verb.index > 0) {
      text = `${text.slice(0, verb.index).trim()}: ${text.slice(verb.index)}`;
      colon = text.indexOf(':');
    }
  }
  const name = (colon >= 0 ? text.slice(0, colon) : text).trim();
  const inline = colon >= 0 ? text.slice(colon + 1).trim() || undefined : undefined;
  const bare = name.replace(/^(\d+|các)\s+/iu, '');
  if (!UNIT_START.test(bare) && !(given && bare.length > 0)) return undefined;
  // A duty is a sentence; a unit's name is short and has no sentence end.
  if (name.length > 90 || /[.;]/.test(name)) return undefined;
  if (colon < 0 && !given && !/^\d+[.)]\s/.test(line) && name.split(' ').length > 12) return undefined;
  const confidence = given || colon >= 0 || /^\d+[.)]\s/.test(line) ? SURE : LIKELY;
  return { name, inlineDuty: inline, confidence };
}

function teamsOf(name: string): { allTeams: boolean; count: number | null; name: string } {
  const counted = /^(\d+)\s+(.*)$/u.exec(name);
  const all = /^(các|tất cả)\s+/iu.test(name) || Boolean(counted);
  return {
    allTeams: kindOf(name) === 'digital_team' && all,
    count: counted ? Number(counted[1]) : null,
    name,
  };
}

export function readUnits(lines: string[], from: number, end: number): PlanUnit[] {
  const units: PlanUnit[] = [];
  for (let i = from; i < end; i++) {
    const start = unitStart(lines[i]!);
    if (start) {
      const teams = teamsOf(start.name);
      units.push({
        name: start.name,
        kind: kindOf(start.name.replace(/^(\d+|các|tất cả)\s+/iu, '')),
        allTeams: teams.allTeams,
        count: teams.count,
        lead: false,
        duties: start.inlineDuty
          ? [{ value: start.inlineDuty, line: i + 1, confidence: start.confidence }]
          : [],
        line: i + 1,
        confidence: start.confidence,
      });
      continue;
    }
    const unit = units.at(-1);
    const duty = stripMarker(lines[i]!);
    if (unit && duty) unit.duties.push({ value: duty, line: i + 1, confidence: unit.confidence });
  }
  // "chủ trì" makes it the lead; "phối hợp với đơn vị chủ trì" does not.
  for (const unit of units)
    unit.lead = unit.duties.some(
      (duty) =>
        /chủ trì/iu.test(duty.value ?? '') &&
        !/(với|cùng|giúp)\s+(các\s+)?(đơn vị|cơ quan)?\s*chủ trì/iu.test(duty.value ?? ''),
    );
  return units;
}
