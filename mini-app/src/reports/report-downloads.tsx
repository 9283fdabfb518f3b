import { useRef, useState } from 'react';
import { Button } from 'zmp-ui';
import { ErrorNote } from '../components/status-views';
import { type DownloadProgress, requestDownload } from '../lib/request';
import { saveFile } from '../lib/zalo';

/** The three files of a campaign's results, as the server names them. */
export const REPORT_FILES = [
  {
    key: 'docx',
    path: 'report.docx',
    label: 'Báo cáo kết quả (Word)',
    hint: 'Theo mẫu Nghị định 30/2020, kèm phụ lục ảnh',
    fallbackName: 'bao-cao-ket-qua.docx',
  },
  {
    key: 'xlsx',
    path: 'report.xlsx',
    label: 'Phụ lục tiến độ (Excel)',
    hint: 'Từng tổ × nhiệm vụ, để in',
    fallbackName: 'phu-luc-tien-do.xlsx',
  },
  {
    key: 'csv',
    path: 'deliveries.csv',
    label: 'Sổ gửi tin (CSV)',
    hint: 'Từng lượt gửi vào nhóm Zalo và loa',
    fallbackName: 'so-gui-tin.csv',
  },
] as const;

type FileKey = (typeof REPORT_FILES)[number]['key'];
type State =
  | { phase: 'idle' }
  | { phase: 'building'; progress: DownloadProgress }
  | { phase: 'saved' }
  | { phase: 'failed'; error: unknown };

/** "1,2 MB" / "340 KB". */
export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024)
    return `${(bytes / (1024 * 1024)).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;
  return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('vi-VN')} KB`;
}

/**
 * Staff and leaders download the results at any time: the server builds each file while it sends it
 * (a report with many photos takes a while), so each button shows what has arrived, and can stop.
 */
export function ReportDownloads({ campaignId }: { campaignId: string }) {
  const [states, setStates] = useState<Record<FileKey, State>>({
    docx: { phase: 'idle' },
    xlsx: { phase: 'idle' },
    csv: { phase: 'idle' },
  });
  const controllers = useRef<Partial<Record<FileKey, AbortController>>>({});
  const set = (key: FileKey, state: State) => setStates((current) => ({ ...current, [key]: state }));

  const download = async (file: (typeof REPORT_FILES)[number]) => {
    const controller = new AbortController();
    controllers.current[file.key] = controller;
    set(file.key, { phase: 'building', progress: { received: 0, total: undefined } });
    try {
      const { blob, filename } = await requestDownload(
        `/api/campaigns/${encodeURIComponent(campaignId)}/${file.path}`,
        {
          signal: controller.signal,
          onProgress: (progress) => set(file.key, { phase: 'building', progress }),
        },
      );
      await saveFile(blob, filename ?? file.fallbackName);
      set(file.key, { phase: 'saved' });
    } catch (error) {
      if (controller.signal.aborted) set(file.key, { phase: 'idle' });
      else set(file.key, { phase: 'failed', error });
    } finally {
      delete controllers.current[file.key];
    }
  };

  return (
    <section aria-label="Báo cáo kết quả" className="report-downloads">
      <h2 className="section-title">Báo cáo kết quả</h2>
      <p className="card-meta">Số liệu lấy đúng như bảng tiến độ tại thời điểm tải.</p>
      {REPORT_FILES.map((file) => {
        const state = states[file.key];
        return (
          <div key={file.key} className="report-download" data-testid={`report-${file.key}`}>
            {state.phase === 'building' ? (
              <>
                <strong>{file.label}</strong>
                <BuildProgress progress={state.progress} />
                <Button
                  size="small"
                  variant="tertiary"
                  onClick={() => controllers.current[file.key]?.abort()}
                >
                  Dừng tải
                </Button>
              </>
            ) : (
              <>
                <Button fullWidth size="large" variant="secondary" onClick={() => download(file)}>
                  {`Tải ${file.label}`}
                </Button>
                <span className="card-meta">{file.hint}</span>
                {state.phase === 'saved' ? (
                  <span className="card-meta" role="status">
                    Đã tải xong.
                  </span>
                ) : null}
                {state.phase === 'failed' ? <ErrorNote error={state.error} /> : null}
              </>
            )}
          </div>
        );
      })}
    </section>
  );
}

function BuildProgress({ progress }: { progress: DownloadProgress }) {
  const { received, total } = progress;
  const text =
    received === 0
      ? 'Đang tạo tệp…'
      : total
        ? `Đã nhận ${sizeText(received)} / ${sizeText(total)}`
        : `Đang tạo và tải về… đã nhận ${sizeText(received)}`;
  return (
    <div role="status" aria-live="polite">
      {/* Without a known size the bar is indeterminate: it says work goes on, the text says how much. */}
      <progress aria-label="Tiến độ tải tệp" {...(total ? { max: total, value: received } : {})} />
      <span className="card-meta">{text}</span>
    </div>
  );
}
