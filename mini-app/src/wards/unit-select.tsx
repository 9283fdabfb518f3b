import type { SetupUnit, UnitKind } from '@loa/shared';
import { SelectField } from '../components/form-fields';

/**
 * A unit picker: the ward's units of one `kind` (a group's khu phố, the team that shares into it), or
 * every unit given when no kind is (the caller has chosen them); `none` is the empty choice's words.
 * It stays in wards/ because it picks from the ward's set-up units; the generic fields are in components/.
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
