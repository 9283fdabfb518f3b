import {
  EVIDENCE_FLAG_CODES,
  type EvidenceFlags,
  type EvidenceItem,
  evidenceFlagLabels,
  formatDateTimeVi,
  reviewStatusLabels,
} from '@loa/shared';
import { type ReactNode, useState } from 'react';
import { PhotoViewer } from './photo-viewer';
import { useAuthedPhoto } from './use-evidence';

export const hasFlags = (flags: EvidenceFlags) =>
  EVIDENCE_FLAG_CODES.some((code) => flags[code] !== undefined);

/** One chip per raised flag, with the detail a reviewer needs ("cách 2,1 km", the earlier photo). */
export function FlagChips({ flags }: { flags: EvidenceFlags }) {
  const raised = EVIDENCE_FLAG_CODES.filter((code) => flags[code] !== undefined);
  if (raised.length === 0) return <p className="evidence-ok">Đạt các bước kiểm tra</p>;
  return (
    <ul className="evidence-flags" aria-label="Cảnh báo">
      {raised.map((code) => (
        <li key={code} className="evidence-flag" data-flag={code}>
          {evidenceFlagLabels[code]}
          {flagDetail(flags, code)}
        </li>
      ))}
    </ul>
  );
}

function flagDetail(flags: EvidenceFlags, code: (typeof EVIDENCE_FLAG_CODES)[number]): string {
  const km = (metres: number) =>
    `${(metres / 1000).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} km`;
  if (code === 'outside_place' && flags.outside_place) return ` (cách ${km(flags.outside_place.distanceM)})`;
  if (code === 'outside_ward' && flags.outside_ward) return ` (cách ${km(flags.outside_ward.distanceM)})`;
  if (code === 'outside_window' && flags.outside_window)
    return ` (chụp ${formatDateTimeVi(flags.outside_window.takenAt)})`;
  if (code === 'near_duplicate' && flags.near_duplicate)
    return ` (${flags.near_duplicate.teamName}, nộp ${formatDateTimeVi(flags.near_duplicate.uploadedAt)})`;
  return '';
}

export function ReviewBadge({ item }: { item: Pick<EvidenceItem, 'reviewStatus' | 'reviewReason'> }) {
  return (
    <p className={`evidence-review evidence-review-${item.reviewStatus}`}>
      {reviewStatusLabels[item.reviewStatus]}
      {item.reviewStatus === 'needs_fix' && item.reviewReason ? `: ${item.reviewReason}` : ''}
    </p>
  );
}

export function EvidenceCard({ item, children }: { item: EvidenceItem; children?: ReactNode }) {
  const thumb = useAuthedPhoto(item.id);
  const [large, setLarge] = useState(false);
  const alt = `Ảnh minh chứng “${item.taskTitle}” của ${item.teamName}`;
  return (
    <article className="evidence-card" data-evidence-id={item.id}>
      <button
        type="button"
        className="evidence-thumb"
        aria-label="Xem ảnh lớn"
        onClick={() => setLarge(true)}
      >
        {thumb ? <img src={thumb} alt={alt} /> : <span aria-hidden>…</span>}
      </button>
      {large ? <PhotoViewer evidenceId={item.id} alt={alt} onClose={() => setLarge(false)} /> : null}
      <div className="evidence-body">
        <p className="evidence-task">{item.taskTitle}</p>
        <p className="evidence-meta">
          {item.teamName}
          {item.placeName ? ` · tại ${item.placeName}` : ''}
        </p>
        <p className="evidence-meta">
          Nộp {formatDateTimeVi(item.createdAt)}
          {item.takenAt ? ` · chụp ${formatDateTimeVi(item.takenAt)}` : ' · không rõ lúc chụp'}
          {item.lat !== null && item.lng !== null
            ? ` · vị trí ${item.lat.toFixed(4)}, ${item.lng.toFixed(4)}`
            : ' · không có vị trí'}
        </p>
        <FlagChips flags={item.flags} />
        <ReviewBadge item={item} />
        {children}
      </div>
    </article>
  );
}
