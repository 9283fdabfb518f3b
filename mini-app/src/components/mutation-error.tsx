import { errorText } from '../lib/error-text';

/** A mutation's Vietnamese error, with each row/field detail the server gave. */
export function MutationError({ error }: { error: unknown }) {
  if (!error) return null;
  const details = (error as { details?: { field: string; message: string }[] }).details ?? [];
  return (
    <div role="alert" className="form-error">
      <p>{errorText(error)}</p>
      {details.length > 0 ? (
        <ul>
          {details.map((d) => (
            <li key={d.field + d.message}>
              {d.field}: {d.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
