import { useState } from 'react';
import { Button } from 'zmp-ui';
import { ErrorNote } from '../components/status-views';
import { GroupPreview } from './group-preview';
import { lengthHint } from './text';
import { useCreatePost } from './use-posts';

/** Soạn bài: the text with a live count (NFC, as the server counts), and the group preview beside it. */
export function ComposeForm({
  campaignId,
  onCreated,
  onCancel,
}: {
  campaignId: string;
  onCreated: (id: string) => void;
  onCancel?: () => void;
}) {
  const [body, setBody] = useState('');
  const create = useCreatePost();
  const hint = lengthHint(body);
  return (
    <form
      className="compose-form"
      onSubmit={(event) => {
        event.preventDefault();
        // No linkPath: the server links the post to its own page in the mini app (its ward, this post).
        create.mutate({ campaignId, body }, { onSuccess: (post) => onCreated(post.id) });
      }}
    >
      <label htmlFor="post-body">Nội dung bài đăng</label>
      <textarea id="post-body" rows={8} value={body} onChange={(event) => setBody(event.target.value)} />
      <p className={hint.over ? 'char-count over' : 'char-count'} aria-live="polite">
        {hint.label}
      </p>
      <GroupPreview text={body} />
      <ErrorNote error={create.error} />
      <Button
        htmlType="submit"
        size="large"
        fullWidth
        disabled={hint.count === 0 || hint.over}
        loading={create.isPending}
      >
        Lưu và gửi lãnh đạo duyệt
      </Button>
      {onCancel ? (
        <Button size="large" variant="tertiary" fullWidth onClick={onCancel}>
          Hủy
        </Button>
      ) : null}
    </form>
  );
}
