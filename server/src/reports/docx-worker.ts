/**
 * The report layout worker: ReportData in, the .docx (with placeholder photos) out. Laying out a
 * report of a thousand photos takes docx most of a second of synchronous work, which on the main
 * thread would stall every other request; here it costs the server nothing but a message.
 */
import { parentPort } from 'node:worker_threads';
import { Packer } from 'docx';
import type { ReportData } from './report-data.js';
import { buildReportDocument } from './report-document.js';

export interface LayoutRequest {
  id: number;
  data: ReportData;
}
export type LayoutReply = { id: number; docx: Uint8Array } | { id: number; error: string };

parentPort?.on('message', async ({ id, data }: LayoutRequest) => {
  try {
    const docx = new Uint8Array(await Packer.toArrayBuffer(buildReportDocument(data)));
    parentPort?.postMessage({ id, docx } satisfies LayoutReply, [docx.buffer]);
  } catch (error) {
    parentPort?.postMessage({
      id,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
  }
});
