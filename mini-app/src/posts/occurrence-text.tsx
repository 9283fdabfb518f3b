import { useState } from 'react';
import { Button } from 'zmp-ui';
import { ConfirmButton } from '../components/confirm-button';
import { ErrorNote } from '../components/status-views';
import { useEditOccurrence } from './use-posts';

/**
 * Nội dung riêng of one send still ahead: a text sent instead of the post's own at that time only (a
 * correction for the evening send, say). The server checks it as it checks a post's text, refuses it
 * once the send went out (409), audits it, and puts an approved post back to "Chờ duyệt": a leader
 * approves what goes out.
 */
export function OccurrenceText({ id, bodyOverride }: { id: string; bodyOverride: string | null }) {
  const edit = useEditOccurrence();
  const [text, setText] = useState(bodyOverride ?? '');
  const trimmed = text.trim();
  const unchanged = trimmed === (bodyOverride ?? '');
  return (
    <fieldset className="occurrence-text">
      <legend>Nội dung riêng cho lượt này</legend>
      <textarea
        aria-label="Nội dung riêng cho lượt này"
        rows={4}
        maxLength={4000}
        value={text}
        placeholder="Để trống: gửi nội dung chung của bài."
        onChange={(event) => setText(event.target.value)}
      />
      <ErrorNote error={edit.error} />
      <ConfirmButton
        size="medium"
        variant="secondary"
        title="Lưu nội dung riêng cho lượt này?"
        description="Chỉ lượt này gửi nội dung mới; các lượt khác giữ nội dung chung. Nếu bài đã được duyệt, bài trở về “Chờ duyệt” để lãnh đạo duyệt lại."
        confirmText="Lưu nội dung"
        disabled={trimmed === '' || unchanged}
        loading={edit.isPending}
        onConfirm={() => edit.mutate({ id, bodyOverride: trimmed })}
      >
        Lưu nội dung riêng
      </ConfirmButton>
      {bodyOverride ? (
        <Button
          size="medium"
          variant="tertiary"
          loading={edit.isPending}
          onClick={() => edit.mutate({ id, bodyOverride: null }, { onSuccess: () => setText('') })}
        >
          Dùng lại nội dung chung
        </Button>
      ) : null}
      {edit.isSuccess ? <p role="status">Đã lưu nội dung của lượt này.</p> : null}
    </fieldset>
  );
}
