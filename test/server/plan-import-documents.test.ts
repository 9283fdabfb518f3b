/**
 * The same plan as pasted text, as a Word file and as a text PDF gives the same draft; Word tables are
 * read; a scanned PDF and a file that is neither are refused with a message saying what to do.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { draftFromText, readPlanText } from '../../server/src/imports/service.js';
import { planDocx, planPdf, scannedPdf } from '../helpers/plan-documents.js';

const fixture = (path: string) => readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8');
const file = (bytes: Buffer, name: string) => ({ file: { name, contentBase64: bytes.toString('base64') } });
const draftOf = async (request: Parameters<typeof readPlanText>[0]) => {
  const { text, format } = await readPlanText(request);
  const { format: _, ...draft } = draftFromText(text, format);
  return { format, draft };
};

describe('plan documents: text, .docx and .pdf', () => {
  it.each([
    'plan-dau-giay-khcn-2026.txt',
    'plans/xa-xuan-phu-chuyen-doi-so.txt',
    'plans/xa-gia-kiem-tet-extra-sections.txt',
  ])('%s gives the same draft from each format', async (path) => {
    const text = fixture(path);
    const pasted = await draftOf({ text });
    const word = await draftOf(file(await planDocx(text), 'ke-hoach.docx'));
    const pdf = await draftOf(file(await planPdf(text), 'ke-hoach.pdf'));
    expect([pasted.format, word.format, pdf.format]).toEqual(['text', 'docx', 'pdf']);
    expect(pasted.draft.title.value).toBeTruthy();
    expect(word.draft).toEqual(pasted.draft);
    expect(pdf.draft).toEqual(pasted.draft);
  });

  it('reads a Word file whose header and duties are tables', async () => {
    const docx = await planDocx([
      [
        [
          ['ỦY BAN NHÂN DÂN', 'PHƯỜNG LONG BÌNH', 'Số: 19/KH-UBND'],
          [
            'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
            'Độc lập - Tự do - Hạnh phúc',
            'Long Bình, ngày 04 tháng 3 năm 2026',
          ],
        ],
      ],
      `KẾ HOẠCH
       Tuyên truyền Ngày Quyền của người tiêu dùng Việt Nam 15/3
       I. MỤC ĐÍCH, YÊU CẦU
       Nâng cao nhận thức của người tiêu dùng.
       II. THỜI GIAN THỰC HIỆN
       Từ ngày 10/3/2026 đến ngày 20/3/2026.
       III. TỔ CHỨC THỰC HIỆN`,
      [
        [['Đơn vị'], ['Nhiệm vụ']],
        [['Phòng Kinh tế, Hạ tầng và Đô thị'], ['Chủ trì, tham mưu triển khai Kế hoạch.']],
        [['Các Tổ Công nghệ số cộng đồng'], ['Phát thanh trên loa khu phố.', 'Chia sẻ bài vào nhóm Zalo.']],
      ],
      `KT. CHỦ TỊCH
       PHÓ CHỦ TỊCH
       Ngô Thị Lan`,
    ]);
    const { format, draft } = await draftOf(file(docx, 'long-binh.docx'));
    expect(format).toBe('docx');
    expect(draft.issuingBody.value).toBe('ỦY BAN NHÂN DÂN PHƯỜNG LONG BÌNH');
    expect(draft.number.value).toBe('19/KH-UBND');
    expect([draft.place.value, draft.issuedOn.value]).toEqual(['Long Bình', '2026-03-04']);
    expect(draft.title.value).toBe('Tuyên truyền Ngày Quyền của người tiêu dùng Việt Nam 15/3');
    expect(draft.period.value).toEqual({ startsOn: '2026-03-10', endsOn: '2026-03-20' });
    expect(draft.units.map((u) => [u.name, u.lead, u.allTeams, u.duties.map((x) => x.value)])).toEqual([
      ['Phòng Kinh tế, Hạ tầng và Đô thị', true, false, ['Chủ trì, tham mưu triển khai Kế hoạch.']],
      [
        'Các Tổ Công nghệ số cộng đồng',
        false,
        true,
        ['Phát thanh trên loa khu phố.', 'Chia sẻ bài vào nhóm Zalo.'],
      ],
    ]);
    expect(draft.signerName.value).toBe('Ngô Thị Lan');
  });

  it('refuses a scanned PDF, saying it has no text layer', async () => {
    await expect(readPlanText(file(await scannedPdf(), 'scan.pdf'))).rejects.toMatchObject({
      statusCode: 422,
      code: 'IMPORT_SCANNED_PDF',
      message: expect.stringContaining('bản scan'),
    });
  });

  it('refuses a PDF far too long to be a plan', async () => {
    const long = await planPdf(
      Array.from({ length: 61 }, (_, i) => `Trang ${i + 1} của một tài liệu dài.`).join('\n'),
      {
        pageBreakEvery: 1,
      },
    );
    await expect(readPlanText(file(long, 'dai.pdf'))).rejects.toMatchObject({
      statusCode: 400,
      message: expect.stringContaining('dài hơn 60 trang'),
    });
  });

  it('refuses a file that is neither .docx nor PDF, and a damaged one', async () => {
    await expect(readPlanText(file(Buffer.from('GIF89a……'), 'anh.docx'))).rejects.toMatchObject({
      statusCode: 415,
      code: 'IMPORT_NOT_A_PLAN_FILE',
    });
    const broken = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64, 7)]);
    await expect(readPlanText(file(broken, 'hong.docx'))).rejects.toMatchObject({
      code: 'IMPORT_UNREADABLE',
    });
    await expect(readPlanText(file(Buffer.from('%PDF-1.7 rác'), 'hong.pdf'))).rejects.toMatchObject({
      code: 'IMPORT_UNREADABLE',
    });
    await expect(readPlanText({ text: '  \n ' })).rejects.toMatchObject({ code: 'IMPORT_EMPTY' });
  });
});
