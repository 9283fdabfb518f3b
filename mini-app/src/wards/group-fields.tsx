import type { SetupUnit } from '@loa/shared';
import { TextField } from '../components/form-fields';
import { UnitSelect } from './unit-select';

type GroupField = 'name' | 'khuPhoUnitId' | 'responsibleUnitId';

/**
 * A Zalo group's name, its khu phố and the team that shares posts into it: the fields the register
 * form and the edit form share, with the same words. A group being registered has no khu phố yet.
 */
export function GroupFields(props: {
  units: SetupUnit[];
  form: Record<GroupField, string>;
  set: (key: GroupField) => (value: string) => void;
  registering?: boolean;
}) {
  const { units, form, set } = props;
  return (
    <>
      <TextField label="Tên nhóm" value={form.name} onChange={set('name')} />
      <UnitSelect
        label="Khu phố của nhóm"
        value={form.khuPhoUnitId}
        onChange={set('khuPhoUnitId')}
        units={units}
        kind="khu_pho"
        {...(props.registering ? { none: 'Chọn khu phố' } : {})}
      />
      <UnitSelect
        label="Tổ chia sẻ vào nhóm"
        value={form.responsibleUnitId}
        onChange={set('responsibleUnitId')}
        units={units}
        kind="digital_team"
        none="(không có)"
      />
    </>
  );
}
