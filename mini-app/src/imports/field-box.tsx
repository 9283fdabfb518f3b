import { type ReactNode, useId } from 'react';

export interface Source {
  lines: number[];
  confidence: number;
  note?: string;
}

export function confidenceLabel(confidence: number): string {
  if (confidence >= 0.9) return 'Chắc chắn';
  if (confidence >= 0.5) return 'Cần xem lại';
  if (confidence > 0) return 'Đoán, hãy kiểm tra';
  return 'Không tìm thấy';
}

interface FieldBoxProps {
  label: string;
  source?: Source;
  onShow: (lines: number[]) => void;
  /** A line under the input saying what to write. */
  hint?: string;
  /** The input: it takes the id the label points at, and calls `focus` so its source line lights up. */
  children: (id: string, focus: () => void) => ReactNode;
}

/**
 * One field of the draft: its label, how sure the reader was, the note when it found nothing, and a
 * link to the source line. Focusing the input highlights that line too.
 */
export function FieldBox({ label, source, onShow, hint, children }: FieldBoxProps) {
  const id = useId();
  const level = source
    ? source.confidence >= 0.9
      ? 'sure'
      : source.confidence > 0
        ? 'check'
        : 'none'
    : undefined;
  return (
    <div className="import-field">
      <div className="import-field-head">
        <label htmlFor={id}>{label}</label>
        {source ? <span className={`confidence ${level}`}>{confidenceLabel(source.confidence)}</span> : null}
        {source?.lines.length ? (
          <button type="button" className="link-button" onClick={() => onShow(source.lines)}>
            Dòng {source.lines.join(', ')}
          </button>
        ) : null}
      </div>
      {children(id, () => source && onShow(source.lines))}
      {source?.note ? <span className="import-note">{source.note}</span> : null}
      {hint ? <span className="import-note">{hint}</span> : null}
    </div>
  );
}
