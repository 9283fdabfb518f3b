/**
 * The results report, the spreadsheet annex and the ledger export, read back as office software reads
 * them and compared with the database and the board: layout per Nghị định 30/2020, every figure, the
 * photo annex (stored display copies, never originals), and who may download.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Board, formatDateTimeVi } from '@loa/shared';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEvidenceApp, type EvidenceTestApp, multipart, PHOTOS } from '../helpers/evidence.js';
import { createWard, type WardFixture } from '../helpers/factories.js';
import { paragraphs, parseCsv, tableRows, unzip, xmlOf } from '../helpers/report-files.js';
import { authHeader, teamMemberHeader } from '../helpers/sessions.js';

type Head = { authorization: string };

describe('campaign results: report.docx, report.xlsx, deliveries.csv', () => {
  let t: EvidenceTestApp;
  let ward: WardFixture;
  let other: WardFixture;
  let staff: Head;
  let leaderName: string;
  let ids: Record<string, string>;

  const sql = async <T = Record<string, unknown>>(text: string, values: unknown[] = []) =>
    t.app.db.withSystem(async (c) => (await c.query(text, values)).rows as T[]);
  const one = async (text: string, values: unknown[]) => (await sql<{ id: string }>(text, values))[0]!.id;
  const get = (url: string, head: Head = staff) => t.app.inject({ method: 'GET', url, headers: head });
  const board = async (campaignId: string) =>
    (await get(`/api/campaigns/${campaignId}/board`)).json() as Board;

  const upload = async (file: string, assignmentId: string, head: Head) => {
    const body = multipart({ bytes: readFileSync(join(PHOTOS, file)) });
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/assignments/${assignmentId}/evidence`,
      headers: { ...head, ...body.headers },
      payload: body.payload,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().evidence.id as string;
  };
  const review = async (evidenceId: string, decision: 'accept' | 'needs_fix') => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/evidence/${evidenceId}/review`,
      headers: staff,
      payload: decision === 'accept' ? { decision } : { decision, reason: 'Ảnh mờ, chụp lại giúp' },
    });
    expect(res.statusCode, res.body).toBe(200);
  };

  beforeAll(async () => {
    t = await buildEvidenceApp();
    ward = await createWard(t.app.db, 'Phường Dầu Giây');
    other = await createWard(t.app.db);
    staff = authHeader(t.app, {
      memberId: ward.staffId,
      wardId: ward.wardId,
      role: 'staff',
      unitId: ward.unitId,
    });
    const { wardId, campaignId, teamId, taskId } = ward;
    await sql(`UPDATE wards SET place_name = 'Dầu Giây' WHERE id = $1`, [wardId]);
    await sql(`UPDATE members SET title = 'Phó Chủ tịch' WHERE id = $1`, [ward.leaderId]);
    leaderName = (
      await sql<{ n: string }>(`SELECT full_name AS n FROM members WHERE id = $1`, [ward.leaderId])
    )[0]!.n;
    await sql(
      `UPDATE campaigns SET number = '15/KH-UBND', issued_on = '2026-05-05', status = 'active',
              title = 'Hưởng ứng ngày Khoa học, Công nghệ và Đổi mới sáng tạo Việt Nam 18/5',
              signer_member_id = $2, signer_authority = 'KT. CHỦ TỊCH', signer_title = 'PHÓ CHỦ TỊCH',
              recipients = '{"UBND tỉnh Đồng Nai (b/c)","Các Tổ Công nghệ số cộng đồng"}'
        WHERE id = $1`,
      [campaignId, ward.leaderId],
    );
    const team2 = await one(
      `INSERT INTO units (ward_id, kind, name, sort_order) VALUES ($1, 'digital_team', 'Tổ CNS Khu phố 2', 2) RETURNING id`,
      [wardId],
    );
    const banner = await one(
      `INSERT INTO tasks (ward_id, campaign_id, kind, title, due_at, place_name, place_lat, place_lng, place_radius_m, sort_order)
       VALUES ($1, $2, 'hang_banner', 'Treo băng rôn', '2026-05-19T17:00:00+07:00', 'Trụ sở UBND phường', 10.95, 107.14, 150, 1)
       RETURNING id`,
      [wardId, campaignId],
    );
    const article = await one(
      `INSERT INTO tasks (ward_id, campaign_id, kind, title, due_at, sort_order)
       VALUES ($1, $2, 'article', 'Đăng tin trên trang thông tin điện tử', '2030-01-01T17:00:00+07:00', 2) RETURNING id`,
      [wardId, campaignId],
    );
    const assign = (task: string, unit: string) =>
      one(`INSERT INTO assignments (ward_id, task_id, unit_id) VALUES ($1, $2, $3) RETURNING id`, [
        wardId,
        task,
        unit,
      ]);
    ids = {
      team2,
      speaker1: ward.assignmentId,
      speaker2: await assign(taskId, team2),
      banner1: await assign(banner, teamId),
      banner2: await assign(banner, team2),
      article1: await assign(article, teamId),
    };
    // Photos: two accepted and one sent back for team 1's banner, one waiting from team 2.
    const member2 = await one(
      `INSERT INTO members (ward_id, unit_id, role, full_name) VALUES ($1, $2, 'team_member', 'Lê Văn Hai') RETURNING id`,
      [wardId, team2],
    );
    const team1Head = teamMemberHeader(t.app, ward);
    const team2Head = authHeader(t.app, { memberId: member2, wardId, role: 'team_member', unitId: team2 });
    ids.accepted1 = await upload('gps-nikon-dscn0010.jpg', ids.banner1!, team1Head);
    ids.accepted2 = await upload('orientation-6-landscape.jpg', ids.banner1!, team1Head);
    ids.sentBack = await upload('orientation-8-portrait.jpg', ids.banner1!, team1Head);
    ids.waiting = await upload('gps-nikon-dscn0012.jpg', ids.banner2!, team2Head);
    await review(ids.sentBack!, 'needs_fix');
    await review(ids.accepted1!, 'accept');
    await review(ids.accepted2!, 'accept');
    // Statuses as the figures need them: on time, late, overdue, in progress.
    const set = (id: string, fields: string) => sql(`UPDATE assignments SET ${fields} WHERE id = $1`, [id]);
    await set(
      ids.speaker1!,
      `status = 'submitted', submitted_at = '2026-05-20T10:00:00+07:00', number_done = 4`,
    );
    await set(ids.speaker2!, `status = 'pending', submitted_at = NULL`);
    await set(ids.banner1!, `status = 'accepted', submitted_at = '2026-05-20T09:00:00+07:00'`);
    await set(
      ids.banner2!,
      `status = 'acknowledged', acknowledged_at = '2026-05-18T08:00:00+07:00', submitted_at = NULL`,
    );
    await set(ids.article1!, `status = 'acknowledged', acknowledged_at = '2026-05-18T09:30:00+07:00'`);

    // The ledger: one post to four groups and both teams' loudspeakers.
    const khuPho = await one(
      `INSERT INTO units (ward_id, kind, name) VALUES ($1, 'khu_pho', 'Khu phố 1') RETURNING id`,
      [wardId],
    );
    const group = (name: string, mode: string, responsible: string | null, zaloId: string | null) =>
      one(
        `INSERT INTO zalo_groups (ward_id, khu_pho_unit_id, responsible_unit_id, name, delivery_mode, zalo_group_id)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [wardId, khuPho, responsible, name, mode, zaloId],
      );
    const g1 = await group('Nhóm Khu phố 1', 'team_share', teamId, null);
    const g2 = await group('Nhóm Khu phố 2', 'team_share', team2, null);
    const g3 = await group('Nhóm Khu phố 3', 'oa_group', null, 'zg-3');
    const g4 = await group('Nhóm Khu phố 4', 'oa_group', null, 'zg-4');
    const post = await one(
      `INSERT INTO posts (ward_id, campaign_id, body, status, created_by, approved_by, approved_at)
       VALUES ($1, $2, 'Hưởng ứng Ngày Khoa học và Công nghệ Việt Nam 18/5, "đổi mới sáng tạo"', 'approved', $3, $4, now())
       RETURNING id`,
      [wardId, campaignId, ward.staffId, ward.leaderId],
    );
    const schedule = await one(
      `INSERT INTO schedules (ward_id, post_id, kind, run_at, targets) VALUES ($1, $2, 'once', '2026-05-18T07:00:00+07:00', '{}') RETURNING id`,
      [wardId, post],
    );
    const occurrence = await one(
      `INSERT INTO occurrences (ward_id, schedule_id, post_id, due_at, status)
       VALUES ($1, $2, $3, '2026-05-18T07:00:00+07:00', 'dispatched') RETURNING id`,
      [wardId, schedule, post],
    );
    await sql(
      `INSERT INTO deliveries (ward_id, occurrence_id, target_kind, target_key, group_id, responsible_unit_id, status,
                               zalo_message_id, error_reason, sent_at, shared_at, shared_by, broadcast_count, attempts)
       VALUES ($1, $2, 'team_share', $3::text, $3::uuid, $4::uuid, 'shared', NULL, NULL, NULL, '2026-05-18T07:20:00+07:00', $8::uuid, NULL, 0),
              ($1, $2, 'team_share', $5::text, $5::uuid, $9::uuid, 'waiting', NULL, NULL, NULL, NULL, NULL, NULL, 0),
              ($1, $2, 'oa_group', $6::text, $6::uuid, NULL, 'sent', 'msg-123', NULL, '2026-05-18T07:00:05+07:00', NULL, NULL, NULL, 1),
              ($1, $2, 'oa_group', $7::text, $7::uuid, NULL, 'failed', NULL, 'Nhóm đã bị giải tán; tạo lại nhóm', NULL, NULL, NULL, NULL, 3),
              ($1, $2, 'loudspeaker', $4::text, NULL, $4::uuid, 'done', NULL, NULL, NULL, '2026-05-18T08:00:00+07:00', $8::uuid, 3, 0),
              ($1, $2, 'loudspeaker', $9::text, NULL, $9::uuid, 'waiting', NULL, NULL, NULL, NULL, NULL, NULL, 0)`,
      [wardId, occurrence, g1, teamId, g2, g3, g4, ward.teamMemberId, team2],
    );
  }, 120_000);
  afterAll(() => t.close());

  describe('report.docx', () => {
    let files: Record<string, Uint8Array>;
    let document: string;
    let texts: string[];

    beforeAll(async () => {
      const res = await get(`/api/campaigns/${ward.campaignId}/report.docx`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toContain('wordprocessingml.document');
      expect(res.headers['content-disposition']).toMatch(/attachment; filename="bao-cao-ket-qua-.*\.docx"/);
      files = unzip(res.rawPayload);
      document = xmlOf(files, 'word/document.xml');
      texts = paragraphs(document).map((p) => p.text);
    });

    it('is A4 portrait with the decree margins (20/20/30/15 mm) on every section', () => {
      const sections = [...document.matchAll(/<w:sectPr[\s\S]*?<\/w:sectPr>/g)].map((m) => m[0]);
      expect(sections).toHaveLength(2);
      for (const section of sections) {
        expect(section).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
        expect(section).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
        expect(section).toContain('<w:titlePg/>');
      }
    });

    it('uses Times New Roman everywhere, 14 pt body, sizes only from 11 to 14 pt', () => {
      const styles = xmlOf(files, 'word/styles.xml');
      expect(styles).toMatch(/<w:docDefaults>[\s\S]*w:ascii="Times New Roman"[\s\S]*<w:sz w:val="28"\/>/);
      const fonts = [...document.matchAll(/<w:rFonts ([^>]*)\/>/g)].map((m) => m[1]);
      expect(fonts.length).toBeGreaterThan(50);
      for (const font of fonts) expect(font).toMatch(/w:ascii="Times New Roman".*w:hAnsi="Times New Roman"/);
      const sizes = new Set([...document.matchAll(/<w:sz w:val="(\d+)"\/>/g)].map((m) => Number(m[1])));
      for (const size of sizes) expect([22, 24, 26, 28]).toContain(size);
    });

    it('has the issuing body and the national motto side by side, then Số and the dated place line', () => {
      const [first, second] = tableRows(document);
      expect(first![0]).toBe('ỦY BAN NHÂN DÂN\nPHƯỜNG DẦU GIÂY\n');
      expect(first![1]).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n');
      expect(second![0]).toBe('Số: …/BC-UBND');
      expect(second![1]).toMatch(/^Dầu Giây, ngày \d{2} tháng (0[12]|[3-9]|1[0-2]) năm \d{4}$/);
      const motto = paragraphs(document).find((p) => p.text === 'Độc lập - Tự do - Hạnh phúc')!;
      expect(motto.xml).toContain('<w:b/>');
      expect(motto.xml).toContain('<w:jc w:val="center"/>');
      const place = paragraphs(document).find((p) => p.text.startsWith('Dầu Giây, ngày'))!;
      expect(place.xml).toContain('<w:i/>');
    });

    it('is titled as the report on the plan, by its number, date and subject', () => {
      const title = texts.indexOf('BÁO CÁO');
      expect(title).toBeGreaterThan(0);
      expect(texts[title + 1]).toBe(
        'Kết quả thực hiện Kế hoạch số 15/KH-UBND ngày 05/05/2026 về hưởng ứng ngày Khoa học, Công nghệ và Đổi mới sáng tạo Việt Nam 18/5',
      );
    });

    it('prints every figure as the database and the board have it', async () => {
      const b = await board(ward.campaignId);
      // The fixture, counted by hand: 5 assignments; 1 on time, 1 late; 2 overdue; 1 pending; 2 acknowledged.
      expect(b.counts).toEqual({ total: 5, pending: 1, acknowledged: 2, done: 2, overdue: 2 });
      const line = (prefix: string) =>
        texts.find((text) => text.startsWith(prefix)) ?? `(no line "${prefix}")`;
      expect(line('Tổng số lượt giao nhiệm vụ')).toBe(
        `Tổng số lượt giao nhiệm vụ: ${b.counts.total}; đã hoàn thành ${b.counts.done} (đúng hạn 1, trễ hạn 1); ` +
          `quá hạn chưa hoàn thành ${b.counts.overdue}; chưa nhận ${b.counts.pending}; đã nhận, đang thực hiện ${b.counts.acknowledged}.`,
      );
      // The per-unit table equals the board's teams, row by row, and its total row the board's counts.
      const table = tableRows(document).filter((row) => row.length === 7);
      expect(table[0]).toEqual([
        'STT',
        'Đơn vị',
        'Được giao',
        'Hoàn thành',
        'Đúng hạn',
        'Trễ hạn',
        'Quá hạn',
      ]);
      expect(
        table.slice(1, -1).map((row) => [row[1], Number(row[2]), Number(row[3]), Number(row[6])]),
      ).toEqual(b.teams.map((team) => [team.name, team.total, team.done, team.overdue]));
      expect(table.at(-1)).toEqual(['', 'Tổng cộng', '5', '2', '1', '1', '2']);
      expect(texts).toContain(
        'Đã đăng 1 bài tuyên truyền (trong 1 bài đã được duyệt), đến được 2 nhóm Zalo khu phố.',
      );
      expect(texts).toContain(
        '- Nhóm Zalo (OA gửi): 1/2 lượt gửi thành công, 1 lượt không gửi được, 0 lượt đang chờ; 1/2 nhóm đã nhận.',
      );
      expect(texts).toContain(
        '- Nhóm Zalo (tổ chia sẻ): 1/2 lượt gửi thành công, 0 lượt không gửi được, 1 lượt đang chờ; 1/2 nhóm đã nhận.',
      );
      expect(texts).toContain(
        'Các tổ đã chia sẻ 1 lượt bài vào nhóm Zalo khu phố (1 tổ tham gia); còn 1 lượt chờ tổ chia sẻ.',
      );
      expect(texts).toContain(
        'Phát thanh 3 lần theo lịch bài đăng (1 tổ xác nhận); 4 lần theo báo cáo nhiệm vụ phát thanh (1/2 lượt nhiệm vụ hoàn thành).',
      );
      expect(texts).toContain('Đã đăng 0 tin, bài; 0/1 lượt nhiệm vụ đăng tin, bài hoàn thành.');
      expect(texts).toContain('1/2 lượt nhiệm vụ treo băng rôn hoàn thành, tại:');
      expect(texts).toContain('- Tổ CNS Khu phố 1: Trụ sở UBND phường;');
      expect(texts).toContain(
        '2 ảnh minh chứng được duyệt (xem Phụ lục), 1 ảnh chờ duyệt, 1 ảnh trả lại để bổ sung.',
      );
      const [photos] = await sql<{ accepted: string }>(
        `SELECT count(*) FILTER (WHERE review_status = 'accepted') AS accepted FROM evidence WHERE ward_id = $1`,
        [ward.wardId],
      );
      expect(Number(photos!.accepted)).toBe(2);
    });

    it('leaves the assessment for staff under prefilled headings, and ends with Nơi nhận and the signer', () => {
      for (const heading of [
        'III. ĐÁNH GIÁ CHUNG',
        'IV. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI',
        'V. KIẾN NGHỊ, ĐỀ XUẤT',
      ]) {
        expect(texts[texts.indexOf(heading) + 1 + (heading.startsWith('III') ? 1 : 0)]).toBe(
          '(Cán bộ bổ sung nội dung)',
        );
      }
      const footer = tableRows(document).find((row) => row[0]?.startsWith('Nơi nhận:'))!;
      expect(footer[0]).toBe(
        'Nơi nhận:\n- UBND tỉnh Đồng Nai (b/c);\n- Các Tổ Công nghệ số cộng đồng;\n- Lưu: VT, VHXH.',
      );
      expect(footer[1]).toBe(`TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n${leaderName}`);
    });

    it('annexes each accepted photo as its stored display copy, scaled to the page, with its caption', async () => {
      const media = Object.keys(files).filter((name) => name.startsWith('word/media/'));
      expect(media).toHaveLength(2);
      const stored = await sql<{ id: string; display_key: string; original_key: string }>(
        `SELECT e.id, f.display_key, f.original_key FROM evidence e
           JOIN photo_files f ON f.ward_id = e.ward_id AND f.sha256 = e.photo_sha256
          WHERE e.id = ANY($1) ORDER BY e.created_at`,
        [[ids.accepted1, ids.accepted2]],
      );
      const displays = stored.map((row) => readFileSync(join(t.dataDir, 'photos', row.display_key)));
      const originals = stored.map((row) => readFileSync(join(t.dataDir, 'photos', row.original_key)));
      const embedded = media.map((name) => Buffer.from(files[name]!));
      expect(embedded.map((b) => b.subarray(0, 2).toString('hex'))).toEqual(['ffd8', 'ffd8']);
      expect(new Set(embedded.map((b) => b.toString('base64')))).toEqual(
        new Set(displays.map((b) => b.toString('base64'))),
      );
      for (const original of originals) expect(embedded.some((b) => b.equals(original))).toBe(false);
      // Scaled into a 14 × 9.5 cm box (EMU: 914400 per inch).
      for (const extent of document.matchAll(/<wp:extent cx="(\d+)" cy="(\d+)"\/>/g)) {
        expect(Number(extent[1]) / 360000).toBeLessThanOrEqual(14.01);
        expect(Number(extent[2]) / 360000).toBeLessThanOrEqual(9.51);
      }
      // Each picture's paragraph carries its caption: who, what, where, when taken, what the location check found.
      const captions = paragraphs(document)
        .filter((p) => p.xml.includes('<w:drawing>'))
        .map((p) => p.text.split('\n').filter(Boolean));
      expect(captions.map((lines) => lines[0])).toEqual([
        'Ảnh 1. Tổ CNS Khu phố 1 – Treo băng rôn',
        'Ảnh 2. Tổ CNS Khu phố 1 – Treo băng rôn',
      ]);
      const taken = await sql<{ taken_at: Date | null }>(
        `SELECT taken_at FROM evidence WHERE id = ANY($1) ORDER BY created_at`,
        [[ids.accepted1, ids.accepted2]],
      );
      captions.forEach((lines, index) => {
        const when = taken[index]!.taken_at;
        expect(lines[1]).toContain('Địa điểm: Trụ sở UBND phường · Chụp lúc: ');
        expect(lines[1]).toContain(when ? formatDateTimeVi(when) : 'không rõ');
        expect(lines[1]).toMatch(/· Vị trí: (đúng địa điểm|ngoài địa điểm|không có thông tin vị trí)/);
      });
    });
  });

  it('report.xlsx has one row per unit × task, matching the board, printable with a frozen header', async () => {
    const res = await get(`/api/campaigns/${ward.campaignId}/report.xlsx`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml.sheet');
    const sheetXml = xmlOf(unzip(res.rawPayload), 'xl/worksheets/sheet1.xml');
    expect(sheetXml).toMatch(/<pane [^>]*ySplit="3"[^>]*state="frozen"/);
    expect(sheetXml).toMatch(/<pageSetup [^>]*paperSize="9"[^>]*orientation="landscape"/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(3).values).toEqual([
      undefined,
      'STT',
      'Đơn vị',
      'Nhiệm vụ',
      'Loại',
      'Hạn',
      'Trạng thái',
      'Nhận lúc',
      'Báo cáo xong lúc',
      'Tiến độ',
      'Số lượng',
      'Ảnh đạt',
      'Ảnh chờ duyệt',
      'Ảnh trả lại',
      'Ghi chú',
    ]);
    expect(sheet.getColumn(3).width).toBeGreaterThan(20);
    const b = await board(ward.campaignId);
    const rows = [];
    for (let r = 4; r <= sheet.rowCount; r++) rows.push(sheet.getRow(r));
    expect(rows).toHaveLength(b.cells.length);
    const byKey = new Map(rows.map((row) => [`${row.getCell(2).value}|${row.getCell(3).value}`, row]));
    const teamName = new Map(b.teams.map((team) => [team.id, team.name]));
    const task = new Map(b.tasks.map((x) => [x.id, x]));
    const statusWord = {
      pending: 'Chưa nhận',
      acknowledged: 'Đã nhận',
      submitted: 'Đã báo cáo',
      accepted: 'Đạt',
    };
    for (const cell of b.cells) {
      const row = byKey.get(`${teamName.get(cell.unitId)}|${task.get(cell.taskId)!.title}`)!;
      expect(row, `${teamName.get(cell.unitId)} × ${task.get(cell.taskId)!.title}`).toBeDefined();
      expect(row.getCell(6).value).toBe(statusWord[cell.status as keyof typeof statusWord]);
      if (cell.overdue) expect(row.getCell(9).value).toBe('Quá hạn, chưa xong');
      // The due time reads as the ward's wall clock, dd/mm/yyyy hh:mm.
      const due = row.getCell(5);
      expect(due.numFmt).toBe('dd/mm/yyyy hh:mm');
      const shown = (due.value as Date)
        .toISOString()
        .replace(/^(\d{4})-(\d\d)-(\d\d)T(\d\d:\d\d).*$/, '$3/$2/$1 $4');
      expect(shown).toBe(formatDateTimeVi(task.get(cell.taskId)!.dueAt));
    }
    const banner1 = byKey.get('Tổ CNS Khu phố 1|Treo băng rôn')!;
    expect([
      banner1.getCell(9).value,
      banner1.getCell(11).value,
      banner1.getCell(12).value,
      banner1.getCell(13).value,
    ]).toEqual(['Trễ hạn', 2, 0, 1]);
    expect(byKey.get('Tổ CNS Khu phố 2|Treo băng rôn')!.getCell(12).value).toBe(1);
    expect(byKey.get('Tổ CNS Khu phố 1|Phát thanh')!.getCell(9).value).toBe('Đúng hạn');
    expect(byKey.get('Tổ CNS Khu phố 1|Phát thanh')!.getCell(10).value).toBe(4);
  });

  it('deliveries.csv is UTF-8 with a BOM and has one row per delivery of the ledger', async () => {
    const res = await get(`/api/campaigns/${ward.campaignId}/deliveries.csv`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.rawPayload.subarray(0, 3).toString('hex')).toBe('efbbbf');
    const rows = parseCsv(res.rawPayload.subarray(3).toString('utf8'));
    expect(rows[0]).toEqual([
      'Bài đăng',
      'Nhóm / nơi nhận',
      'Kênh',
      'Tổ phụ trách',
      'Lịch gửi',
      'Gửi / chia sẻ lúc',
      'Trạng thái',
      'Số lần thử',
      'Số lần phát',
      'Mã tin Zalo',
      'Lý do không gửi được',
    ]);
    const ledger = await sql<{ status: string; zalo_message_id: string | null; error_reason: string | null }>(
      `SELECT d.status, d.zalo_message_id, d.error_reason FROM deliveries d WHERE d.ward_id = $1`,
      [ward.wardId],
    );
    const body = rows.slice(1);
    expect(body).toHaveLength(ledger.length);
    for (const row of body) {
      expect(row).toHaveLength(11);
      expect(row[0]).toBe('Hưởng ứng Ngày Khoa học và Công nghệ Việt Nam 18/5, "đổi mới sáng tạo"');
      expect(row[4]).toBe('18/05/2026 07:00');
    }
    const find = (target: string) => body.find((row) => row[1] === target)!;
    expect(find('Nhóm Khu phố 3').slice(2, 10)).toEqual([
      'Nhóm Zalo (OA gửi)',
      '',
      '18/05/2026 07:00',
      '18/05/2026 07:00',
      'Đã gửi',
      '1',
      '',
      'msg-123',
    ]);
    expect(find('Nhóm Khu phố 4')[10]).toBe('Nhóm đã bị giải tán; tạo lại nhóm');
    expect(find('Nhóm Khu phố 1').slice(3, 7)).toEqual([
      'Tổ CNS Khu phố 1',
      '18/05/2026 07:00',
      '18/05/2026 07:20',
      'Đã chia sẻ',
    ]);
    expect(find('Loa: Tổ CNS Khu phố 1').slice(6, 9)).toEqual(['Đã phát loa', '0', '3']);
    expect(body.filter((row) => row[6] === 'Chờ tổ thực hiện')).toHaveLength(2);
  });

  it('gives valid files for a campaign with no tasks, photos or posts, and one still in progress', async () => {
    const empty = await one(
      `INSERT INTO campaigns (ward_id, title, starts_on, ends_on, status) VALUES ($1, 'Kế hoạch tuyên truyền Ngày Sách', '2030-04-15', '2030-04-25', 'active') RETURNING id`,
      [ward.wardId],
    );
    const docx = await get(`/api/campaigns/${empty}/report.docx`);
    expect(docx.statusCode).toBe(200);
    const files = unzip(docx.rawPayload);
    expect(Object.keys(files).filter((name) => name.startsWith('word/media/'))).toEqual([]);
    const texts = paragraphs(xmlOf(files, 'word/document.xml')).map((p) => p.text);
    expect(texts).toContain('Kết quả thực hiện Kế hoạch số …/KH-UBND về tuyên truyền Ngày Sách');
    expect(texts).toContain('Chưa có ảnh minh chứng nào được duyệt.');
    expect(texts.find((text) => text.startsWith('Tổng số lượt giao nhiệm vụ'))).toBe(
      'Tổng số lượt giao nhiệm vụ: 0; đã hoàn thành 0 (đúng hạn 0, trễ hạn 0); quá hạn chưa hoàn thành 0; chưa nhận 0; đã nhận, đang thực hiện 0.',
    );
    expect(texts.some((text) => text.includes('kế hoạch đang triển khai.'))).toBe(true);
    // No signer on the campaign: a clear blank for staff, not an empty line.
    expect(texts).toContain('[CHỨC VỤ NGƯỜI KÝ]');
    expect(texts).toContain('[Họ và tên người ký]');

    const xlsx = await get(`/api/campaigns/${empty}/report.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]!.rowCount).toBe(3);
    const csv = await get(`/api/campaigns/${empty}/deliveries.csv`);
    expect(parseCsv(csv.rawPayload.subarray(3).toString('utf8'))).toHaveLength(1);
  });

  it('speaks for the body that issued the plan: its name in the header, the signature and the citation', async () => {
    const party = await one(
      `INSERT INTO campaigns (ward_id, title, starts_on, ends_on, status, issuing_body, issuing_place)
       VALUES ($1, 'Kế hoạch tuyên truyền Đại hội Đảng bộ', '2030-05-01', '2030-05-10', 'active',
               'ĐẢNG ỦY PHƯỜNG DẦU GIÂY', 'Thống Nhất') RETURNING id`,
      [ward.wardId],
    );
    const docx = await get(`/api/campaigns/${party}/report.docx`);
    expect(docx.statusCode).toBe(200);
    const document = xmlOf(unzip(docx.rawPayload), 'word/document.xml');
    const [first, second] = tableRows(document);
    expect(first![0]).toBe('ĐẢNG ỦY\nPHƯỜNG DẦU GIÂY\n');
    expect(second![0]).toBe('Số: …/BC-ĐU');
    expect(second![1]).toMatch(/^Thống Nhất, ngày \d{2} tháng/);
    const texts = paragraphs(document).map((p) => p.text);
    expect(texts).toContain('Kết quả thực hiện Kế hoạch số …/KH-ĐU về tuyên truyền Đại hội Đảng bộ');
    expect(texts.some((text) => text.includes('của Đảng ủy phường Dầu Giây về tuyên truyền Đại hội'))).toBe(
      true,
    );
    const footer = tableRows(document).find((row) => row[0]?.startsWith('Nơi nhận:'))!;
    expect(footer[1]!.startsWith('TM. ĐẢNG ỦY\n')).toBe(true);
  });

  it('is for staff and leaders of the ward only: teams get 403, another ward 404, nobody signed in 401', async () => {
    const leader = authHeader(t.app, {
      memberId: ward.leaderId,
      wardId: ward.wardId,
      role: 'leader',
      unitId: ward.unitId,
    });
    const otherStaff = authHeader(t.app, {
      memberId: other.staffId,
      wardId: other.wardId,
      role: 'staff',
      unitId: other.unitId,
    });
    for (const file of ['report.docx', 'report.xlsx', 'deliveries.csv']) {
      const url = `/api/campaigns/${ward.campaignId}/${file}`;
      expect((await get(url, leader)).statusCode, file).toBe(200);
      expect((await get(url, teamMemberHeader(t.app, ward))).statusCode, file).toBe(403);
      const foreign = await get(url, otherStaff);
      expect(foreign.statusCode, file).toBe(404);
      expect(foreign.json().message).toMatch(/Không tìm thấy kế hoạch/);
      expect((await t.app.inject({ method: 'GET', url })).statusCode, file).toBe(401);
    }
  });
});
