/**
 * The import form's state: the draft's values as editable strings (lists one item per line, due
 * times as the ward's local date-time), and back to the save request.
 */
import {
  type PlanDraft,
  type PlanImportSave,
  saveRequestFromDraft,
  wardDateTimeLocal,
  wardIsoString,
} from '@loa/shared';

export interface TaskEdit {
  /** Stable across edits, for React. */
  key: string;
  include: boolean;
  kind: PlanImportSave['tasks'][number]['kind'];
  title: string;
  description: string;
  /** "2026-05-24T17:00", ward time (shared/ward-time.ts). */
  due: string;
  photos: number;
  locationRequired: boolean;
  numberLabel: string | null;
  /** The place as proposed (with coordinates when known); `placeName` is what staff typed. */
  place: PlanImportSave['tasks'][number]['place'];
  placeName: string;
  /** Unit names separated by ";" (a name may contain commas), as staff type them. */
  assignees: string;
  allTeams: boolean;
  line: number;
}

export interface EditState {
  issuingBody: string;
  issuingPlace: string;
  number: string;
  issuedOn: string;
  title: string;
  theme: string;
  startsOn: string;
  endsOn: string;
  leadUnitName: string;
  signerName: string;
  signerAuthority: string;
  signerTitle: string;
  legalBases: string;
  purposes: string;
  requirements: string;
  slogans: string;
  recipients: string;
  units: { key: string; name: string; kind: PlanImportSave['units'][number]['kind']; line: number }[];
  tasks: TaskEdit[];
}

const fromLocal = (local: string) => (local ? wardIsoString(local.slice(0, 10), local.slice(11, 16)) : '');
const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

export function editStateFromDraft(draft: PlanDraft): EditState {
  const save = saveRequestFromDraft(draft);
  const c = save.campaign;
  return {
    issuingBody: c.issuingBody ?? '',
    issuingPlace: c.issuingPlace ?? '',
    number: c.number ?? '',
    issuedOn: c.issuedOn ?? '',
    title: c.title,
    theme: c.theme ?? '',
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    leadUnitName: c.leadUnitName ?? '',
    signerName: c.signerName ?? '',
    signerAuthority: c.signerAuthority ?? '',
    signerTitle: c.signerTitle ?? '',
    legalBases: (c.legalBases ?? []).join('\n'),
    purposes: (c.purposes ?? []).join('\n'),
    requirements: (c.requirements ?? []).join('\n'),
    slogans: (c.slogans ?? []).join('\n'),
    recipients: (c.recipients ?? []).join('\n'),
    units: save.units.map((unit, i) => ({
      ...unit,
      key: `unit-${i}`,
      line: draft.units.find((u) => u.name === unit.name)?.line ?? 0,
    })),
    tasks: save.tasks.map((task, i) => ({
      key: `task-${i}`,
      include: true,
      kind: task.kind,
      title: task.title,
      description: task.description ?? '',
      due: task.dueAt ? wardDateTimeLocal(task.dueAt) : '',
      photos: task.evidencePhotoCount ?? 0,
      locationRequired: task.evidenceLocationRequired ?? false,
      numberLabel: task.evidenceNumberLabel ?? null,
      place: task.place ?? null,
      placeName: task.place?.name ?? '',
      assignees: task.assignTo.unitNames.join('; '),
      allTeams: task.assignTo.allTeams,
      line: draft.proposedTasks[i]?.line ?? 0,
    })),
  };
}

export function saveRequestFromEdit(edit: EditState, sourceText: string): PlanImportSave {
  return {
    campaign: {
      issuingBody: edit.issuingBody.trim() || null,
      issuingPlace: edit.issuingPlace.trim() || null,
      number: edit.number.trim() || null,
      issuedOn: edit.issuedOn || null,
      title: edit.title.trim(),
      theme: edit.theme.trim(),
      startsOn: edit.startsOn,
      endsOn: edit.endsOn,
      leadUnitName: edit.leadUnitName.trim() || null,
      signerName: edit.signerName.trim() || null,
      signerAuthority: edit.signerAuthority.trim() || null,
      signerTitle: edit.signerTitle.trim() || null,
      legalBases: lines(edit.legalBases),
      purposes: lines(edit.purposes),
      requirements: lines(edit.requirements),
      slogans: lines(edit.slogans),
      recipients: lines(edit.recipients),
      sourceText,
    },
    units: edit.units
      .filter((unit) => unit.name.trim())
      .map(({ name, kind }) => ({ name: name.trim(), kind })),
    tasks: edit.tasks
      .filter((task) => task.include)
      .map((task) => ({
        kind: task.kind,
        title: task.title.trim(),
        description: task.description,
        dueAt: fromLocal(task.due),
        evidencePhotoCount: task.photos,
        evidenceLocationRequired: task.locationRequired,
        evidenceNumberLabel: task.numberLabel,
        place: placeOf(task),
        assignTo: {
          unitNames: task.assignees
            .split(';')
            .map((name) => name.trim())
            .filter(Boolean),
          allTeams: task.allTeams,
        },
      })),
  };
}

/**
 * A task given another kind takes that kind's proof: a banner is proved by a photo taken where it
 * hangs, a loudspeaker task by the number of broadcasts; what staff set by hand is kept otherwise.
 */
export function withKind(task: TaskEdit, kind: TaskEdit['kind']): TaskEdit {
  const next = { ...task, kind };
  if (kind === 'hang_banner') {
    next.photos = Math.max(1, task.photos);
    next.locationRequired = true;
  } else if (task.kind === 'hang_banner') next.locationRequired = false;
  if (kind === 'loudspeaker') next.numberLabel = task.numberLabel ?? 'Số lần phát thanh';
  else if (task.kind === 'loudspeaker') next.numberLabel = null;
  return next;
}

/** The place to save: none when the box is empty; a new name drops coordinates that were the old one's. */
function placeOf(task: TaskEdit): TaskEdit['place'] {
  const name = task.placeName.trim();
  if (!name) return null;
  return task.place?.name === name ? task.place : { name };
}

/** What still stops a save, in the words staff read. */
export function missingForSave(edit: EditState): string[] {
  const missing: string[] = [];
  if (!edit.title.trim()) missing.push('tên kế hoạch');
  if (!edit.startsOn || !edit.endsOn) missing.push('thời gian thực hiện');
  else if (edit.endsOn < edit.startsOn) missing.push('ngày kết thúc phải sau ngày bắt đầu');
  if (edit.tasks.some((task) => task.include && (!task.title.trim() || !task.due)))
    missing.push('tên và hạn của từng nhiệm vụ');

  return missing;
}
