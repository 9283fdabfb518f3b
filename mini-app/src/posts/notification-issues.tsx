import { formatDateTimeVi } from '@loa/shared';
import { Row, RowList } from '../components/card-list';
import { ErrorNote } from '../components/status-views';
import { useNotificationIssues } from './use-posts';

const kindLabels: Record<string, string> = {
  reminder: 'Nhắc việc',
  urge: 'Đôn đốc',
  escalation: 'Báo cáo chậm tiến độ',
  share_task: 'Việc chia sẻ',
  review_result: 'Kết quả duyệt',
};

/** A kind the app does not know yet (a newer server) is still a message to someone, never a raw code. */
const kindLabel = (kind: string) => kindLabels[kind] ?? 'Tin nhắn';

/**
 * Messages to people that did not go out: staff call them instead. Nothing while it loads or when there
 * are none (the section only appears when there is something to do); a failure says so, with "Thử lại".
 */
export function NotificationIssues() {
  const query = useNotificationIssues();
  if (query.isError)
    return (
      <section aria-labelledby="issues-title">
        <h3 id="issues-title">Tin nhắn chưa đến được người nhận</h3>
        <ErrorNote
          error={query.error}
          context="Không tải được danh sách tin nhắn chưa gửi được."
          onRetry={() => void query.refetch()}
          retrying={query.isFetching}
        />
      </section>
    );
  if (!query.data || query.data.notifications.length === 0) return null;
  return (
    <section aria-labelledby="issues-title">
      <h3 id="issues-title">Tin nhắn chưa đến được người nhận</h3>
      <RowList label="Tin nhắn chưa gửi được">
        {query.data.notifications.map((n) => (
          <Row key={n.id} className="ledger-row status-failed">
            <strong>
              {kindLabel(n.kind)}: {n.memberName ?? 'Không rõ người nhận'}
              {n.memberPhone ? ` · ${n.memberPhone.replace(/^84/, '0')}` : ''}
            </strong>
            <span>{formatDateTimeVi(n.createdAt)}</span>
            <span className="ledger-reason">{n.errorReason ?? 'Chưa rõ kết quả gửi.'}</span>
          </Row>
        ))}
      </RowList>
    </section>
  );
}
