/**
 * The three files of a campaign: the report (.docx), the spreadsheet annex (.xlsx) and the delivery
 * ledger (.csv). Each reads its figures in one transaction, then streams the file: the caller sends
 * the stream while it is written, and the build's slot is freed when the stream ends or the reader
 * goes away.
 */
import { finished, PassThrough, type Readable } from 'node:stream';
import { wardDayOf } from '@loa/shared';
import type { FastifyBaseLogger } from 'fastify';
import { AppError } from '../errors.js';
import type { DisplayCopies } from '../evidence/display-copies.js';
import type { Db } from '../plugins/db.js';
import type { BuildSlots } from './build-slots.js';
import { writeLedgerCsv } from './csv.js';
import type { DocxLayout } from './docx-layout.js';
import { writeDocx } from './docx-stream.js';
import { loadAssignmentRows, loadLedgerRows, loadReportData } from './report-data.js';
import { writeXlsx } from './xlsx.js';
import { ZipWriter } from './zip-writer.js';

export interface ReportDeps {
  db: Db;
  displayCopies: DisplayCopies;
  layout: DocxLayout;
  slots: BuildSlots;
  log: FastifyBaseLogger;
}

export interface ReportFile {
  filename: string;
  contentType: string;
  stream: Readable;
}

const notFound = () => new AppError('NOT_FOUND', 'Không tìm thấy kế hoạch này. Có thể nó đã bị xóa.');

/** "bao-cao-ket-qua-2026-05-25.docx": ASCII, dated by the ward's day. */
function fileName(stem: string, extension: string): string {
  return `${stem}-${wardDayOf(new Date())}.${extension}`;
}

/**
 * Holds a build slot while `build` prepares the stream and until the stream is done. `write` runs
 * after the stream is handed over; its failure ends the stream with the error (the reader sees a cut
 * download, the log says why).
 */
async function streamed(
  deps: ReportDeps,
  prepare: () => Promise<{ stream: PassThrough | Readable; write: () => Promise<void> }>,
): Promise<Readable> {
  const release = await deps.slots.acquire();
  try {
    const { stream, write } = await prepare();
    finished(stream, () => release());
    write().catch((error) => {
      deps.log.error({ err: error }, 'report file failed while streaming');
      stream.destroy(error instanceof Error ? error : new Error(String(error)));
    });
    return stream;
  } catch (error) {
    release();
    throw error;
  }
}

export async function reportDocx(deps: ReportDeps, wardId: string, campaignId: string): Promise<ReportFile> {
  const stream = await streamed(deps, async () => {
    const data = await loadReportData(deps.db, wardId, campaignId);
    if (!data) throw notFound();
    const zip = new ZipWriter();
    // The worker lays out the text while the photos are already being sent.
    const layout = deps.layout.layout(data);
    const write = () =>
      writeDocx({
        zip,
        photoCount: data.annex.length,
        layout,
        photo: (index) => deps.displayCopies.get(data.annex[index]!),
        onPhotoError: (index, error) =>
          deps.log.error({ err: error, evidenceId: data.annex[index]?.evidenceId }, 'annex photo unreadable'),
      });
    return { stream: zip.stream, write };
  });
  return {
    filename: fileName('bao-cao-ket-qua', 'docx'),
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    stream,
  };
}

export async function reportXlsx(deps: ReportDeps, wardId: string, campaignId: string): Promise<ReportFile> {
  const stream = await streamed(deps, async () => {
    const loaded = await loadAssignmentRows(deps.db, wardId, campaignId);
    if (!loaded) throw notFound();
    const out = new PassThrough();
    return { stream: out, write: () => writeXlsx(out, loaded.header, loaded.rows) };
  });
  return {
    filename: fileName('phu-luc-tien-do', 'xlsx'),
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    stream,
  };
}

export async function ledgerCsv(deps: ReportDeps, wardId: string, campaignId: string): Promise<ReportFile> {
  const stream = await streamed(deps, async () => {
    const loaded = await loadLedgerRows(deps.db, wardId, campaignId);
    if (!loaded) throw notFound();
    const out = new PassThrough();
    return { stream: out, write: () => writeLedgerCsv(out, loaded.rows) };
  });
  return { filename: fileName('so-gui-tin', 'csv'), contentType: 'text/csv; charset=utf-8', stream };
}
