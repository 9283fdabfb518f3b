import type { GroupOptionList } from '@loa/shared';
import { ErrorNote } from '../components/status-views';
import { useGroups } from './use-posts';

type Group = GroupOptionList['groups'][number];

/** "Nhóm Zalo Khu phố 2" before "Khu phố 10": numbers inside names compare as numbers. */
const byName = (a: Group, b: Group) => a.name.localeCompare(b.name, 'vi', { numeric: true });

/** Where a post goes: the khu phố groups (all at once, or some) and the teams' loudspeakers. */
export function TargetPicker({
  chosen,
  onChange,
  loudspeaker,
  onLoudspeaker,
}: {
  chosen: string[];
  onChange: (ids: string[]) => void;
  loudspeaker: boolean;
  onLoudspeaker: (on: boolean) => void;
}) {
  const groups = useGroups();
  const sorted = [...(groups.data?.groups ?? [])].sort(byName);
  const all = sorted.length > 0 && sorted.every((group) => chosen.includes(group.id));
  return (
    <fieldset>
      <legend>Nơi nhận</legend>
      {sorted.length > 0 ? (
        <label className="target-option target-all">
          <input
            type="checkbox"
            checked={all}
            onChange={(e) => onChange(e.target.checked ? sorted.map((group) => group.id) : [])}
          />{' '}
          Chọn tất cả {sorted.length} nhóm
        </label>
      ) : null}
      {sorted.map((group) => (
        <label key={group.id} className="target-option">
          <input
            type="checkbox"
            checked={chosen.includes(group.id)}
            onChange={(e) =>
              onChange(e.target.checked ? [...chosen, group.id] : chosen.filter((id) => id !== group.id))
            }
          />{' '}
          {group.name} ·{' '}
          {group.deliveryMode === 'oa_group'
            ? 'OA gửi trực tiếp'
            : `Tổ chia sẻ${group.responsibleUnitName ? `: ${group.responsibleUnitName}` : ''}`}
        </label>
      ))}
      <ErrorNote error={groups.error} />
      <label className="target-option">
        <input type="checkbox" checked={loudspeaker} onChange={(e) => onLoudspeaker(e.target.checked)} /> Bài
        đọc trên loa cho các tổ
      </label>
    </fieldset>
  );
}
