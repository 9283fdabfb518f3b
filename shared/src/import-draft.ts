/**
 * The save request a draft turns into when staff accept it as it is: the mini app starts its form from
 * it, and the demo seed saves it directly. Empty values stay empty; the server refuses what is missing
 * (a title, a period) with a message saying what to fill in.
 */
import type { PlanDraft, PlanImportSave } from './schemas/imports.js';

const texts = (list: { value: string | null }[]) =>
  list.map((f) => f.value).filter((v): v is string => Boolean(v));

export function saveRequestFromDraft(draft: PlanDraft, sourceText = draft.lines.join('\n')): PlanImportSave {
  const lead = draft.units.find((unit) => unit.lead);
  return {
    campaign: {
      number: draft.number.value,
      issuedOn: draft.issuedOn.value,
      title: draft.title.value ?? '',
      legalBases: texts(draft.legalBases),
      purposes: texts(draft.purposes),
      requirements: texts(draft.requirements),
      theme: draft.theme.value ?? '',
      slogans: texts(draft.slogans),
      startsOn: draft.period.value?.startsOn ?? '',
      endsOn: draft.period.value?.endsOn ?? '',
      leadUnitName: lead?.name ?? null,
      signerName: draft.signerName.value,
      signerAuthority: draft.signerAuthority.value,
      signerTitle: draft.signerTitle.value,
      recipients: texts(draft.recipients),
      issuingBody: draft.issuingBody.value,
      issuingPlace: draft.place.value,
      sourceText,
    },
    // Units the ward lacks; "all the teams" is not a unit to create.
    units: draft.units
      .filter((unit) => !unit.allTeams && !unit.existingUnitId && unit.kind !== 'digital_team')
      .map((unit) => ({ name: unit.name, kind: unit.kind as PlanImportSave['units'][number]['kind'] })),
    tasks: draft.proposedTasks.map((task) => ({
      kind: task.kind,
      title: task.title,
      description: task.description,
      dueAt: task.dueAt ?? '',
      evidencePhotoCount: task.evidencePhotoCount,
      evidenceLocationRequired: task.evidenceLocationRequired,
      evidenceNumberLabel: task.evidenceNumberLabel,
      place: task.savedPlace ?? (task.placeName ? { name: task.placeName } : null),
      assignTo: task.assignTo,
    })),
  };
}
