import { type ConversationMessage, formatDateTimeVi, ZALO_TEXT_MAX_CHARS } from '@loa/shared';
import { useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router-dom';
import { Button } from 'zmp-ui';
import { ConfirmButton } from '../components/confirm-button';
import { PageShell } from '../components/page-shell';
import { QueryGate } from '../components/query-gate';
import { ErrorNote } from '../components/status-views';
import { useCloseConversation, useMarkRead, useStaffReply, useThread } from '../conversations/use-inbox';
import { zaloLengthHint } from '../lib/zalo-text';

const authorLabel = (m: ConversationMessage, person: string) =>
  m.author === 'person' ? person : m.author === 'bot' ? 'Trợ lý tự động' : (m.authorName ?? 'Cán bộ');
const kindLabel: Record<ConversationMessage['kind'], string> = {
  text: '',
  image: '[Ảnh] ',
  location: '[Vị trí] ',
  other: '[Tin nhắn khác] ',
};
const statusLabel: Record<string, string> = {
  queued: 'đang chờ gửi',
  sending: 'đang gửi',
  sent: 'đã gửi',
  failed: 'không gửi được',
};

/** One conversation: the thread, a reply box, and handing it back to the bot. */
export function InboxThreadPage() {
  const { id = '' } = useParams();
  const query = useThread(id);
  const markRead = useMarkRead();
  const unread = query.data?.conversation.unreadCount ?? 0;
  // Opening the thread (and each new message while it is open) counts as read.
  useEffect(() => {
    if (unread > 0) markRead.mutate(id);
  }, [id, unread, markRead.mutate]);
  return (
    <PageShell title={query.data?.conversation.displayName ?? 'Cuộc trò chuyện'} showBack>
      <QueryGate query={query}>
        {({ conversation, messages }) => {
          const windowOpen =
            conversation.windowClosesAt !== null && Date.parse(conversation.windowClosesAt) > Date.now();
          return (
            <>
              <p className="inbox-status">
                {conversation.status === 'staff'
                  ? `Đang do cán bộ trả lời (${conversation.handoverReason ?? 'chuyển cán bộ'}); trợ lý tự động im lặng.`
                  : 'Trợ lý tự động đang trả lời cuộc này.'}
              </p>
              <ol className="inbox-thread" aria-label="Tin nhắn">
                {messages.map((m) => (
                  <li key={m.id} className={`inbox-msg inbox-msg-${m.direction}`}>
                    <small>
                      {authorLabel(m, conversation.displayName)} · {formatDateTimeVi(m.createdAt)}
                      {m.status && m.status !== 'sent' ? ` · ${statusLabel[m.status]}` : ''}
                    </small>
                    <span>
                      {kindLabel[m.kind]}
                      {m.text}
                    </span>
                    {m.status === 'failed' && m.errorReason ? (
                      <span role="alert" className="form-error">
                        {m.errorReason}
                      </span>
                    ) : null}
                  </li>
                ))}
              </ol>
              {windowOpen ? (
                <ReplyBox id={id} />
              ) : (
                <p role="alert" className="form-error">
                  Người này không nhắn cho OA trong 7 ngày qua nên Zalo không cho OA trả lời. Hãy gọi điện cho
                  họ, hoặc chờ họ nhắn lại OA rồi trả lời trong vòng 7 ngày.
                </p>
              )}
              <CloseButtons id={id} withStaff={conversation.status === 'staff'} />
            </>
          );
        }}
      </QueryGate>
    </PageShell>
  );
}

function ReplyBox({ id }: { id: string }) {
  const reply = useStaffReply(id);
  const [text, setText] = useState('');
  // One id per reply being written: pressing Gửi again after a network error sends it once.
  const requestId = useRef(crypto.randomUUID());
  const length = zaloLengthHint(text);
  return (
    <form
      className="inbox-reply"
      onSubmit={(event) => {
        event.preventDefault();
        if (!text.trim() || length.over) return;
        reply.mutate(
          { text, requestId: requestId.current },
          {
            onSuccess: () => {
              setText('');
              requestId.current = crypto.randomUUID();
            },
          },
        );
      }}
    >
      <label htmlFor="inbox-reply-text">
        Trả lời (tin tư vấn qua OA, tối đa {ZALO_TEXT_MAX_CHARS.toLocaleString('vi-VN')} ký tự)
      </label>
      {/* No maxLength: it counts raw UTF-16, not as Zalo does (NFC, emoji 2); the count below does. */}
      <textarea
        id="inbox-reply-text"
        value={text}
        rows={3}
        onChange={(event) => setText(event.target.value)}
      />
      <p className={length.over ? 'char-count over' : 'char-count'} aria-live="polite">
        {length.label}
      </p>
      <ErrorNote error={reply.error} />
      <Button htmlType="submit" fullWidth loading={reply.isPending} disabled={!text.trim() || length.over}>
        Gửi trả lời
      </Button>
    </form>
  );
}

function CloseButtons({ id, withStaff }: { id: string; withStaff: boolean }) {
  const close = useCloseConversation(id);
  return (
    <div className="inbox-actions">
      <ErrorNote error={close.error} />
      <ConfirmButton
        variant="secondary"
        title="Đánh dấu đã xử lý?"
        description="Cuộc trò chuyện rời khỏi danh sách chờ cán bộ; trợ lý tự động trả lời các tin nhắn sau."
        confirmText="Đã xử lý"
        loading={close.isPending}
        onConfirm={() => close.mutate('resolve')}
      >
        Đã xử lý
      </ConfirmButton>
      {withStaff ? (
        <ConfirmButton
          variant="tertiary"
          title="Trả về trợ lý tự động?"
          description="Người dân sẽ nhận tin báo rằng trợ lý tự động tiếp tục hỗ trợ họ."
          confirmText="Trả về trợ lý"
          loading={close.isPending}
          onConfirm={() => close.mutate('hand-back')}
        >
          Trả về trợ lý tự động
        </ConfirmButton>
      ) : null}
    </div>
  );
}
