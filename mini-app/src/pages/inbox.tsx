import { type ConversationSummary, formatDateTimeVi } from '@loa/shared';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Button } from 'zmp-ui';
import { Card, CardList } from '../components/card-list';
import { PageShell } from '../components/page-shell';
import { QueryGate } from '../components/query-gate';
import { useConversations } from '../conversations/use-inbox';

/** Staff inbox: people who wrote to the ward's OA, those waiting for staff first. */
export function InboxPage() {
  const [filter, setFilter] = useState<'staff' | 'all'>('staff');
  const query = useConversations(filter);
  return (
    <PageShell title="Hộp thư OA">
      <div className="inbox-filter">
        <Button
          size="small"
          variant={filter === 'staff' ? 'primary' : 'tertiary'}
          onClick={() => setFilter('staff')}
        >
          Chờ cán bộ
        </Button>
        <Button
          size="small"
          variant={filter === 'all' ? 'primary' : 'tertiary'}
          onClick={() => setFilter('all')}
        >
          Tất cả
        </Button>
      </div>
      <QueryGate
        query={query}
        isEmpty={(data) => data.conversations.length === 0}
        empty={
          filter === 'staff'
            ? 'Không có ai đang chờ cán bộ trả lời. Trợ lý tự động đang trả lời các tin nhắn khác.'
            : 'Chưa có ai nhắn cho OA của phường.'
        }
      >
        {({ conversations }) => (
          <CardList label="Các cuộc trò chuyện">
            {conversations.map((conversation) => (
              <ConversationRow key={conversation.id} conversation={conversation} />
            ))}
          </CardList>
        )}
      </QueryGate>
    </PageShell>
  );
}

function ConversationRow({ conversation: c }: { conversation: ConversationSummary }) {
  const navigate = useNavigate();
  return (
    <Card
      className="inbox-row"
      data-testid={`conversation-${c.id}`}
      onOpen={() => navigate(`/inbox/${c.id}`)}
    >
      <span className="inbox-row-head">
        <strong>{c.displayName}</strong>
        {c.unreadCount > 0 ? (
          <span className="inbox-unread" title="Số tin chưa đọc">
            {c.unreadCount}
          </span>
        ) : null}
      </span>
      <span className="inbox-row-text">{c.lastText}</span>
      <small>
        {c.status === 'staff'
          ? `Chờ cán bộ · ${c.handoverReason ?? ''}`
          : c.resolvedAt
            ? 'Đã xử lý'
            : 'Trợ lý tự động'}
        {' · '}
        {formatDateTimeVi(c.lastMessageAt)}
      </small>
    </Card>
  );
}
