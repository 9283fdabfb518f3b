import type { SetupUnit, UnitKind } from '@loa/shared';
import type { ReactNode } from 'react';
import { errorText } from '../lib/error-text';

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

/**
 * A unit picker: the ward's units of one `kind` (a group's khu phố, the team that shares into it), or
 * every unit given when no kind is (the caller has chosen them); `none` is the empty choice's words.
 */
export function UnitSelect(props: {
  label: string;
  value: string;
  onChange: (unitId: string) => void;
  units: SetupUnit[];
  kind?: UnitKind;
  none?: string;
}) {
  const { kind } = props;
  return (
    <SelectField label={props.label} value={props.value} onChange={props.onChange}>
      {props.none === undefined ? null : <option value="">{props.none}</option>}
      {props.units
        .filter((unit) => kind === undefined || unit.kind === kind)
        .map((unit) => (
          <option key={unit.id} value={unit.id}>
            {unit.name}
          </option>
        ))}
    </SelectField>
  );
}

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

/** A File as base64 (without the data: prefix), for the JSON import request. */
export async function fileBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
