/**
 * Comparing unit names as plans write them with the ward's units: "Phòng Văn hoá – Xã hội" is
 * "Phòng Văn hóa - Xã hội", and "Trung tâm Dịch vụ tổng hợp phường" is the ward's "Trung tâm Dịch vụ
 * tổng hợp".
 */
import { fold } from './parser/text.js';

export function unitKey(name: string): string {
  return fold(name)
    .replace(/[–—-]/g, '-')
    .replace(/\s*-\s*/g, ' - ')
    .replace(/\s+/g, ' ')
    .replace(/\s+(PHUONG|XA|THI TRAN|DAC KHU)(\s+[A-Z ]+)?$/, '')
    .trim();
}
