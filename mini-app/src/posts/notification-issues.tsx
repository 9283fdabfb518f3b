import { formatDateTimeVi, type NotificationIssueList } from '@loa/shared';
import { useQuery } from '@tanstack/react-query';
import { request } from '../lib/request';

const kindLabels: Record<string, string> = {
  reminder: 'Nhắc việc',
  urge: 'Đôn đốc',
  escalation: 'Báo cáo chậm tiến độ',
  share_task: 'Việc chia sẻ',
  review_result: 'Kết quả duyệt',
};

/** Messages to people that did not go out: staff call them instead. */
export function NotificationIssues() {
  const query = useQuery({
    queryKey: ['notification-issues'],
    queryFn: ({ signal }) => request<NotificationIssueList>('/api/notifications/issues', { signal }),
  });
  if (!query.data || query.data.notifications.length === 0) return null;
  return (
    <section aria-labelledby="issues-title">
      <h3 id="issues-title">Tin nhắn chưa đến được người nhận</h3>
      <ul className="ledger">
        {query.data.notifications.map((n) => (
          <li key={n.id} className="ledger-row status-failed">
            <strong>
              {kindLabels[n.kind] ?? n.kind}: {n.memberName ?? 'Không rõ người nhận'}
              {n.memberPhone ? ` · ${n.memberPhone.replace(/^84/, '0')}` : ''}
            </strong>
            <span>{formatDateTimeVi(n.createdAt)}</span>
            <span className="ledger-reason">{n.errorReason ?? 'Chưa rõ kết quả gửi.'}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
