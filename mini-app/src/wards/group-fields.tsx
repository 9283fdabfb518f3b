import { TextField } from '../components/form-fields';
import { ChoicesStatus } from '../components/status-views';
import { UnitSelect } from './unit-select';
import { useSetupUnits } from './use-ward-setup';

type GroupField = 'name' | 'khuPhoUnitId' | 'responsibleUnitId';

/**
 * A Zalo group's name, its khu phố and the team that shares posts into it: the fields the register
 * form and the edit form share, with the same words. A group being registered has no khu phố yet.
 * The choices come from the ward's units; while they load or when they fail, the form says so (an
 * empty khu phố list would otherwise leave "Đăng ký nhóm" disabled with no reason).
 */
export function GroupFields(props: {
  form: Record<GroupField, string>;
  set: (key: GroupField) => (value: string) => void;
  registering?: boolean;
}) {
  const { form, set } = props;
  const unitList = useSetupUnits();
  const units = unitList.data?.units ?? [];
  return (
    <>
      <TextField label="Tên nhóm" value={form.name} onChange={set('name')} />
      <ChoicesStatus query={unitList} what="danh sách khu phố và tổ" />
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
