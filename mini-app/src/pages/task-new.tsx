import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { Button, Checkbox, useSnackbar } from 'zmp-ui';
import { useCreateTask, useUnits } from '../campaigns/use-campaigns';
import { PageShell } from '../components/page-shell';
import { ChoicesStatus, ErrorNote } from '../components/status-views';
import { TaskFieldsForm } from '../tasks/task-form';

/** New task in a campaign, assigned in the same step to all teams and/or chosen units (offices too). */
export function TaskNewPage() {
  const { id = '' } = useParams();
  const create = useCreateTask(id);
  const units = useUnits();
  const navigate = useNavigate();
  const { openSnackbar } = useSnackbar();
  const [allTeams, setAllTeams] = useState(true);
  const [unitIds, setUnitIds] = useState<string[]>([]);
  const targetsChosen = allTeams || unitIds.length > 0;

  return (
    <PageShell title="Thêm nhiệm vụ" showBack>
      <TaskFieldsForm
        onSubmit={(fields) => {
          if (!targetsChosen) return;
          create.mutate(
            { ...fields, assign: { allTeams, unitIds } },
            {
              onSuccess: (task) => {
                openSnackbar({
                  text: `Đã thêm nhiệm vụ và giao cho ${task.assignedCount} đơn vị.`,
                  type: 'success',
                });
                navigate(`/campaigns/${id}`, { replace: true });
              },
            },
          );
        }}
      >
        {(fields) => (
          <>
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
              <ChoicesStatus query={units} what="danh sách đơn vị" />
            </fieldset>
            <ErrorNote error={create.error} />
            <Button
              fullWidth
              size="large"
              htmlType="submit"
              loading={create.isPending}
              disabled={!fields || !targetsChosen}
            >
              Thêm và giao nhiệm vụ
            </Button>
          </>
        )}
      </TaskFieldsForm>
    </PageShell>
  );
}
