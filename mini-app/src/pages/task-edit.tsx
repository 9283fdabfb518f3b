import type { Task } from '@loa/shared';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { Button, Input, useSnackbar } from 'zmp-ui';
import { useCampaignTasks } from '../campaigns/use-campaigns';
import { ConfirmButton } from '../components/confirm-button';
import { PageShell } from '../components/page-shell';
import { QueryGate } from '../components/query-gate';
import { ErrorNote } from '../components/status-views';
import { TaskFieldsForm } from '../tasks/task-form';
import { useCancelTask, useDeleteTask, useEditTask } from '../tasks/use-task-edit';

/**
 * Edit a task; cancel it with a reason the units read (their work is kept); delete it only while no
 * unit has acknowledged, reported or sent a photo.
 */
export function TaskEditPage() {
  const { id = '', taskId = '' } = useParams();
  const query = useCampaignTasks(id);
  return (
    <PageShell title="Sửa nhiệm vụ" showBack>
      <QueryGate query={query}>
        {({ tasks }) => {
          const task = tasks.find((t) => t.id === taskId);
          if (!task) return <p role="alert">Không tìm thấy nhiệm vụ này. Có thể nó đã bị xóa.</p>;
          if (task.cancelledAt)
            return (
              <p role="status" className="form-error">
                Nhiệm vụ đã bị hủy{task.cancelReason ? `: ${task.cancelReason}` : '.'}
              </p>
            );
          return <TaskEditor campaignId={id} task={task} />;
        }}
      </QueryGate>
    </PageShell>
  );
}

function TaskEditor({ campaignId, task }: { campaignId: string; task: Task }) {
  const edit = useEditTask(campaignId, task.id);
  const cancel = useCancelTask(campaignId, task.id);
  const remove = useDeleteTask(campaignId, task.id);
  const navigate = useNavigate();
  const { openSnackbar } = useSnackbar();
  const [reason, setReason] = useState('');
  const back = (text: string) => {
    openSnackbar({ text, type: 'success' });
    navigate(`/campaigns/${campaignId}`, { replace: true });
  };
  return (
    <>
      <TaskFieldsForm
        initial={{
          kind: task.kind,
          title: task.title,
          description: task.description,
          dueAt: task.dueAt,
          evidencePhotoCount: task.evidencePhotoCount,
          evidenceLocationRequired: task.evidenceLocationRequired,
          evidenceNumberLabel: task.evidenceNumberLabel,
          allowDoneWithoutPhotos: task.allowDoneWithoutPhotos ?? false,
          place: task.place
            ? {
                name: task.place.name,
                ...(task.place.lat != null ? { lat: task.place.lat } : {}),
                ...(task.place.lng != null ? { lng: task.place.lng } : {}),
                ...(task.place.radiusM != null ? { radiusM: task.place.radiusM } : {}),
              }
            : null,
        }}
        onSubmit={(fields) => edit.mutate(fields, { onSuccess: () => back('Đã lưu nhiệm vụ.') })}
      >
        {(fields) => (
          <>
            <ErrorNote error={edit.error} />
            <Button fullWidth size="large" htmlType="submit" loading={edit.isPending} disabled={!fields}>
              Lưu nhiệm vụ
            </Button>
          </>
        )}
      </TaskFieldsForm>

      <section className="form" aria-label="Hủy nhiệm vụ">
        <h2 className="section-title">Hủy nhiệm vụ</h2>
        <p className="detail-meta">
          Các đơn vị được giao sẽ thấy nhiệm vụ đã hủy và lý do; việc đã làm vẫn được giữ lại.
        </p>
        <Input.TextArea
          label="Lý do hủy *"
          aria-label="Lý do hủy"
          value={reason}
          maxLength={500}
          onChange={(event) => setReason(event.target.value)}
        />
        <ErrorNote error={cancel.error} />
        <ConfirmButton
          variant="secondary"
          title="Hủy nhiệm vụ này?"
          description={`“${task.title}” sẽ bị hủy với ${task.assignedCount} đơn vị được giao. Không hoàn tác được.`}
          confirmText="Hủy nhiệm vụ"
          disabled={reason.trim().length < 3}
          loading={cancel.isPending}
          onConfirm={() => cancel.mutate(reason.trim(), { onSuccess: () => back('Đã hủy nhiệm vụ.') })}
        >
          Hủy nhiệm vụ
        </ConfirmButton>
      </section>

      {task.hasWork ? (
        <p className="detail-meta">
          Đã có đơn vị xác nhận, gửi ảnh hoặc báo cáo nên nhiệm vụ không xóa được; hãy hủy nếu không cần nữa.
        </p>
      ) : (
        <section className="form" aria-label="Xóa nhiệm vụ">
          <ErrorNote error={remove.error} />
          <ConfirmButton
            variant="tertiary"
            title="Xóa nhiệm vụ này?"
            description={`“${task.title}” chưa có đơn vị nào làm nên sẽ bị xóa hẳn. Không hoàn tác được.`}
            confirmText="Xóa"
            loading={remove.isPending}
            onConfirm={() => remove.mutate(undefined, { onSuccess: () => back('Đã xóa nhiệm vụ.') })}
          >
            Xóa nhiệm vụ (tạo nhầm)
          </ConfirmButton>
        </section>
      )}
    </>
  );
}
