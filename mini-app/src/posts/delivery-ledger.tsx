import { type Delivery, deliveryStatusName, formatDateTimeVi } from '@loa/shared';
import { Row, RowList } from '../components/card-list';
import { QueryGate } from '../components/query-gate';
import { useDeliveries } from './use-posts';

/** Each group's delivery of this post: status, when, by whom, and the reason when it failed. */
export function DeliveryLedger({ postId }: { postId: string }) {
  const query = useDeliveries(postId);
  return (
    <QueryGate
      query={query}
      isEmpty={(data) => data.deliveries.length === 0}
      empty="Chưa có lượt gửi nào. Lượt gửi xuất hiện khi đến giờ."
    >
      {({ deliveries }) => <DeliveryRows deliveries={deliveries} />}
    </QueryGate>
  );
}

function DeliveryRows({ deliveries }: { deliveries: Delivery[] }) {
  return (
    <RowList label="Các lượt gửi">
      {deliveries.map((d) => (
        <Row key={d.id} className={`ledger-row status-${d.status}`}>
          <strong>{d.targetName}</strong>
          <span className="ledger-status">{deliveryStatusName(d.status)}</span>
          <span>Lịch: {formatDateTimeVi(d.dueAt)}</span>
          {d.sentAt ? <span>Gửi lúc {formatDateTimeVi(d.sentAt)}</span> : null}
          {d.zaloMessageId ? <span className="ledger-message-id">Mã tin Zalo: {d.zaloMessageId}</span> : null}
          {d.sharedAt ? (
            <span>
              {d.status === 'done' ? `Phát ${d.broadcastCount ?? 0} lần` : 'Chia sẻ'} bởi{' '}
              {d.sharedByName ?? 'thành viên tổ'} lúc {formatDateTimeVi(d.sharedAt)}
            </span>
          ) : null}
          {d.errorReason && d.status !== 'sent' ? (
            <span className="ledger-reason">{d.errorReason}</span>
          ) : null}
        </Row>
      ))}
    </RowList>
  );
}
