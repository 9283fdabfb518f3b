import type { Dispatch, SetStateAction } from 'react';
import { taskKindLabels } from '../tasks/labels';
import type { EditState, TaskEdit } from './edit-state';
import { FieldBox } from './field-box';

interface TaskEditorProps {
  edit: EditState;
  setEdit: Dispatch<SetStateAction<EditState>>;
  onShow: (lines: number[]) => void;
}

/** The proposed tasks: keep or drop each, and correct its title, due time, photos and who does it. */
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
            {taskKindLabels[task.kind]}
            {task.place ? ` · ${task.place.name}` : ''}
          </label>
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
