import {
  deliveryStatusName,
  formatDateTimeVi,
  readingSeconds,
  readingTimeLabel,
  type ShareTask,
} from '@loa/shared';
import { useState } from 'react';
import { Button, useSnackbar } from 'zmp-ui';
import { Card, CardList } from '../components/card-list';
import { ConfirmButton } from '../components/confirm-button';
import { PageShell } from '../components/page-shell';
import { QueryGate } from '../components/query-gate';
import { ErrorNote } from '../components/status-views';
import { openShareSheet } from '../lib/zalo';
import { GroupPreview } from '../posts/group-preview';
import { useConfirmShared, useReportPlay, useShareTasks } from '../posts/use-posts';

/** A team member's share and loudspeaker tasks: share into the group, then confirm. */
export default function ShareTasksPage() {
  const query = useShareTasks();
  return (
    <PageShell title="Việc chia sẻ">
      <QueryGate
        query={query}
        isEmpty={(data) => data.tasks.length === 0}
        empty="Tổ chưa có bài nào cần chia sẻ."
      >
        {({ tasks }) => (
          <CardList label="Các việc chia sẻ">
            {tasks.map((task) => (
              <ShareTaskCard key={task.id} task={task} />
            ))}
          </CardList>
        )}
      </QueryGate>
    </PageShell>
  );
}

function ShareTaskCard({ task }: { task: ShareTask }) {
  const confirm = useConfirmShared();
  const [note, setNote] = useState('');
  const waiting = task.status === 'waiting';
  const error = confirm.error;
  return (
    <Card className="share-task">
      <strong>{task.targetName}</strong>
      <span>
        {deliveryStatusName(task.status)} · lịch {formatDateTimeVi(task.dueAt)}
      </span>
      <GroupPreview text={task.body} groupName={task.targetName} />
      {waiting && task.targetKind === 'team_share' ? (
        <>
          <Button
            size="large"
            fullWidth
            onClick={async () => {
              const outcome = await openShareSheet(task.body);
              setNote(
                outcome === 'copied'
                  ? 'Đã sao chép nội dung: dán vào nhóm Zalo của khu phố.'
                  : outcome === 'unavailable'
                    ? 'Chưa chia sẻ được. Bấm “Chia sẻ vào nhóm” lần nữa, hoặc sao chép nội dung bằng tay.'
                    : '',
              );
            }}
          >
            Chia sẻ vào nhóm
          </Button>
          <ConfirmButton
            variant="secondary"
            title="Đã chia sẻ vào nhóm?"
            description="Xác nhận bạn đã đăng bài này vào nhóm Zalo của khu phố. Văn phòng sẽ thấy tên bạn trong nhật ký gửi."
            confirmText="Xác nhận đã chia sẻ"
            loading={confirm.isPending}
            onConfirm={() => confirm.mutate(task.id)}
          >
            Đã chia sẻ
          </ConfirmButton>
        </>
      ) : null}
      {task.targetKind === 'loudspeaker' && (waiting || task.status === 'done') ? (
        <LoudspeakerPlays task={task} />
      ) : null}
      {task.sharedAt ? (
        <span>
          {task.sharedByName ?? 'Thành viên tổ'} xác nhận lúc {formatDateTimeVi(task.sharedAt)}
        </span>
      ) : null}
      {note ? <p role="status">{note}</p> : null}
      <ErrorNote error={error} />
    </Card>
  );
}

/**
 * A loudspeaker task: the script to read (with its reading time) and one tap per play, so the office
 * sees when each play happened; the report counts the plays.
 */
function LoudspeakerPlays({ task }: { task: ShareTask }) {
  const report = useReportPlay();
  const { openSnackbar } = useSnackbar();
  const plays = task.broadcastCount ?? 0;
  return (
    <div className="loudspeaker-plays">
      <p className="reading-time">Thời lượng đọc: {readingTimeLabel(readingSeconds(task.body))}</p>
      <p>{plays > 0 ? `Tổ đã báo phát ${plays} lần.` : 'Chưa báo lần phát nào.'}</p>
      <Button
        size="large"
        fullWidth
        loading={report.isPending}
        onClick={() =>
          report.mutate(task.id, {
            onSuccess: ({ total }) =>
              openSnackbar({ text: `Đã ghi lần phát thứ ${total}.`, type: 'success' }),
          })
        }
      >
        {plays > 0 ? 'Báo thêm một lần phát' : 'Báo đã phát một lần'}
      </Button>
      <ErrorNote error={report.error} />
    </div>
  );
}
