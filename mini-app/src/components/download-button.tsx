import { type ReactNode, useState } from 'react';
import { Button } from 'zmp-ui';
import { requestDownload } from '../lib/request';
import { saveFile } from '../lib/zalo';
import { ErrorNote } from './status-views';

type State =
  | { phase: 'idle' | 'busy' | 'saved' }
  | { phase: 'failed'; error: unknown }
  | { phase: 'notSaved' };

/**
 * A button that downloads one file from the API the way the app saves every file (requestDownload, then
 * saveFile: Zalo's own download inside Zalo, whose web view cannot save a blob), and says on screen that
 * it is working, that the file is saved, or why it failed. Report downloads, which show progress and can
 * stop, use the same two functions (reports/report-downloads.tsx).
 */
export function DownloadButton(props: { path: string; fallbackName: string; children: ReactNode }) {
  const [state, setState] = useState<State>({ phase: 'idle' });
  const download = async () => {
    setState({ phase: 'busy' });
    let file: Awaited<ReturnType<typeof requestDownload>>;
    try {
      file = await requestDownload(props.path);
    } catch (error) {
      setState({ phase: 'failed', error });
      return;
    }
    try {
      await saveFile(file.blob, file.filename ?? props.fallbackName);
      setState({ phase: 'saved' });
    } catch (error) {
      // The file arrived but the device did not keep it (inside Zalo: the download permission was refused).
      console.warn('saveFile failed', error);
      setState({ phase: 'notSaved' });
    }
  };
  return (
    <span className="download-button">
      <Button size="small" variant="tertiary" loading={state.phase === 'busy'} onClick={download}>
        {props.children}
      </Button>
      {state.phase === 'saved' ? (
        <span className="card-meta" role="status">
          Đã tải xong.
        </span>
      ) : null}
      {state.phase === 'failed' ? <ErrorNote error={state.error} context="Chưa tải được tệp." /> : null}
      {state.phase === 'notSaved' ? (
        <p role="alert" className="form-error">
          Máy chưa lưu được tệp. Nếu Zalo hỏi quyền tải tệp, hãy cho phép rồi bấm tải lại.
        </p>
      ) : null}
    </span>
  );
}
