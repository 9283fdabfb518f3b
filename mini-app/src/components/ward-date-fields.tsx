import { wardDayOf } from '@loa/shared';
import { DatePicker, Picker } from 'zmp-ui';

/**
 * Days and times as the ward reads them: dd/mm/yyyy and 24-hour time, in Vietnam time whatever the
 * phone's own settings (a browser's date input follows the phone: mm/dd/yyyy on some). Values are
 * the ward's calendar day "2026-12-01" and "07:30", which `wardInstant` in shared/ turns into an
 * instant.
 */
const pad = (n: number) => String(n).padStart(2, '0');

/** zmp-ui's picker works with local Date objects; only their year, month and day are used. */
const toPickerDate = (day: string) => {
  const [year = 1970, month = 1, date = 1] = day.split('-').map(Number);
  return new Date(year, month - 1, date);
};
const fromPickerDate = (date: Date) =>
  `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

/** Today in the ward, whatever the phone's time zone. */
export const wardToday = () => wardDayOf(new Date());

interface DayFieldProps {
  label: string;
  value: string;
  onChange: (day: string) => void;
  /** The first and last day that may be picked (e.g. the plan's period). */
  min?: string;
  max?: string;
  error?: string;
}

export function WardDayField({ label, value, onChange, min, max, error }: DayFieldProps) {
  return (
    <div className="ward-field" data-field={label}>
      <DatePicker
        label={label}
        title={label}
        placeholder="dd/mm/yyyy"
        dateFormat="dd/mm/yyyy"
        columnsFormat="DD-MM-YYYY"
        // zmp-ui's picker reads its value once, when it mounts (later values arrive a render late):
        // the first value is also given as the default, so it shows from the start.
        defaultValue={value ? toPickerDate(value) : undefined}
        value={value ? toPickerDate(value) : undefined}
        startDate={min ? toPickerDate(min) : undefined}
        endDate={max ? toPickerDate(max) : undefined}
        mask
        maskClosable
        action={{ text: 'Xong', close: true }}
        status={error ? 'error' : ''}
        errorText={error}
        onChange={(date) => onChange(fromPickerDate(date))}
      />
    </div>
  );
}

const hours = Array.from({ length: 24 }, (_, h) => ({ value: pad(h), displayName: pad(h) }));
const minutes = Array.from({ length: 60 }, (_, m) => ({ value: pad(m), displayName: pad(m) }));

interface TimeFieldProps {
  label: string;
  /** "07:30" */
  value: string;
  onChange: (time: string) => void;
}

export function WardTimeField({ label, value, onChange }: TimeFieldProps) {
  const [hour = '07', minute = '00'] = value.split(':');
  return (
    <div className="ward-field" data-field={label}>
      <Picker
        label={label}
        title={`${label} (giờ Việt Nam)`}
        placeholder="hh:mm"
        mask
        maskClosable
        action={{ text: 'Xong', close: true }}
        data={[
          { name: 'hour', options: hours },
          { name: 'minute', options: minutes },
        ]}
        value={{ hour, minute }}
        formatPickedValueDisplay={(picked) =>
          `${picked.hour?.displayName ?? hour}:${picked.minute?.displayName ?? minute}`
        }
        onChange={(picked) =>
          onChange(`${String(picked.hour?.value ?? hour)}:${String(picked.minute?.value ?? minute)}`)
        }
      />
    </div>
  );
}
