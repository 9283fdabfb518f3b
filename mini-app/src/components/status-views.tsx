import { Button, Spinner } from 'zmp-ui';
import { errorText } from '../lib/error-text';

export function LoadingView({ label = 'Đang tải…' }: { label?: string }) {
  return (
    <div className="status-view" role="status" aria-live="polite">
      <Spinner />
      <p>{label}</p>
    </div>
  );
}

export function EmptyView({ message }: { message: string }) {
  return (
    <div className="status-view">
      <p>{message}</p>
    </div>
  );
}

interface ErrorViewProps {
  /** Shown as it comes: the server's messages are already Vietnamese and say what to do. */
  message: string;
  onRetry: () => void;
  retrying?: boolean;
}

export function ErrorView({ message, onRetry, retrying = false }: ErrorViewProps) {
  return (
    <div className="status-view">
      <p role="alert">{message}</p>
      <Button size="large" variant="secondary" loading={retrying} disabled={retrying} onClick={onRetry}>
        Thử lại
      </Button>
    </div>
  );
}

/** A failed action's message under the form or button that started it (nothing when it did not fail). */
export function ErrorNote({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <p role="alert" className="form-error">
      {errorText(error)}
    </p>
  );
}
