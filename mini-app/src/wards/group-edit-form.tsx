import type { SetupGroup } from '@loa/shared';
import { useState } from 'react';
import { Button } from 'zmp-ui';
import { ConfirmButton } from '../components/confirm-button';
import { FormProblem } from '../components/status-views';
import { GroupFields } from './group-fields';
import { useEditGroup } from './use-ward-setup';

/**
 * Sửa nhóm Zalo: its name, the khu phố it belongs to, the team that shares into it, and whether posts
 * still go to it. How it is delivered (OA group or shared by a team) and its Zalo id stay as registered:
 * changing those is registering another group. The server audits each change.
 */
export function GroupEditForm(props: { group: SetupGroup; onDone: () => void }) {
  const { group, onDone } = props;
  const edit = useEditGroup();
  const [form, setForm] = useState({
    name: group.name,
    khuPhoUnitId: group.khuPhoUnitId,
    responsibleUnitId: group.responsibleUnitId ?? '',
    active: group.status === 'active',
  });
  const set = (key: 'name' | 'khuPhoUnitId' | 'responsibleUnitId') => (value: string) =>
    setForm((f) => ({ ...f, [key]: value }));
  // A khu phố group is shared into by hand: without a team nobody would do it.
  const needsTeam = group.deliveryMode === 'team_share' && form.responsibleUnitId === '';
  const problem =
    form.name.trim() === ''
      ? 'Hãy nhập tên nhóm.'
      : needsTeam
        ? 'Nhóm khu phố thường cần một tổ phụ trách chia sẻ bài vào nhóm. Chọn tổ.'
        : null;
  const save = () =>
    edit.mutate(
      {
        id: group.id,
        patch: {
          name: form.name.trim(),
          khuPhoUnitId: form.khuPhoUnitId,
          responsibleUnitId: form.responsibleUnitId || null,
          status: form.active ? 'active' : 'disabled',
        },
      },
      { onSuccess: onDone },
    );
  const stopping = group.status === 'active' && !form.active;
  return (
    <section className="card" aria-label={`Sửa nhóm ${group.name}`} data-testid="group-edit">
      <h2>Sửa nhóm “{group.name}”</h2>
      <p className="muted">
        {group.deliveryMode === 'oa_group' ? 'Nhóm do OA tạo (OA gửi trực tiếp).' : 'Nhóm khu phố thường.'}
      </p>
      <GroupFields form={form} set={set} />
      <label className="native-field checkbox-field">
        <input
          type="checkbox"
          checked={form.active}
          onChange={(event) => setForm((f) => ({ ...f, active: event.target.checked }))}
        />
        <span>Đang dùng (bài đăng được gửi vào nhóm này)</span>
      </label>
      <FormProblem problem={problem} error={edit.error} />
      {stopping ? (
        // Turning a group off stops the sends planned for it: asked first.
        <ConfirmButton
          variant="secondary"
          title="Tắt nhóm này?"
          description={`Bài đăng sẽ không còn được gửi vào “${group.name}”: các lần gửi đã lên lịch cho nhóm sẽ báo lỗi “nhóm đang tắt” cho tới khi bật lại.`}
          confirmText="Tắt và lưu"
          disabled={problem !== null}
          loading={edit.isPending}
          onConfirm={save}
        >
          Lưu nhóm
        </ConfirmButton>
      ) : (
        <Button
          variant="secondary"
          fullWidth
          disabled={problem !== null}
          loading={edit.isPending}
          onClick={save}
        >
          Lưu nhóm
        </Button>
      )}
      <Button variant="tertiary" fullWidth onClick={onDone}>
        Bỏ sửa
      </Button>
    </section>
  );
}
