import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlan } from './plan.js';

const FIXTURE = readFileSync(new URL('../../seed/plan-dau-giay-khcn-2026.txt', import.meta.url), 'utf8');

/** Values only, so a failure shows which field is wrong. */
const values = (list: { value: unknown }[]) => list.map((f) => f.value);

describe('the Dầu Giây plan (the ward’s real document) parses exactly', () => {
  const draft = parsePlan(FIXTURE);
  const at = (line: number | null) => (line ? draft.lines[line - 1] : undefined);

  it('reads the header: number and date left blank for the registry, place, issuer, title', () => {
    expect(draft.number).toMatchObject({ value: null, line: 1 });
    expect(draft.number.note).toContain('để trống');
    expect(draft.place).toMatchObject({ value: 'Dầu Giây', line: 2, confidence: 0.95 });
    expect(draft.issuedOn).toMatchObject({ value: null, line: 2 });
    expect(draft.issuedOn.note).toContain('để trống');
    // The document has no issuer block at the top: found in a sentence, so only "likely", with a note.
    expect(draft.issuingBody).toMatchObject({ value: 'UBND phường Dầu Giây', confidence: 0.7 });
    expect(at(draft.issuingBody.line)).toContain('UBND phường Dầu Giây ban hành');
    expect(draft.title).toMatchObject({
      value: 'Hưởng ứng ngày Khoa học, công nghệ và đổi mới sáng tạo trên địa bàn Phường Dầu Giây',
      confidence: 0.95,
    });
    expect(at(draft.title.line)).toBe('Hưởng ứng ngày Khoa học, công nghệ và đổi mới sáng tạo');
  });

  it('reads both legal bases, without the sentence that announces the plan', () => {
    expect(values(draft.legalBases)).toEqual([
      'Căn cứ công văn số 2712/BKHCN-VP ngày 29/4/2026 của Bộ Khoa học và Công nghệ hướng dẫn tổ chức các hoạt động hưởng ứng Ngày Khoa học, Công nghệ và Đổi mới sáng tạo Việt Nam',
      'Thực hiện văn bản số 413/SKHCN-VP ngày 13/5/2026 về việc triển khai hướng dẫn tổ chức các hoạt động hưởng ứng ngày Khoa học, Công nghệ và đổi mới sáng tạo',
    ]);
  });

  it('reads purposes (I), requirements (II), theme and slogan (III, whose dot is missing)', () => {
    expect(values(draft.purposes)).toEqual([
      'Tuyên truyền sâu rộng mục đích, ý nghĩa của Ngày Khoa học, Công nghệ và Đổi mới sáng tạo Việt Nam (18/5); nâng cao nhận thức của cán bộ, công chức, viên chức, người lao động và Nhân dân về vai trò của khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số trong phát triển kinh tế - xã hội.',
      'Tuyên truyền, phổ biến các kết quả, mô hình, giải pháp ứng dụng khoa học công nghệ, chuyển đổi số trong hoạt động quản lý nhà nước, cải cách hành chính và phục vụ người dân trên địa bàn.',
      'Khuyến khích phong trào thi đua, sáng kiến, đổi mới sáng tạo; góp phần thúc đẩy chuyển đổi số, xây dựng chính quyền số, kinh tế số và xã hội số tại địa phương.',
    ]);
    expect(values(draft.requirements)).toEqual([
      'Tổ chức các hoạt động thiết thực, hiệu quả, tiết kiệm; gắn với nhiệm vụ chính trị, chuyên môn và điều kiện thực tiễn của địa phương.',
      'Đảm bảo sự phối hợp chặt chẽ giữa các cơ quan, đơn vị, khu phố trong quá trình triển khai thực hiện.',
    ]);
    expect(draft.theme).toMatchObject({
      value:
        'Khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số - Động lực chính của mô hình tăng trưởng mới',
      confidence: 0.95,
    });
    expect(at(draft.theme.line)).toMatch(/^1\. Chủ đề:/);
    expect(values(draft.slogans)).toEqual([
      'Nhiệt liệt chào mừng Ngày Khoa học, Công nghệ và Đổi mới sáng tạo Việt Nam 18/5',
    ]);
    expect(at(draft.slogans[0]!.line)).toMatch(/^2\. Khẩu hiệu tuyên truyền:/);
  });

  it('reads the activities with their channels, and the named banner places', () => {
    expect(draft.activities.map((a) => [a.group, a.channels])).toEqual([
      ['Công tác tuyên truyền', ['loudspeaker', 'website', 'social', 'zalo']],
      ['Công tác tuyên truyền', ['banner']],
      ['Tổ chức các hoạt động hưởng ứng', ['meeting']],
      ['Tổ chức các hoạt động hưởng ứng', []],
    ]);
    expect(values(draft.bannerPlaces.named)).toEqual([
      'Trụ sở UBND phường',
      'Trung tâm Phục vụ Hành chính công',
      'Phòng Văn hoá – Xã hội',
    ]);
    expect(draft.bannerPlaces.elsewhere).toBe(true);
  });

  it('reads the period "từ ngày 18/5/2026-24/5/2026" from section V', () => {
    expect(draft.period).toMatchObject({
      value: { startsOn: '2026-05-18', endsOn: '2026-05-24' },
      confidence: 0.95,
    });
    expect(at(draft.period.line)).toBe('V. THỜI GIAN THỰC HIỆN: từ ngày 18/5/2026-24/5/2026');
  });

  it('reads the units and duties, the lead unit, and "17 Tổ Công nghệ số cộng đồng" as all teams', () => {
    expect(
      draft.units.map((u) => ({
        name: u.name,
        kind: u.kind,
        allTeams: u.allTeams,
        count: u.count,
        lead: u.lead,
      })),
    ).toEqual([
      { name: 'Phòng Văn hóa - Xã hội', kind: 'department', allTeams: false, count: null, lead: true },
      {
        name: 'Trung tâm Dịch vụ tổng hợp',
        kind: 'service_center',
        allTeams: false,
        count: null,
        lead: false,
      },
      { name: '17 Tổ Công nghệ số cộng đồng', kind: 'digital_team', allTeams: true, count: 17, lead: false },
    ]);
    expect(draft.units.map((u) => u.duties.length)).toEqual([2, 2, 1]);
    expect(draft.units[1]!.duties[1]!.value).toBe(
      'Tăng cường thông tin, bài viết tuyên truyền về vai trò của khoa học công nghệ, đổi mới sáng tạo và chuyển đổi số.',
    );
    expect(at(draft.units[2]!.line)).toBe('3. Giao 17 Tổ Công nghệ số cộng đồng:');
  });

  it('reads the recipients as written, and the signer', () => {
    expect(values(draft.recipients)).toEqual([
      'Sở KH&CN TP Đồng Nai',
      'Chủ tịch, PCT. HỖND-UBND phường',
      'Chánh, Phó Chánh VP HỖND-UBND phường',
      'Các đơn vị sự nghiệp',
      'Lưu: VT (Nhi)',
    ]);
    expect(draft.signerAuthority.value).toBe('KT. CHỦ TỊCH');
    expect(draft.signerTitle.value).toBe('PHÓ CHỦ TỊCH');
    expect(draft.signerName).toMatchObject({ value: 'Bùi Văn Điệp', confidence: 0.95 });
    expect(at(draft.signerName.line)).toBe('Bùi Văn Điệp');
    expect(draft.notes).toEqual([]);
  });

  it('points every found field at the line that holds its text', () => {
    const fields = [draft.place, draft.theme, ...draft.legalBases, ...draft.purposes, ...draft.recipients];
    for (const field of fields) expect(at(field.line)).toContain(String(field.value).slice(0, 20));
  });
});
