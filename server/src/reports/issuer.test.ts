import { describe, expect, it } from 'vitest';
import { issuerOf } from './issuer.js';
import type { ReportHeaderRow } from './sql.js';

const header = (issuingBody: string | null, issuingPlace: string | null = null) =>
  ({
    wardName: 'Phường Dầu Giây',
    placeName: 'Dầu Giây',
    level: 'phuong',
    issuingBody,
    issuingPlace,
  }) as ReportHeaderRow;

describe('the body a report speaks for', () => {
  it('is the ward’s People’s Committee when the plan does not name its issuer', () => {
    expect(issuerOf(header(null))).toEqual({
      lines: ['ỦY BAN NHÂN DÂN', 'PHƯỜNG DẦU GIÂY'],
      name: 'Ủy ban nhân dân phường Dầu Giây',
      code: 'UBND',
      place: 'Dầu Giây',
    });
  });

  it('is the plan’s own issuer, as the imported document writes it', () => {
    expect(issuerOf(header('UBND phường Dầu Giây', 'Dầu Giây'))).toEqual({
      lines: ['ỦY BAN NHÂN DÂN', 'PHƯỜNG DẦU GIÂY'],
      name: 'Ủy ban nhân dân phường Dầu Giây',
      code: 'UBND',
      place: 'Dầu Giây',
    });
    expect(issuerOf(header('ĐẢNG ỦY PHƯỜNG DẦU GIÂY'))).toEqual({
      lines: ['ĐẢNG ỦY', 'PHƯỜNG DẦU GIÂY'],
      name: 'Đảng ủy phường Dầu Giây',
      code: 'ĐU',
      place: 'Dầu Giây',
    });
    expect(issuerOf(header('ỦY BAN NHÂN DÂN THỊ TRẤN DẦU GIÂY', 'Thống Nhất'))).toMatchObject({
      lines: ['ỦY BAN NHÂN DÂN', 'THỊ TRẤN DẦU GIÂY'],
      name: 'Ủy ban nhân dân thị trấn Dầu Giây',
      place: 'Thống Nhất',
    });
    // A body with no place in its name is one header line.
    expect(issuerOf(header('Ban Chỉ đạo chuyển đổi số'))).toMatchObject({
      lines: ['BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ'],
      code: 'BCĐCĐS',
    });
  });
});
