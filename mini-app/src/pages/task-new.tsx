import { type TaskInput, type TaskKind, wardInstant } from '@loa/shared';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { Button, Checkbox, Input, Select, useSnackbar } from 'zmp-ui';
import { useCreateTask, useUnits } from '../campaigns/use-campaigns';
import { PageShell } from '../components/page-shell';
import { ErrorNote } from '../components/status-views';
import { WardDayField, WardTimeField } from '../components/ward-date-fields';
import { taskKindLabels } from '../tasks/labels';

/** New task in a campaign, assigned in the same step to all teams and/or chosen units. */
export function TaskNewPage() {
  const { id = '' } = useParams();
  const create = useCreateTask(id);
  const units = useUnits();
  const navigate = useNavigate();
  const { openSnackbar } = useSnackbar();
  const [kind, setKind] = useState<TaskKind>('loudspeaker');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [dueDay, setDueDay] = useState('');
  const [dueTime, setDueTime] = useState('17:00');
  const [numberLabel, setNumberLabel] = useState('');
  const [placeName, setPlaceName] = useState('');
  const [allTeams, setAllTeams] = useState(true);
  const [unitIds, setUnitIds] = useState<string[]>([]);
  const ready = title.trim() !== '' && dueDay !== '' && (allTeams || unitIds.length > 0);

  const submit = () => {
    const input: TaskInput = {
      kind,
      title: title.trim(),
      description: description.trim(),
      dueAt: wardInstant(dueDay, dueTime).toISOString(),
      evidenceNumberLabel: numberLabel.trim() || null,
      place: placeName.trim() ? { name: placeName.trim() } : null,
      assign: { allTeams, unitIds },
    };
    create.mutate(input, {
      onSuccess: (task) => {
        openSnackbar({ text: `Đã thêm nhiệm vụ và giao cho ${task.assignedCount} đơn vị.`, type: 'success' });
        navigate(`/campaigns/${id}`, { replace: true });
      },
    });
  };

  return (
    <PageShell title="Thêm nhiệm vụ" showBack>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Select
          label="Loại nhiệm vụ"
          value={kind}
          onChange={(value) => setKind(value as TaskKind)}
          closeOnSelect
        >
          {(Object.keys(taskKindLabels) as TaskKind[]).map((k) => (
            <Select.Option key={k} value={k} title={taskKindLabels[k]} />
          ))}
        </Select>
        <Input
          label="Tên nhiệm vụ *"
          value={title}
          maxLength={300}
          onChange={(e) => setTitle(e.target.value)}
        />
        <Input.TextArea label="Mô tả" value={description} onChange={(e) => setDescription(e.target.value)} />
        <WardDayField label="Hạn hoàn thành: ngày *" value={dueDay} onChange={setDueDay} />
        <WardTimeField label="Hạn hoàn thành: giờ" value={dueTime} onChange={setDueTime} />
        <Input
          label="Con số cần báo cáo (nếu có)"
          placeholder="Số lần phát thanh"
          value={numberLabel}
          onChange={(e) => setNumberLabel(e.target.value)}
        />
        <Input label="Địa điểm (nếu có)" value={placeName} onChange={(e) => setPlaceName(e.target.value)} />
        <fieldset className="targets">
          <legend>Giao cho</legend>
          <Checkbox
            label="Tất cả các tổ công nghệ số"
            value="all"
            checked={allTeams}
            onChange={(e: { target: { checked: boolean } }) => setAllTeams(e.target.checked)}
          />
          {(units.data?.units ?? [])
            .filter((u) => u.kind !== 'digital_team')
            .map((u) => (
              <Checkbox
                key={u.id}
                label={u.name}
                value={u.id}
                checked={unitIds.includes(u.id)}
                onChange={(e: { target: { checked: boolean } }) =>
                  setUnitIds((ids) => (e.target.checked ? [...ids, u.id] : ids.filter((x) => x !== u.id)))
                }
              />
            ))}
        </fieldset>
        <ErrorNote error={create.error} />
        <Button fullWidth size="large" htmlType="submit" loading={create.isPending} disabled={!ready}>
          Thêm và giao nhiệm vụ
        </Button>
      </form>
    </PageShell>
  );
}
