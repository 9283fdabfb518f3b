import type { PlanDraft } from '@loa/shared';
import { describe, expect, it } from 'vitest';
import { editStateFromDraft, missingForSave, saveRequestFromEdit, withKind } from './edit-state';

const found = (value: string | null, line: number | null = null) => ({
  value,
  line,
  confidence: value ? 0.95 : 0,
});

const draft: PlanDraft = {
  format: 'text',
  lines: ['KẾ HOẠCH', 'Tuyên truyền', 'Chủ đề: A'],
  number: found(null),
  place: found('Dầu Giây', 1),
  issuedOn: found(null),
  issuingBody: found(null),
  title: found('Tuyên truyền', 2),
  legalBases: [],
  purposes: [found('Mục đích một', 3), found('Mục đích hai', 3)],
  requirements: [],
  theme: found('A', 3),
  slogans: [found('Khẩu hiệu', 3)],
  activities: [],
  period: { value: { startsOn: '2026-05-18', endsOn: '2026-05-24' }, line: 3, confidence: 0.95 },
  units: [
    {
      name: 'Công an phường',
      kind: 'department',
      allTeams: false,
      count: null,
      lead: true,
      duties: [],
      line: 3,
      confidence: 0.95,
      existingUnitId: null,
    },
  ],
  bannerPlaces: { named: [], elsewhere: false },
  recipients: [],
  signerAuthority: found(null),
  signerTitle: found(null),
  signerName: found('Bùi Văn Điệp', 3),
  proposedTasks: [
    {
      kind: 'loudspeaker',
      title: 'Phát thanh',
      description: '',
      dueAt: '2026-05-24T17:00:00+07:00',
      evidencePhotoCount: 0,
      evidenceLocationRequired: false,
      evidenceNumberLabel: 'Số lần phát thanh',
      placeName: null,
      assignTo: { unitNames: ['Công an phường'], allTeams: true },
      line: 3,
    },
    {
      kind: 'custom',
      title: 'Việc khác',
      description: '',
      dueAt: null,
      evidencePhotoCount: 0,
      evidenceLocationRequired: false,
      evidenceNumberLabel: null,
      placeName: null,
      assignTo: { unitNames: [], allTeams: false },
      line: 3,
    },
  ],
  notes: [],
};

describe('the import form state', () => {
  it('starts from the draft and saves what staff corrected, in ward time', () => {
    const edit = editStateFromDraft(draft);
    expect(edit.purposes).toBe('Mục đích một\nMục đích hai');
    expect(edit.tasks[0]!.due).toBe('2026-05-24T17:00');
    expect(missingForSave(edit)).toEqual(['tên và hạn của từng nhiệm vụ']);
    edit.title = 'Tên đã sửa';
    edit.tasks[0]!.assignees = 'Công an phường; Phòng Kinh tế, Hạ tầng và Đô thị';
    edit.tasks[1]!.include = false;
    expect(missingForSave(edit)).toEqual([]);
    const body = saveRequestFromEdit(edit, 'văn bản');
    expect(body.campaign).toMatchObject({
      title: 'Tên đã sửa',
      purposes: ['Mục đích một', 'Mục đích hai'],
      leadUnitName: 'Công an phường',
      signerName: 'Bùi Văn Điệp',
      number: null,
      sourceText: 'văn bản',
    });
    expect(body.units).toEqual([{ name: 'Công an phường', kind: 'department' }]);
    expect(body.tasks).toHaveLength(1);
    expect(body.tasks[0]).toMatchObject({
      dueAt: '2026-05-24T17:00:00+07:00',
      assignTo: { unitNames: ['Công an phường', 'Phòng Kinh tế, Hạ tầng và Đô thị'], allTeams: true },
    });
  });

  it('saves the issuing body and place, and each task’s corrected kind and place', () => {
    const edit = editStateFromDraft({ ...draft, issuingBody: found('UBND phường Dầu Giây', 1) });
    expect([edit.issuingBody, edit.issuingPlace]).toEqual(['UBND phường Dầu Giây', 'Dầu Giây']);
    edit.issuingBody = ' ĐẢNG ỦY PHƯỜNG DẦU GIÂY ';
    edit.issuingPlace = '';
    // The "việc khác" becomes a banner at the market: a photo taken there proves it.
    edit.tasks[1] = { ...withKind(edit.tasks[1]!, 'hang_banner'), due: '2026-05-18T08:00' };
    edit.tasks[1].placeName = 'Chợ Dầu Giây ';
    // The loudspeaker task is a meeting after all: no count of broadcasts is asked for.
    edit.tasks[0] = withKind(edit.tasks[0]!, 'meeting');
    const body = saveRequestFromEdit(edit, 'văn bản');
    expect(body.campaign).toMatchObject({ issuingBody: 'ĐẢNG ỦY PHƯỜNG DẦU GIÂY', issuingPlace: null });
    expect(body.tasks[1]).toMatchObject({
      kind: 'hang_banner',
      place: { name: 'Chợ Dầu Giây' },
      evidencePhotoCount: 1,
      evidenceLocationRequired: true,
    });
    expect(body.tasks[0]).toMatchObject({ kind: 'meeting', evidenceNumberLabel: null, place: null });
    // A banner moved to another kind no longer asks where the photo was taken; its place stays.
    const back = withKind(edit.tasks[1], 'custom');
    expect([back.locationRequired, back.photos, back.placeName]).toEqual([false, 1, 'Chợ Dầu Giây ']);
  });

  it('keeps a proposed place’s coordinates unless staff rename it', () => {
    const edit = editStateFromDraft(draft);
    edit.tasks[0] = {
      ...edit.tasks[0]!,
      place: { name: 'Trụ sở', lat: 10.9, lng: 107.1 },
      placeName: 'Trụ sở',
    };
    expect(saveRequestFromEdit(edit, '').tasks[0]!.place).toEqual({ name: 'Trụ sở', lat: 10.9, lng: 107.1 });
    edit.tasks[0].placeName = 'Nhà văn hóa';
    expect(saveRequestFromEdit(edit, '').tasks[0]!.place).toEqual({ name: 'Nhà văn hóa' });
  });

  it('names what still blocks a save', () => {
    const edit = {
      ...editStateFromDraft(draft),
      title: ' ',
      startsOn: '2026-05-24',
      endsOn: '2026-05-18',
      tasks: [],
    };
    expect(missingForSave(edit)).toEqual(['tên kế hoạch', 'ngày kết thúc phải sau ngày bắt đầu']);
  });
});
