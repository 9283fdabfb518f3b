/**
 * Plans laid out differently from Dầu Giây's, written for these tests (test/fixtures/plans/): other
 * wards and communes, other occasions, numbered sections, worded dates, shared-month periods, several
 * slogans, no period, extra sections, a pasted fragment and a message that is not a plan at all.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlan } from './plan.js';

const plan = (name: string) =>
  parsePlan(readFileSync(new URL(`../../../../test/fixtures/plans/${name}.txt`, import.meta.url), 'utf8'));
const values = (list: { value: unknown }[]) => list.map((f) => f.value);
const units = (draft: ReturnType<typeof parsePlan>) =>
  draft.units.map((u) => `${u.name}${u.allTeams ? ' [tất cả tổ]' : ''}${u.lead ? ' [chủ trì]' : ''}`);

describe('variant plans', () => {
  it('a commune (xã) plan for Chuyển đổi số day: full header, "1. Mục đích" inside I., three slogans', () => {
    const d = plan('xa-xuan-phu-chuyen-doi-so');
    expect(d.number.value).toBe('125/KH-UBND');
    expect(d.place.value).toBe('Xuân Phú');
    expect(d.issuedOn.value).toBe('2026-09-25');
    expect(d.issuingBody).toMatchObject({ value: 'ỦY BAN NHÂN DÂN XÃ XUÂN PHÚ', line: 1, confidence: 0.95 });
    expect(d.title.value).toBe(
      'Tuyên truyền hưởng ứng Ngày Chuyển đổi số quốc gia 10/10 năm 2026 trên địa bàn xã Xuân Phú',
    );
    expect(d.legalBases).toHaveLength(2);
    expect(values(d.purposes)).toEqual([
      'Nâng cao nhận thức của người dân về chuyển đổi số.',
      'Thúc đẩy người dân sử dụng dịch vụ công trực tuyến.',
    ]);
    expect(values(d.requirements)).toEqual(['Tuyên truyền thiết thực, đến từng hộ gia đình.']);
    expect(d.theme.value).toBe('Dữ liệu số - Động lực mới cho phát triển');
    expect(values(d.slogans)).toEqual([
      'Chuyển đổi số toàn dân, toàn diện',
      'Mỗi người dân một tài khoản định danh điện tử',
      'Xuân Phú chung tay xây dựng xã hội số',
    ]);
    expect(d.period.value).toEqual({ startsOn: '2026-10-01', endsOn: '2026-10-31' });
    expect(units(d)).toEqual([
      'Văn phòng HĐND và UBND xã [chủ trì]',
      'Công an xã',
      'Các Tổ Công nghệ số cộng đồng [tất cả tổ]',
    ]);
    expect(values(d.bannerPlaces.named)).toEqual(['Trụ sở UBND xã', 'Nhà văn hóa ấp Bình Hòa']);
    expect(values(d.recipients)).toEqual(['UBND tỉnh Đồng Nai', 'Thường trực Đảng ủy xã', 'Lưu: VT']);
    expect([d.signerAuthority.value, d.signerTitle.value, d.signerName.value]).toEqual([
      'TM. ỦY BAN NHÂN DÂN',
      'CHỦ TỊCH',
      'Nguyễn Văn An',
    ]);
  });

  it('sections numbered "1. Mục đích" … "6. Tổ chức thực hiện", dates written "ngày 18 tháng 5 năm 2026"', () => {
    const d = plan('phuong-binh-loc-numbered');
    expect(d.number.value).toBe('08/KH-UBND');
    expect(d.issuedOn.value).toBe('2026-05-12');
    expect(values(d.legalBases)).toEqual([
      'Thực hiện Công văn số 88/SKHCN-VP ngày 05/5/2026 của Sở Khoa học và Công nghệ tỉnh Đồng Nai',
    ]);
    expect(values(d.purposes)).toEqual(['Nâng cao nhận thức về vai trò của khoa học và công nghệ.']);
    expect(values(d.requirements)).toEqual(['Các hoạt động thiết thực, tiết kiệm.']);
    expect(d.theme.value).toBe('Khoa học công nghệ vì cuộc sống');
    expect(values(d.slogans)).toEqual(['Chào mừng Ngày Khoa học và Công nghệ Việt Nam 18/5']);
    expect(d.period).toMatchObject({
      value: { startsOn: '2026-05-18', endsOn: '2026-05-24' },
      confidence: 0.95,
    });
    expect(d.activities.map((a) => a.channels)).toEqual([['loudspeaker'], ['meeting']]);
    expect(units(d)).toEqual([
      'Phòng Văn hóa - Xã hội [chủ trì]',
      'Các Tổ Công nghệ số cộng đồng [tất cả tổ]',
    ]);
    expect(d.signerName.value).toBe('Trần Thị Bích');
    expect(d.notes).toEqual([]);
  });

  it('a period written "18-24/5/2026" on the heading line, a theme without quotes, 12 teams', () => {
    const d = plan('phuong-xuan-an-shared-month');
    expect(d.period.value).toEqual({ startsOn: '2026-05-18', endsOn: '2026-05-24' });
    expect(d.theme.value).toBe('Đổi mới sáng tạo vì một Xuân An văn minh');
    expect(d.slogans).toEqual([]);
    expect(d.units.map((u) => [u.name, u.kind, u.count, u.allTeams])).toEqual([
      ['Trung tâm Dịch vụ tổng hợp phường', 'service_center', null, false],
      ['12 Tổ Công nghệ số cộng đồng', 'digital_team', 12, true],
    ]);
    // "các tuyến đường chính" is not a place one can photograph: the teams hang banners in their khu phố.
    expect(d.bannerPlaces).toEqual({ named: [], elsewhere: true });
    expect(d.recipients).toEqual([]);
    expect(d.signerName.value).toBe('Lê Hoàng Nam');
  });

  it('no period anywhere: left empty with a note, not guessed from "(18/5)"', () => {
    const d = plan('phuong-tan-phong-no-period');
    expect(d.period.value).toBeNull();
    expect(d.period.confidence).toBe(0);
    expect(d.period.note).toContain('Nhập ngày bắt đầu và ngày kết thúc');
    expect(d.theme.value).toBeNull();
    expect(units(d)).toEqual(['Phòng Văn hóa - Xã hội [chủ trì]']);
    expect(d.units[0]!.duties.map((x) => x.value)).toEqual(['chủ trì, theo dõi thực hiện.']);
  });

  it('a Tết plan with extra sections (Kinh phí, Chế độ báo cáo), slogans under their own heading, a period across months', () => {
    const d = plan('xa-gia-kiem-tet-extra-sections');
    expect(d.issuingBody.value).toBe('ỦY BAN NHÂN DÂN XÃ GIA KIỆM');
    expect(d.issuedOn.value).toBe('2027-01-05');
    expect(values(d.slogans)).toEqual([
      'Nhiệt liệt mừng Đảng, mừng Xuân Đinh Mùi 2027',
      'Đảng Cộng sản Việt Nam quang vinh muôn năm',
    ]);
    expect(d.period.value).toEqual({ startsOn: '2027-01-25', endsOn: '2027-02-20' });
    expect(values(d.bannerPlaces.named)).toEqual(['Trụ sở UBND xã', 'Nhà văn hóa xã']);
    // The extra sections do not shift the others, and staff are told about them.
    expect(units(d)).toEqual(['Phòng Văn hóa - Xã hội [chủ trì]', 'Đoàn Thanh niên xã']);
    expect(d.notes).toHaveLength(2);
    expect(d.notes[0]).toContain('V. KINH PHÍ');
    expect(d.notes[1]).toContain('VI. CHẾ ĐỘ BÁO CÁO');
    expect(d.signerAuthority.value).toBe('TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH');
    expect(d.signerTitle.value).toBe('PHÓ CHỦ TỊCH');
    expect(d.signerName.value).toBe('Đỗ Thanh Hải');
  });

  it('a one-day event in a thị trấn: "ngày 02 tháng 9 năm 2026" is both start and end', () => {
    const d = plan('thi-tran-single-day');
    expect(d.issuingBody.value).toBe('ỦY BAN NHÂN DÂN THỊ TRẤN DẦU GIÂY');
    expect(d.title.value).toBe('Tổ chức Lễ thượng cờ kỷ niệm Quốc khánh 2/9');
    expect(d.period.value).toEqual({ startsOn: '2026-09-02', endsOn: '2026-09-02' });
    expect(units(d)).toEqual(['Văn phòng HĐND và UBND thị trấn']);
    expect(d.activities).toEqual([]);
  });

  it('a fragment pasted from a chat (no header, no signature): what is there is read, the rest is empty with notes', () => {
    const d = plan('pasted-fragment');
    for (const field of [d.number, d.place, d.issuedOn, d.issuingBody, d.title, d.signerName]) {
      expect(field.value).toBeNull();
      expect(field.note).toBeTruthy();
    }
    expect(values(d.purposes)).toEqual([
      'Tuyên truyền sâu rộng về phòng chống sốt xuất huyết trong mùa mưa.',
    ]);
    expect(d.activities.map((a) => a.channels)).toEqual([['loudspeaker'], ['zalo']]);
    expect(d.period.value).toEqual({ startsOn: '2026-06-01', endsOn: '2026-06-30' });
    expect(units(d)).toEqual(['Trạm Y tế phường [chủ trì]', 'Các Tổ Công nghệ số cộng đồng [tất cả tổ]']);
  });

  it('a message that is not a plan: nothing is found, nothing crashes, nothing is claimed', () => {
    const d = plan('not-a-plan');
    const single = [d.number, d.place, d.issuedOn, d.issuingBody, d.title, d.theme, d.period, d.signerName];
    expect(single.every((f) => f.value === null && f.confidence === 0)).toBe(true);
    expect([d.purposes, d.slogans, d.activities, d.units, d.recipients].every((l) => l.length === 0)).toBe(
      true,
    );
    expect(d.notes[0]).toContain('Không nhận ra các mục');
  });

  it('never throws on odd input', () => {
    for (const text of [
      '',
      '\n\n',
      'I.',
      'KẾ HOẠCH',
      'V. THỜI GIAN: từ ngày 31/2/2026',
      'Nơi nhận:',
      'KT. CHỦ TỊCH',
    ])
      expect(() => parsePlan(text)).not.toThrow();
    expect(parsePlan('V. THỜI GIAN: từ ngày 31/2/2026').period.value).toBeNull();
  });
});
