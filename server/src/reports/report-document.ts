/**
 * The results report (Báo cáo kết quả thực hiện Kế hoạch) as a docx Document, laid out per Nghị định
 * 30/2020 (document-parts.ts). Every figure comes from ReportData; what only people can write
 * (assessment, proposals, the number) is left as marked blanks for the office to complete.
 *
 * Photos: each annex image carries a placeholder ("loa-annex-photo:<n>") instead of its bytes, so the
 * layout (done in a worker thread) never holds the photos; docx-stream.ts puts the stored display
 * copies in their place while the file is sent.
 */
import { formatDateTimeVi, formatIsoDayVi, wardDayOf } from '@loa/shared';
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  ImageRun,
  PageNumber,
  Paragraph,
  type Table,
  TextRun,
} from 'docx';
import {
  BODY_SIZE,
  body,
  centred,
  count,
  dataTable,
  FONT,
  HEADER_COLUMNS,
  heading,
  layoutTable,
  longDateVi,
  MARGIN,
  PAGE,
  rule,
  run,
  SINGLE,
  TEXT_WIDTH,
} from './document-parts.js';
import { issuerOf } from './issuer.js';
import { campaignStatusLabels, channelLabels } from './labels.js';
import type { ReportData } from './report-data.js';
import {
  ANNEX_PLACEHOLDER_PREFIX,
  BLANK,
  committeeName,
  planReference,
  planSubject,
  reportTitleLine,
  TO_COMPLETE,
} from './report-wording.js';
import type { AnnexPhotoRow, ReportHeaderRow } from './sql.js';

/** The annex photo's box on the page: 14 × 9.5 cm, at the 96 px per inch docx measures images in. */
const PHOTO_BOX_PX = { width: Math.round((14 / 2.54) * 96), height: Math.round((9.5 / 2.54) * 96) };

function headerBlock(data: ReportData): (Paragraph | Table)[] {
  const { header } = data;
  const [left, right] = HEADER_COLUMNS as [number, number];
  const today = wardDayOf(new Date(header.now));
  const issuer = issuerOf(header);
  return [
    layoutTable(HEADER_COLUMNS, [
      [
        [...issuer.lines.map((line) => centred(line, { bold: true, size: 26 })), rule(2, left, 120)],
        [
          centred('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: 26 }),
          centred('Độc lập - Tự do - Hạnh phúc', { bold: true, size: 28 }),
          rule(6, right, 120),
        ],
      ],
      [
        [centred(`Số: ${BLANK}/BC-${issuer.code}`, { size: 26 })],
        [centred(`${issuer.place}, ${longDateVi(today)}`, { italics: true, size: 28 })],
      ],
    ]),
    centred('', {}, 240),
    centred('BÁO CÁO', { bold: true }),
    centred(reportTitleLine(header), { bold: true }),
    rule(5, TEXT_WIDTH, 240),
  ];
}

function figureLines(data: ReportData): (Paragraph | Table)[] {
  const { board, channels, posts, photos } = data;
  const channel = (kind: string) => channels.find((c) => c.channel === kind);
  const kind = (name: string) =>
    data.kinds.find((k) => k.kind === name) ?? { kind: name, tasks: 0, assigned: 0, done: 0, numberDone: 0 };
  const out: (Paragraph | Table)[] = [];

  out.push(heading('1. Tuyên truyền trên các nhóm Zalo khu phố'));
  out.push(
    body(
      `Đã đăng ${count(posts.sent)} bài tuyên truyền (trong ${count(posts.approved)} bài đã được duyệt), ` +
        `đến được ${count(posts.groupsReached)} nhóm Zalo khu phố.`,
    ),
  );
  for (const c of channels.filter((c) => c.channel !== 'loudspeaker')) {
    out.push(
      body(
        `- ${channelLabels[c.channel] ?? c.channel}: ${count(c.delivered)}/${count(c.deliveries)} lượt gửi thành công, ` +
          `${count(c.failed)} lượt không gửi được, ${count(c.open)} lượt đang chờ; ` +
          `${count(c.targetsReached)}/${count(c.targets)} nhóm đã nhận.`,
      ),
    );
  }

  const share = channel('team_share');
  out.push(heading('2. Chia sẻ của các Tổ Công nghệ số cộng đồng'));
  out.push(
    body(
      `Các tổ đã chia sẻ ${count(share?.delivered ?? 0)} lượt bài vào nhóm Zalo khu phố ` +
        `(${count(share?.teams ?? 0)} tổ tham gia); còn ${count(share?.open ?? 0)} lượt chờ tổ chia sẻ.`,
    ),
  );

  const speaker = channel('loudspeaker');
  const speakerTasks = kind('loudspeaker');
  out.push(heading('3. Phát thanh trên hệ thống loa truyền thanh'));
  out.push(
    body(
      `Phát thanh ${count(speaker?.plays ?? 0)} lần theo lịch bài đăng (${count(speaker?.teams ?? 0)} tổ xác nhận); ` +
        `${count(speakerTasks.numberDone)} lần theo báo cáo nhiệm vụ phát thanh ` +
        `(${count(speakerTasks.done)}/${count(speakerTasks.assigned)} lượt nhiệm vụ hoàn thành).`,
    ),
  );

  const articles = kind('article');
  out.push(heading('4. Đăng tin, bài'));
  out.push(
    body(
      `Đã đăng ${count(articles.numberDone)} tin, bài; ` +
        `${count(articles.done)}/${count(articles.assigned)} lượt nhiệm vụ đăng tin, bài hoàn thành.`,
    ),
  );

  const banners = kind('hang_banner');
  out.push(heading('5. Treo băng rôn, khẩu hiệu'));
  out.push(
    body(
      `${count(banners.done)}/${count(banners.assigned)} lượt nhiệm vụ treo băng rôn hoàn thành` +
        (data.bannerPlaces.length ? ', tại:' : '.'),
    ),
  );
  for (const place of data.bannerPlaces) {
    out.push(body(`- ${place.unitName}: ${place.placeName ?? place.taskTitle};`));
  }

  const onTime = data.units.reduce((sum, u) => sum + u.onTime, 0);
  const late = data.units.reduce((sum, u) => sum + u.late, 0);
  out.push(heading('6. Thực hiện nhiệm vụ của các đơn vị'));
  out.push(
    body(
      `Tổng số lượt giao nhiệm vụ: ${count(board.counts.total)}; đã hoàn thành ${count(board.counts.done)} ` +
        `(đúng hạn ${count(onTime)}, trễ hạn ${count(late)}); quá hạn chưa hoàn thành ${count(board.counts.overdue)}; ` +
        `chưa nhận ${count(board.counts.pending)}; đã nhận, đang thực hiện ${count(board.counts.acknowledged)}.`,
    ),
  );
  if (data.units.length) {
    const widths = [850, 3305, 1040, 1040, 1040, 1040, 1040];
    const rows = data.units.map((u, i) =>
      [String(i + 1), u.unitName, u.total, u.done, u.onTime, u.late, u.overdue].map((v) =>
        typeof v === 'number' ? count(v) : v,
      ),
    );
    rows.push(
      ['', 'Tổng cộng', board.counts.total, board.counts.done, onTime, late, board.counts.overdue].map((v) =>
        typeof v === 'number' ? count(v) : v,
      ),
    );
    out.push(
      new Paragraph({ children: [] }),
      dataTable(
        widths,
        ['STT', 'Đơn vị', 'Được giao', 'Hoàn thành', 'Đúng hạn', 'Trễ hạn', 'Quá hạn'],
        rows,
        {
          totalRow: true,
        },
      ),
      new Paragraph({ children: [] }),
    );
  }

  out.push(heading('7. Ảnh minh chứng'));
  out.push(
    body(
      `${count(photos.accepted)} ảnh minh chứng được duyệt (xem Phụ lục), ${count(photos.waiting)} ảnh chờ duyệt, ` +
        `${count(photos.sentBack)} ảnh trả lại để bổ sung.`,
    ),
  );
  return out;
}

function signatureLines(header: ReportHeaderRow): Paragraph[] {
  const title = header.signerTitle ?? header.signerMemberTitle?.toLocaleUpperCase('vi');
  return [
    centred(`TM. ${issuerOf(header).lines[0]}`, { bold: true }),
    ...(header.signerAuthority ? [centred(header.signerAuthority, { bold: true })] : []),
    centred(title ?? '[CHỨC VỤ NGƯỜI KÝ]', { bold: true }, 1440),
    centred(header.signerName ?? '[Họ và tên người ký]', { bold: true }),
  ];
}

function footerBlock(header: ReportHeaderRow) {
  const recipients = header.recipients.length ? header.recipients : ['Như trên'];
  const lines = recipients.map((r) => `- ${r.replace(/[;.,\s]+$/, '')};`);
  const small = (text: string, style = {}) =>
    new Paragraph({
      spacing: { before: 0, after: 0, ...SINGLE },
      children: [run(text, { size: 22, ...style })],
    });
  return layoutTable(HEADER_COLUMNS, [
    [
      [
        small('Nơi nhận:', { bold: true, italics: true, size: 24 }),
        ...lines.map((line) => small(line)),
        small('- Lưu: VT, VHXH.'),
      ],
      signatureLines(header),
    ],
  ]);
}

function mainBody(data: ReportData): (Paragraph | Table)[] {
  const { header, board } = data;
  const committee = committeeName(header);
  const asOf = formatDateTimeVi(new Date(header.now));
  return [
    ...headerBlock(data),
    body(
      `Thực hiện ${planReference(header)} của ${committee} về ${planSubject(header.title)}, ` +
        `${committee} báo cáo kết quả thực hiện như sau:`,
    ),
    heading('I. CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI THỰC HIỆN'),
    body(
      `Kế hoạch thực hiện từ ngày ${formatIsoDayVi(header.startsOn)} đến ngày ${formatIsoDayVi(header.endsOn)}` +
        (header.leadUnitName ? `, đơn vị chủ trì: ${header.leadUnitName}` : '') +
        `. Đã giao ${count(board.tasks.length)} nhiệm vụ cho ${count(board.teams.length)} đơn vị ` +
        `(${count(board.counts.total)} lượt giao việc). Số liệu tính đến ${asOf}; ` +
        `kế hoạch ${campaignStatusLabels[header.status] ?? header.status}.`,
    ),
    heading('II. KẾT QUẢ THỰC HIỆN'),
    ...figureLines(data),
    heading('III. ĐÁNH GIÁ CHUNG'),
    heading('1. Ưu điểm'),
    body(TO_COMPLETE),
    heading('2. Tồn tại, hạn chế'),
    body(TO_COMPLETE),
    heading('3. Nguyên nhân'),
    body(TO_COMPLETE),
    heading('IV. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI'),
    body(TO_COMPLETE),
    heading('V. KIẾN NGHỊ, ĐỀ XUẤT'),
    body(TO_COMPLETE),
    // The closing sentence stays on the page of the signature.
    body(`Trên đây là báo cáo kết quả thực hiện ${planReference(header)} của ${committee}./.`, {
      keepNext: true,
    }),
    new Paragraph({ keepNext: true, children: [] }),
    footerBlock(header),
  ];
}

/** "đúng địa điểm (trong bán kính 200 m)": what the location check found, from the photo's flags. */
export function locationCheck(photo: AnnexPhotoRow): string {
  const flags = photo.flags ?? {};
  const source =
    photo.locationSource === 'zalo'
      ? ', vị trí từ Zalo'
      : photo.locationSource === 'exif'
        ? ', GPS trong ảnh'
        : '';
  if (flags.location_missing) return 'không có thông tin vị trí';
  const outsidePlace = flags.outside_place as { distanceM?: number; radiusM?: number } | undefined;
  if (outsidePlace)
    return `ngoài địa điểm (cách ${count(outsidePlace.distanceM ?? 0)} m, bán kính ${count(outsidePlace.radiusM ?? 0)} m${source})`;
  const outsideWard = flags.outside_ward as { distanceM?: number } | undefined;
  if (outsideWard) return `ngoài địa bàn (cách tâm ${count(outsideWard.distanceM ?? 0)} m${source})`;
  if (photo.placeRadiusM) return `đúng địa điểm (trong bán kính ${count(photo.placeRadiusM)} m${source})`;
  return `trong địa bàn${source ? ` (${source.slice(2)})` : ''}`;
}

export function photoCaption(photo: AnnexPhotoRow, index: number): string[] {
  const taken = photo.takenAt ? formatDateTimeVi(new Date(photo.takenAt)) : 'không rõ';
  return [
    `Ảnh ${index + 1}. ${photo.unitName} – ${photo.taskTitle}`,
    `Địa điểm: ${photo.placeName ?? 'không ghi'} · Chụp lúc: ${taken} · Vị trí: ${locationCheck(photo)}`,
  ];
}

/** Fits the photo's upright size into the annex box, keeping its shape. */
export function photoBox(width: number, height: number): { width: number; height: number } {
  const scale = Math.min(PHOTO_BOX_PX.width / width, PHOTO_BOX_PX.height / height);
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

function annexBody(data: ReportData): Paragraph[] {
  const today = wardDayOf(new Date(data.header.now));
  const out = [
    centred('Phụ lục', { bold: true }),
    centred('ẢNH MINH CHỨNG CÁC HOẠT ĐỘNG ĐÃ ĐƯỢC DUYỆT', { bold: true }),
    centred(
      `(Kèm theo Báo cáo số ${BLANK}/BC-${issuerOf(data.header).code} ngày ${formatIsoDayVi(today)} của ${committeeName(data.header)})`,
      { italics: true },
    ),
    rule(5, TEXT_WIDTH, 240),
  ];
  if (data.annex.length === 0) out.push(body('Chưa có ảnh minh chứng nào được duyệt.'));
  data.annex.forEach((photo, index) => {
    const [title, details] = photoCaption(photo, index) as [string, string];
    // One paragraph per photo (the picture, then its two caption lines): a thousand photos lay out
    // faster with a third of the paragraphs, and a caption can never be parted from its picture.
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        keepLines: true,
        spacing: { before: 240, after: 120, ...SINGLE },
        children: [
          new ImageRun({
            type: 'jpg',
            data: Buffer.from(`${ANNEX_PLACEHOLDER_PREFIX}${index}`),
            transformation: photoBox(photo.width, photo.height),
            altText: { name: `Ảnh ${index + 1}`, title, description: details },
          }),
          run(title, { italics: true, bold: true, size: 24, break: 1 }),
          run(details, { italics: true, size: 24, break: 1 }),
        ],
      }),
    );
  });
  return out;
}

/** Page numbers: centred in the top margin, none on a section's first page (the decree's rule). */
function pageNumberHeaders() {
  return {
    default: new Header({
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: BODY_SIZE })],
        }),
      ],
    }),
    first: new Header({ children: [] }),
  };
}

export function buildReportDocument(data: ReportData): Document {
  const page = { size: { ...PAGE }, margin: MARGIN, pageNumbers: { start: 1 } };
  return new Document({
    creator: committeeName(data.header),
    title: `Báo cáo ${reportTitleLine(data.header)}`,
    styles: { default: { document: { run: { font: FONT, size: BODY_SIZE } } } },
    sections: [
      { properties: { page, titlePage: true }, headers: pageNumberHeaders(), children: mainBody(data) },
      // The annex is numbered on its own.
      {
        properties: { page, titlePage: true },
        headers: pageNumberHeaders(),
        footers: { default: new Footer({ children: [] }) },
        children: annexBody(data),
      },
    ],
  });
}
