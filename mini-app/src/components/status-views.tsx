import type { UseQueryResult } from '@tanstack/react-query';
import { Button, Spinner } from 'zmp-ui';
import { errorText } from '../lib/error-text';
import { ApiError } from '../lib/request';

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

interface ErrorNoteProps {
  error: unknown;
  /** What failed, said before the message: "Không tải được danh sách đơn vị." */
  context?: string;
  /** When given, a "Thử lại" button under the message (a query that can be asked again). */
  onRetry?: () => void;
  retrying?: boolean;
}

/**
 * A failure's message (from the error catalogue, never the raw error) under the form, button or field
 * it concerns; nothing when it did not fail. With `onRetry`, a "Thử lại" button follows.
 */
/** A form's own check (`problem`, found before sending) and the server's refusal, one under the other. */
export function FormProblem({ problem, error }: { problem: string | null | undefined; error: unknown }) {
  return (
    <>
      {problem ? (
        <p role="alert" className="form-error">
          {problem}
        </p>
      ) : null}
      <ErrorNote error={error} />
    </>
  );
}

export function ErrorNote({ error, context, onRetry, retrying = false }: ErrorNoteProps) {
  if (!error) return null;
  const fields = error instanceof ApiError ? (error.details ?? []) : [];
  if (fields.length > 1)
    // Several fields to fix: one line each, named as the form names them, rather than one long sentence.
    return (
      <div role="alert" className="form-error">
        <p>{context ? `${context} Hãy sửa:` : 'Dữ liệu chưa hợp lệ, hãy sửa:'}</p>
        <ul>
          {fields.map((d) => (
            <li key={d.field}>
              {d.label ?? d.field}: {d.message}
            </li>
          ))}
        </ul>
      </div>
    );
  const text = context ? `${context} ${errorText(error)}` : errorText(error);
  if (!onRetry)
    return (
      <p role="alert" className="form-error">
        {text}
      </p>
    );
  return (
    <div className="choices-error">
      <p role="alert" className="form-error">
        {text}
      </p>
      <Button size="small" variant="secondary" loading={retrying} disabled={retrying} onClick={onRetry}>
        Thử lại
      </Button>
    </div>
  );
}

/**
 * The state of a query that fills a form's choices (units, places, filters): a line while it loads,
 * and if it failed, what went wrong and "Thử lại", so a missing choice is never a silent empty list.
 * Nothing once the choices are there. `what` names them: "danh sách đơn vị".
 */
export function ChoicesStatus({
  query,
  what,
}: {
  query: Pick<UseQueryResult<unknown>, 'isPending' | 'isError' | 'isFetching' | 'error' | 'refetch'>;
  what: string;
}) {
  if (query.isError)
    return (
      <ErrorNote
        error={query.error}
        context={`Không tải được ${what}.`}
        onRetry={() => void query.refetch()}
        retrying={query.isFetching}
      />
    );
  if (query.isPending)
    return (
      <p className="field-hint" role="status">
        Đang tải {what}…
      </p>
    );
  return null;
}
