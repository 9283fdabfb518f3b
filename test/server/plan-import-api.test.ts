/**
 * POST /api/campaigns/import reads a plan into a draft (nothing stored); POST …/import/save creates
 * the campaign, the units the ward lacks and the tasks through the campaigns and tasks features, all
 * or nothing.
 */
import { readFileSync } from 'node:fs';
import { type PlanDraft, saveRequestFromDraft } from '@loa/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { planDocx, planPdf } from '../helpers/plan-documents.js';
import { authHeader } from '../helpers/sessions.js';

const fixture = (path: string) => readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8');

describe('plan import API', () => {
  let t: TestApp;
  let staff: { authorization: string };
  let member: { authorization: string };

  const count = (table: string) =>
    t.app.db.withSystem(
      async (db) => (await db.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n as number,
    );
  const importPlan = (body: unknown, headers = staff) =>
    t.app.inject({ method: 'POST', url: '/api/campaigns/import', headers, payload: body as object });
  const save = (body: unknown) =>
    t.app.inject({
      method: 'POST',
      url: '/api/campaigns/import/save',
      headers: staff,
      payload: body as object,
    });

  beforeAll(async () => {
    t = await buildTestApp({ seed: true });
    const person = async (where: string) =>
      t.app.db.withSystem(
        async (db) =>
          (
            await db.query(
              `SELECT id AS "memberId", ward_id AS "wardId", role, unit_id AS "unitId" FROM members WHERE ${where} LIMIT 1`,
            )
          ).rows[0],
      );
    staff = authHeader(t.app, await person(`full_name = 'Nguyễn Thị Nhi'`));
    member = authHeader(t.app, await person(`role = 'team_member'`));
  });
  afterAll(() => t.close());

  it('reads pasted text into a draft, matching the ward’s own units, and stores nothing', async () => {
    const before = await count('campaigns');
    const res = await importPlan({ text: fixture('plan-dau-giay-khcn-2026.txt') });
    expect(res.statusCode).toBe(200);
    const draft = res.json() as PlanDraft;
    expect(draft.format).toBe('text');
    expect(draft.theme.value).toBe(
      'Khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số - Động lực chính của mô hình tăng trưởng mới',
    );
    expect(draft.units.map((u) => [u.name, Boolean(u.existingUnitId)])).toEqual([
      ['Phòng Văn hóa - Xã hội', true],
      ['Trung tâm Dịch vụ tổng hợp', true],
      ['17 Tổ Công nghệ số cộng đồng', false],
    ]);
    expect(draft.notes).toEqual([]);
    const loudspeaker = draft.proposedTasks.find((task) => task.kind === 'loudspeaker');
    expect(loudspeaker).toMatchObject({
      dueAt: '2026-05-24T17:00:00+07:00',
      assignTo: { unitNames: [], allTeams: true },
      evidenceNumberLabel: 'Số lần phát thanh',
    });
    const banners = draft.proposedTasks.filter((task) => task.kind === 'hang_banner');
    expect(
      banners.map((task) => [task.placeName, task.evidencePhotoCount, task.evidenceLocationRequired]),
    ).toEqual([
      ['Trụ sở UBND phường', 1, true],
      ['Trung tâm Phục vụ Hành chính công', 1, true],
      ['Phòng Văn hoá – Xã hội', 1, true],
      [null, 1, true],
    ]);
    // The banner at the Phòng's own office is the Phòng's job; "các khu vực phù hợp" is the teams'.
    expect(banners[2]!.assignTo).toEqual({ unitNames: ['Phòng Văn hóa - Xã hội'], allTeams: false });
    expect(banners[3]!.assignTo).toEqual({ unitNames: [], allTeams: true });
    expect(await count('campaigns')).toBe(before);
  });

  it('reads the same plan from a .docx and a .pdf', async () => {
    const text = fixture('plan-dau-giay-khcn-2026.txt');
    const { format: _text, ...expected } = (await importPlan({ text })).json() as PlanDraft;
    for (const [bytes, name] of [
      [await planDocx(text), 'ke-hoach.docx'],
      [await planPdf(text), 'ke-hoach.pdf'],
    ] as const) {
      const res = await importPlan({ file: { name, contentBase64: bytes.toString('base64') } });
      expect(res.statusCode).toBe(200);
      const { format, ...draft } = res.json() as PlanDraft;
      expect(format).toBe(name.endsWith('.pdf') ? 'pdf' : 'docx');
      expect(draft).toEqual(expected);
    }
  });

  it('warns when the plan is another ward’s', async () => {
    const draft = (
      await importPlan({ text: fixture('plans/xa-xuan-phu-chuyen-doi-so.txt') })
    ).json() as PlanDraft;
    expect(draft.notes[0]).toContain('ỦY BAN NHÂN DÂN XÃ XUÂN PHÚ ban hành, không phải Phường Dầu Giây');
  });

  it('answers bad input with a Vietnamese 4xx and refuses team members', async () => {
    const empty = await importPlan({ text: '   ' });
    expect([empty.statusCode, empty.json().code]).toEqual([400, 'IMPORT_EMPTY']);
    const image = await importPlan({
      file: { name: 'a.png', contentBase64: Buffer.from('\x89PNG....').toString('base64') },
    });
    expect([image.statusCode, image.json().message]).toEqual([415, expect.stringContaining('.docx')]);
    const nothing = await importPlan({});
    expect(nothing.statusCode).toBe(400);
    const forbidden = await importPlan({ text: 'KẾ HOẠCH' }, member);
    expect(forbidden.statusCode).toBe(403);
  });

  it('saves a corrected draft: the campaign with every field, missing units, tasks assigned', async () => {
    const text = fixture('plans/xa-xuan-phu-chuyen-doi-so.txt');
    const draft = (await importPlan({ text })).json() as PlanDraft;
    const body = saveRequestFromDraft(draft, text);
    body.campaign.theme = 'Chuyển đổi số - Dữ liệu số vì người dân';
    expect([body.campaign.issuingBody, body.campaign.issuingPlace]).toEqual([
      'ỦY BAN NHÂN DÂN XÃ XUÂN PHÚ',
      'Xuân Phú',
    ]);
    body.campaign.issuingPlace = 'Xuân Phú, Đồng Nai';
    // Staff corrected one task's kind and place: the meeting is a banner at the market.
    const corrected = body.tasks.find((task) => task.kind !== 'loudspeaker' && task.kind !== 'hang_banner')!;
    Object.assign(corrected, {
      kind: 'hang_banner',
      place: { name: 'Chợ Xuân Phú' },
      evidencePhotoCount: 1,
      evidenceLocationRequired: true,
    });
    const renamed = body.tasks.find((task) => task.place?.name === 'Nhà văn hóa ấp Bình Hòa')!;
    renamed.place = { name: 'Nhà văn hóa ấp Bình Hòa 2' };
    const [units, tasks, assignments] = [
      await count('units'),
      await count('tasks'),
      await count('assignments'),
    ];
    const res = await save(body);
    expect(res.statusCode).toBe(201);
    const saved = res.json();
    expect(saved.createdUnits).toEqual(['Văn phòng HĐND và UBND xã', 'Công an xã']);
    expect(saved.tasks).toBe(body.tasks.length);
    expect(await count('units')).toBe(units + 2);
    // Units are added the one way the ward's set-up adds them, each with its audit entry.
    const audited = await t.app.db.withSystem(async (db) =>
      (
        await db.query(
          `SELECT u.name FROM audit_log a JOIN units u ON u.id::text = a.entity_id::text
              WHERE a.action = 'units.create' AND u.name = ANY($1) ORDER BY u.name`,
          [saved.createdUnits],
        )
      ).rows.map((row) => row.name),
    );
    expect(audited).toEqual(['Công an xã', 'Văn phòng HĐND và UBND xã']);
    expect(await count('tasks')).toBe(tasks + body.tasks.length);
    expect(await count('assignments')).toBeGreaterThan(assignments + 17);

    const campaign = (
      await t.app.inject({ method: 'GET', url: `/api/campaigns/${saved.campaignId}`, headers: staff })
    ).json();
    expect(campaign).toMatchObject({
      status: 'draft',
      number: '125/KH-UBND',
      issuedOn: '2026-09-25',
      theme: 'Chuyển đổi số - Dữ liệu số vì người dân',
      startsOn: '2026-10-01',
      endsOn: '2026-10-31',
      requirements: ['Tuyên truyền thiết thực, đến từng hộ gia đình.'],
      recipients: ['UBND tỉnh Đồng Nai', 'Thường trực Đảng ủy xã', 'Lưu: VT'],
      signerAuthority: 'TM. ỦY BAN NHÂN DÂN',
      signerTitle: 'CHỦ TỊCH',
      issuingBody: 'ỦY BAN NHÂN DÂN XÃ XUÂN PHÚ',
      issuingPlace: 'Xuân Phú, Đồng Nai',
      // The plan as written, for staff to read beside the campaign.
      sourceText: text,
    });
    expect(campaign.slogans).toHaveLength(3);
    const stored = await t.app.db.withSystem(
      async (db) =>
        (
          await db.query(
            `SELECT c.source_text, u.name AS lead FROM campaigns c JOIN units u ON u.id = c.lead_unit_id WHERE c.id = $1`,
            [saved.campaignId],
          )
        ).rows[0],
    );
    expect(stored).toEqual({ source_text: text, lead: 'Văn phòng HĐND và UBND xã' });
    const list = (
      await t.app.inject({ method: 'GET', url: `/api/campaigns/${saved.campaignId}/tasks`, headers: staff })
    ).json().tasks as {
      title: string;
      kind: string;
      placeName: string | null;
      assignedCount: number;
      evidencePhotoCount: number;
    }[];
    expect(list.find((task) => task.kind === 'loudspeaker')?.assignedCount).toBe(17);
    expect(
      list
        .filter((task) => task.kind === 'hang_banner')
        .map((task) => [task.title, task.placeName, task.evidencePhotoCount]),
    ).toEqual(
      expect.arrayContaining([
        [expect.any(String), 'Trụ sở UBND xã', 1],
        [renamed.title, 'Nhà văn hóa ấp Bình Hòa 2', 1],
        [corrected.title, 'Chợ Xuân Phú', 1],
      ]),
    );
    expect(list.filter((task) => task.kind === 'hang_banner')).toHaveLength(3);
    // The list of campaigns does not carry every plan's full text.
    const campaigns = (await t.app.inject({ method: 'GET', url: '/api/campaigns', headers: staff })).json()
      .campaigns as { id: string; sourceText?: string; issuingBody: string | null }[];
    const listed = campaigns.find((c) => c.id === saved.campaignId)!;
    expect([listed.issuingBody, 'sourceText' in listed]).toEqual(['ỦY BAN NHÂN DÂN XÃ XUÂN PHÚ', false]);
  });

  it('stores nothing when any part is wrong: an unknown unit, a task outside the period, no period', async () => {
    const draft = (await importPlan({ text: fixture('plan-dau-giay-khcn-2026.txt') })).json() as PlanDraft;
    const good = saveRequestFromDraft(draft);
    const totals = async () => [await count('campaigns'), await count('units'), await count('tasks')];
    const before = await totals();

    const unknown = structuredClone(good);
    unknown.tasks[0]!.assignTo.unitNames = ['Phòng Không Có Thật'];
    const a = await save(unknown);
    expect([a.statusCode, a.json().message]).toEqual([400, expect.stringContaining('Phòng Không Có Thật')]);

    const late = structuredClone(good);
    late.tasks[0]!.dueAt = '2026-07-01T17:00:00+07:00';
    const b = await save(late);
    expect([b.statusCode, b.json().code]).toEqual([400, 'TASK_DUE_OUTSIDE_CAMPAIGN']);

    const noPeriod = structuredClone(good);
    noPeriod.campaign.startsOn = '';
    const c = await save(noPeriod);
    expect(c.statusCode).toBe(400);
    expect(await totals()).toEqual(before);
  });

  it('does not give work to a unit switched off in the ward’s set-up, nor quietly make it again', async () => {
    const text = fixture('plans/xa-xuan-phu-chuyen-doi-so.txt');
    await t.app.db.withSystem((db) => db.query(`UPDATE units SET active = false WHERE name = 'Công an xã'`));
    try {
      const draft = (await importPlan({ text })).json() as PlanDraft;
      expect(draft.units.find((u) => u.name === 'Công an xã')?.existingUnitId).toBeNull();
      const before = [await count('campaigns'), await count('units')];
      const res = await save(saveRequestFromDraft(draft, text));
      expect([res.statusCode, res.json().message]).toEqual([
        409,
        expect.stringContaining('"Công an xã" đã ngừng hoạt động'),
      ]);
      expect([await count('campaigns'), await count('units')]).toEqual(before);
    } finally {
      await t.app.db.withSystem((db) => db.query(`UPDATE units SET active = true WHERE name = 'Công an xã'`));
    }
  });

  it('matches proposed banner places to the ward’s saved places; an unmatched name stays as written, flagged', async () => {
    const addPlace = (payload: object) =>
      t.app.inject({ method: 'POST', url: '/api/ward/places', headers: staff, payload });
    const ubnd = await addPlace({
      name: 'Trụ sở UBND phường Dầu Giây',
      lat: 10.9431,
      lng: 107.1402,
      radiusM: 60,
    });
    expect(ubnd.statusCode).toBe(201);
    // A place switched off is not matched: the photos would be checked against a place no longer used.
    const center = await addPlace({ name: 'Trung tâm Phục vụ Hành chính công', lat: 10.944, lng: 107.141 });
    await t.app.inject({
      method: 'PATCH',
      url: `/api/ward/places/${center.json().id}`,
      headers: staff,
      payload: { active: false },
    });

    const text = fixture('plan-dau-giay-khcn-2026.txt');
    const draft = (await importPlan({ text })).json() as PlanDraft;
    const banners = draft.proposedTasks.filter((task) => task.kind === 'hang_banner');
    expect(banners.map((task) => [task.placeName, task.savedPlace])).toEqual([
      [
        'Trụ sở UBND phường',
        { name: 'Trụ sở UBND phường Dầu Giây', lat: 10.9431, lng: 107.1402, radiusM: 60 },
      ],
      ['Trung tâm Phục vụ Hành chính công', null],
      ['Phòng Văn hoá – Xã hội', null],
      [null, undefined],
    ]);

    const body = saveRequestFromDraft(draft, text);
    body.campaign.title = 'Kế hoạch thử ghép địa điểm';
    // Staff typed the saved place's name (another case, no accents) on the "khu vực phù hợp" task.
    const typed = body.tasks.find((task) => task.kind === 'hang_banner' && !task.place)!;
    typed.place = { name: 'tru so ubnd phuong dau giay' };
    const saved = await save(body);
    expect(saved.statusCode).toBe(201);
    const tasks = (
      await t.app.inject({ url: `/api/campaigns/${saved.json().campaignId}/tasks`, headers: staff })
    ).json().tasks as {
      title: string;
      place: { name: string; lat: number | null; radiusM: number | null } | null;
    }[];
    const placeOf = (title: string) => tasks.find((task) => task.title === title)?.place;
    expect(placeOf('Treo băng rôn tại Trụ sở UBND phường')).toEqual({
      name: 'Trụ sở UBND phường Dầu Giây',
      lat: 10.9431,
      lng: 107.1402,
      radiusM: 60,
    });
    expect(placeOf(typed.title)).toMatchObject({ name: 'Trụ sở UBND phường Dầu Giây', lat: 10.9431 });
    expect(placeOf('Treo băng rôn tại Trung tâm Phục vụ Hành chính công')).toMatchObject({
      name: 'Trung tâm Phục vụ Hành chính công',
      lat: null,
    });
  });
});
