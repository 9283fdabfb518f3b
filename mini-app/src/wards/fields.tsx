import type { ReactNode } from 'react';

/** A labelled text/number input (labels make the set-up forms readable and testable by name). */
export function TextField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'number' | 'tel';
  placeholder?: string;
}) {
  return (
    <label className="native-field">
      <span>{props.label}</span>
      <input
        type={props.type ?? 'text'}
        inputMode={props.type === 'number' ? 'decimal' : undefined}
        step={props.type === 'number' ? 'any' : undefined}
        value={props.value}
        placeholder={props.placeholder}
        onChange={(event) => props.onChange(event.target.value)}
      />
    </label>
  );
}

export function SelectField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  children: ReactNode;
}) {
  return (
    <label className="native-field">
      <span>{props.label}</span>
      <select value={props.value} onChange={(event) => props.onChange(event.target.value)}>
        {props.children}
      </select>
    </label>
  );
}

/** A mutation's Vietnamese error, with each row/field detail the server gave. */
export function MutationError({ error }: { error: unknown }) {
  if (!error) return null;
  const details = (error as { details?: { field: string; message: string }[] }).details ?? [];
  return (
    <div role="alert" className="form-error">
      <p>{error instanceof Error ? error.message : 'Có lỗi xảy ra. Thử lại sau ít phút.'}</p>
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

/** Downloads a file from the API with the session token (a plain link would carry no token). */
export async function downloadFile(path: string, fileName: string, token: string | undefined): Promise<void> {
  const base = (import.meta.env.VITE_API_BASE ?? '').replace(/\/+$/, '');
  const response = await fetch(`${base}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!response.ok) throw new Error('Không tải được tệp. Thử lại sau ít phút.');
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A File as base64 (without the data: prefix), for the JSON import request. */
export async function fileBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
