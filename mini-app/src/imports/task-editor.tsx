import type { Dispatch, SetStateAction } from 'react';
import { taskKindLabels } from '../tasks/labels';
import { type EditState, type TaskEdit, withKind } from './edit-state';
import { FieldBox } from './field-box';

interface TaskEditorProps {
  edit: EditState;
  setEdit: Dispatch<SetStateAction<EditState>>;
  onShow: (lines: number[]) => void;
}

const KINDS = Object.entries(taskKindLabels) as [TaskEdit['kind'], string][];

/** The proposed tasks: keep or drop each, and correct its kind, place, title, due time, photos and who does it. */
export function TaskEditor({ edit, setEdit, onShow }: TaskEditorProps) {
  const update = (i: number, change: Partial<TaskEdit>) =>
    setEdit((s) => ({ ...s, tasks: s.tasks.map((t, j) => (j === i ? { ...t, ...change } : t)) }));
  if (edit.tasks.length === 0)
    return <p>Không có nhiệm vụ nào được đề xuất. Thêm nhiệm vụ sau khi lưu kế hoạch.</p>;
  return (
    <ol className="import-tasks">
      {edit.tasks.map((task, i) => (
        <li key={task.key} className={task.include ? undefined : 'dropped'}>
          <label className="check">
            <input
              type="checkbox"
              checked={task.include}
              onChange={(e) => update(i, { include: e.target.checked })}
            />
            Giữ nhiệm vụ {i + 1}: {taskKindLabels[task.kind]}
            {task.placeName.trim() ? ` · ${task.placeName.trim()}` : ''}
          </label>
          <FieldBox label={`Loại nhiệm vụ ${i + 1}`} onShow={onShow}>
            {(id, focus) => (
              <select
                id={id}
                onFocus={focus}
                value={task.kind}
                onChange={(e) =>
                  setEdit((s) => ({
                    ...s,
                    tasks: s.tasks.map((t, j) =>
                      j === i ? withKind(t, e.target.value as TaskEdit['kind']) : t,
                    ),
                  }))
                }
              >
                {KINDS.map(([kind, label]) => (
                  <option key={kind} value={kind}>
                    {label}
                  </option>
                ))}
              </select>
            )}
          </FieldBox>
          <FieldBox
            label={`Nhiệm vụ ${i + 1}`}
            source={{ lines: [task.line], confidence: 0.7 }}
            onShow={onShow}
          >
            {(id, focus) => (
              <input
                id={id}
                onFocus={focus}
                value={task.title}
                onChange={(e) => update(i, { title: e.target.value })}
              />
            )}
          </FieldBox>
          <FieldBox label={`Hạn nhiệm vụ ${i + 1}`} onShow={onShow}>
            {(id, focus) => (
              <input
                id={id}
                onFocus={focus}
                type="datetime-local"
                value={task.due}
                onChange={(e) => update(i, { due: e.target.value })}
              />
            )}
          </FieldBox>
          <FieldBox
            label={`Địa điểm, nhiệm vụ ${i + 1}`}
            hint={
              task.kind === 'hang_banner'
                ? 'Nơi treo băng rôn; để trống nếu các tổ tự chọn nơi treo.'
                : undefined
            }
            onShow={onShow}
          >
            {(id, focus) => (
              <input
                id={id}
                onFocus={focus}
                value={task.placeName}
                placeholder="Ví dụ: Trụ sở UBND phường"
                onChange={(e) => update(i, { placeName: e.target.value })}
              />
            )}
          </FieldBox>
          <PlaceMatch place={task.place} typed={task.placeName} />
          <label className="check">
            <input
              type="checkbox"
              checked={task.locationRequired}
              onChange={(e) => update(i, { locationRequired: e.target.checked })}
            />
            Ảnh phải chụp tại địa điểm (kiểm tra vị trí)
          </label>
          <FieldBox label={`Số ảnh minh chứng, nhiệm vụ ${i + 1}`} onShow={onShow}>
            {(id, focus) => (
              <input
                id={id}
                onFocus={focus}
                type="number"
                min={0}
                max={20}
                value={task.photos}
                onChange={(e) =>
                  update(i, { photos: Math.max(0, Math.min(20, Number(e.target.value) || 0)) })
                }
              />
            )}
          </FieldBox>
          <FieldBox label={`Giao cho (cách nhau bởi dấu ;), nhiệm vụ ${i + 1}`} onShow={onShow}>
            {(id, focus) => (
              <input
                id={id}
                onFocus={focus}
                value={task.assignees}
                onChange={(e) => update(i, { assignees: e.target.value })}
              />
            )}
          </FieldBox>
          <label className="check">
            <input
              type="checkbox"
              checked={task.allTeams}
              onChange={(e) => update(i, { allTeams: e.target.checked })}
            />
            Giao cho tất cả tổ công nghệ số
          </label>
        </li>
      ))}
    </ol>
  );
}

/**
 * Whether the place is one of the ward's saved places (the server matched it when reading the plan):
 * then photos are checked within its circle; otherwise the name is kept as written.
 */
function PlaceMatch({ place, typed }: { place: TaskEdit['place']; typed: string }) {
  const name = typed.trim();
  if (!name) return null;
  const saved = place && place.name === name && place.lat !== undefined;
  return (
    <p className="field-hint" data-place-match={saved ? 'saved' : 'typed'}>
      {saved
        ? `Địa điểm đã lưu của phường: ảnh được kiểm tra trong bán kính ${place.radiusM ?? 100} m.`
        : 'Chưa khớp địa điểm đã lưu nào của phường: giữ tên như đã ghi (khi lưu, tên trùng một địa điểm đã lưu sẽ dùng tọa độ của địa điểm đó).'}
    </p>
  );
}
