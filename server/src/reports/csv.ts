/**
 * The delivery ledger as CSV: UTF-8 with a byte-order mark (without it Excel reads Vietnamese as
 * mojibake), CRLF line ends, one row per delivery, times dd/mm/yyyy hh:mm in Vietnam time.
 */
import type { Writable } from 'node:stream';
import { deliveryStatusName, formatDateTimeVi } from '@loa/shared';
import { stringify } from 'csv-stringify';
import { channelLabels } from './labels.js';
import type { LedgerRow } from './sql.js';

export const CSV_COLUMNS = [
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
];

export function ledgerRecord(row: LedgerRow): string[] {
  return [
    row.postExcerpt,
    row.targetName,
    channelLabels[row.channel] ?? row.channel,
    row.teamName ?? '',
    formatDateTimeVi(new Date(row.dueAt)),
    row.sentAt ? formatDateTimeVi(new Date(row.sentAt)) : '',
    deliveryStatusName(row.status),
    String(row.attempts),
    row.broadcastCount === null ? '' : String(row.broadcastCount),
    row.zaloMessageId ?? '',
    row.errorReason ?? '',
  ];
}

export async function writeLedgerCsv(out: Writable, rows: LedgerRow[]): Promise<void> {
  const csv = stringify({ bom: true, record_delimiter: 'windows' });
  csv.pipe(out);
  csv.write(CSV_COLUMNS);
  for (let i = 0; i < rows.length; i++) {
    if (!csv.write(ledgerRecord(rows[i]!))) await new Promise((resolve) => csv.once('drain', resolve));
    if (i % 500 === 499) await new Promise((resolve) => setImmediate(resolve));
  }
  csv.end();
}
