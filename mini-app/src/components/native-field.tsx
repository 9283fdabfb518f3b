import { useId } from 'react';

interface NativeFieldProps {
  label: string;
  type: 'date' | 'datetime-local';
  value: string;
  onChange: (value: string) => void;
  error?: string;
}

/** zmp-ui's Input has no date types; the phone's own date picker is the best one anyway. */
export function NativeField({ label, type, value, onChange, error }: NativeFieldProps) {
  const id = useId();
  return (
    <div className="native-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        value={value}
        aria-invalid={Boolean(error)}
        onChange={(event) => onChange(event.target.value)}
      />
      {error ? <span className="form-error">{error}</span> : null}
    </div>
  );
}
