/**
 * From the plan's activities and units to the tasks staff will most likely want, before they correct
 * them: one task per channel the plan names, given to the units whose duties mention that channel
 * (the digital teams for loudspeakers and Zalo groups), and one banner task per named place with
 * photo proof taken there. What a plan never states (times of day, photo counts) gets a default.
 */
import { type ProposedTask, wardIsoString } from '@loa/shared';
import { type Activity, type Channel, channelsOf } from './parser/activities.js';
import type { PlanDraft as ParsedPlan } from './parser/plan.js';
import type { PlanUnit } from './parser/units.js';
import { unitKey } from './unit-names.js';

interface ChannelTask {
  kind: ProposedTask['kind'];
  title: string;
  /** Which end of the period it is due at, and the hour (ward time). */
  due: ['start' | 'end', number];
  numberLabel?: string;
  /** Who does it when no unit's duties mention the channel. */
  fallback: 'teams' | 'lead';
}

const CHANNEL_TASKS: Partial<Record<Channel, ChannelTask>> = {
  loudspeaker: {
    kind: 'loudspeaker',
    title: 'Phát thanh tuyên truyền trên hệ thống loa truyền thanh',
    due: ['end', 17],
    numberLabel: 'Số lần phát thanh',
    fallback: 'teams',
  },
  zalo: {
    kind: 'share_post',
    title: 'Chia sẻ bài tuyên truyền vào nhóm Zalo khu phố',
    due: ['end', 20],
    fallback: 'teams',
  },
  website: {
    kind: 'article',
    title: 'Đăng tin, bài trên Trang thông tin điện tử',
    due: ['start', 17],
    fallback: 'lead',
  },
  social: { kind: 'article', title: 'Tuyên truyền trên mạng xã hội', due: ['start', 17], fallback: 'lead' },
  meeting: {
    kind: 'meeting',
    title: 'Lồng ghép nội dung tuyên truyền trong các cuộc họp, sinh hoạt',
    due: ['end', 17],
    fallback: 'lead',
  },
};

/** Website and social posts are articles: a unit whose duties mention articles does them. */
const ALSO: Partial<Record<Channel, Channel[]>> = { website: ['article'], social: ['article'] };

function dueAt(period: ParsedPlan['period'], [end, hour]: ['start' | 'end', number]): string | null {
  const day = end === 'start' ? period.value?.startsOn : period.value?.endsOn;
  return day ? wardIsoString(day, `${String(hour).padStart(2, '0')}:00`) : null;
}

interface Targets {
  unitNames: string[];
  allTeams: boolean;
}

function targetsFor(units: PlanUnit[], channels: Channel[], fallback: 'teams' | 'lead'): Targets {
  const doers = units.filter((unit) =>
    unit.duties.some((duty) => channelsOf(duty.value ?? '').some((c) => channels.includes(c))),
  );
  const pick = (list: PlanUnit[]): Targets => ({
    unitNames: list.filter((u) => !u.allTeams).map((u) => u.name),
    allTeams: list.some((u) => u.allTeams),
  });
  if (doers.length) return pick(doers);
  const teams = units.filter((u) => u.allTeams);
  const lead = units.filter((u) => u.lead).slice(0, 1);
  const first = lead.length ? lead : units.filter((u) => !u.allTeams).slice(0, 1);
  if (fallback === 'teams' && teams.length) return pick(teams);
  if (first.length) return pick(first);
  return pick(teams);
}

function shortTitle(text: string): string {
  const sentence = text.replace(/[.;:]+$/u, '');
  return sentence.length <= 120 ? sentence : `${sentence.slice(0, 117).replace(/\s+\S*$/u, '')}…`;
}

export function proposeTasks(plan: ParsedPlan): ProposedTask[] {
  const tasks: ProposedTask[] = [];
  const seen = new Set<Channel>();
  const base = (activity: Activity) => ({ description: activity.text, line: activity.line });
  for (const activity of plan.activities) {
    for (const channel of activity.channels) {
      const spec = CHANNEL_TASKS[channel];
      if (!spec || seen.has(channel)) continue;
      seen.add(channel);
      tasks.push({
        ...base(activity),
        kind: spec.kind,
        title: spec.title,
        dueAt: dueAt(plan.period, spec.due),
        evidencePhotoCount: 0,
        evidenceLocationRequired: false,
        evidenceNumberLabel: spec.numberLabel ?? null,
        placeName: null,
        assignTo: targetsFor(plan.units, [channel, ...(ALSO[channel] ?? [])], spec.fallback),
      });
    }
    if (activity.channels.length === 0)
      tasks.push({
        ...base(activity),
        kind: 'custom',
        title: shortTitle(activity.text),
        dueAt: dueAt(plan.period, ['end', 17]),
        evidencePhotoCount: 0,
        evidenceLocationRequired: false,
        evidenceNumberLabel: null,
        placeName: null,
        assignTo: targetsFor(plan.units, [], 'lead'),
      });
  }
  tasks.push(...bannerTasks(plan));
  return tasks;
}

/** One task per named place (photo proof there); "các khu vực phù hợp" becomes the teams' own task. */
function bannerTasks(plan: ParsedPlan): ProposedTask[] {
  const activity = plan.activities.find((a) => a.channels.includes('banner'));
  if (!activity) return [];
  const banner = (
    title: string,
    placeName: string | null,
    assignTo: Targets,
    line: number,
  ): ProposedTask => ({
    kind: 'hang_banner',
    title,
    description: activity.text,
    dueAt: dueAt(plan.period, ['start', 8]),
    evidencePhotoCount: 1,
    evidenceLocationRequired: true,
    evidenceNumberLabel: null,
    placeName,
    assignTo,
    line,
  });
  const tasks = plan.bannerPlaces.named.map((place) => {
    const name = place.value!;
    // A banner at a unit's own office is that unit's job.
    const owner = plan.units.find((u) => unitKey(u.name) === unitKey(name));
    const assignTo = owner
      ? { unitNames: [owner.name], allTeams: false }
      : targetsFor(plan.units, ['banner'], 'lead');
    return banner(`Treo băng rôn tại ${name}`, name, assignTo, place.line ?? activity.line);
  });
  if (plan.bannerPlaces.elsewhere)
    tasks.push(
      banner(
        'Treo băng rôn, khẩu hiệu hưởng ứng tại khu phố',
        null,
        targetsFor(plan.units, ['banner'], 'teams'),
        activity.line,
      ),
    );
  return tasks;
}
