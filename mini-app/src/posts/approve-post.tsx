import type { Post } from '@loa/shared';
import { useState } from 'react';
import { useSnackbar } from 'zmp-ui';
import { useSession } from '../auth/use-session';
import { ConfirmButton } from '../components/confirm-button';
import { ErrorNote } from '../components/status-views';
import { useApprovePost, useSendBack } from './use-posts';

/**
 * The approval of a draft post, where Duyệt and Bài đăng show it. A post goes out in the Committee's
 * name, so it is approved by a leader who did not write it (the server checks it too); everyone else
 * is told who it waits for. A leader may instead send it back to its author with a reason.
 */
export function ApprovePost({ post }: { post: Pick<Post, 'id' | 'version' | 'createdBy'> }) {
  const { session } = useSession();
  const approve = useApprovePost();
  const { openSnackbar } = useSnackbar();
  if (session?.role !== 'leader') return <p className="detail-meta">Chờ lãnh đạo duyệt.</p>;
  if (post.createdBy === session.memberId)
    return <p className="detail-meta">Bạn là người soạn bài này nên không tự duyệt được.</p>;
  return (
    <>
      <ConfirmButton
        title="Duyệt bài này?"
        description="Bài sẽ được duyệt với tên của bạn và có thể được lên lịch gửi vào các nhóm Zalo khu phố."
        confirmText="Duyệt"
        loading={approve.isPending}
        onConfirm={() =>
          approve.mutate(post, {
            onSuccess: () => openSnackbar({ text: 'Đã duyệt bài đăng.', type: 'success' }),
          })
        }
      >
        Duyệt bài
      </ConfirmButton>
      <ErrorNote error={approve.error} />
      <SendBack post={post} />
    </>
  );
}

/** A leader returns the post to its author with a reason (the author sees it on the post). */
export function SendBack({ post }: { post: Pick<Post, 'id' | 'version'> }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const sendBack = useSendBack();
  const { openSnackbar } = useSnackbar();
  if (!open)
    return (
      <button type="button" className="link-button" onClick={() => setOpen(true)}>
        Trả lại cho người soạn…
      </button>
    );
  return (
    <div className="send-back">
      <label htmlFor={`send-back-${post.id}`}>Lý do trả lại (người soạn sẽ thấy)</label>
      <textarea
        id={`send-back-${post.id}`}
        rows={3}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
      />
      <ConfirmButton
        variant="secondary"
        title="Trả lại bài này?"
        description="Bài quay về người soạn kèm lý do của bạn, và chưa được gửi đi cho đến khi được sửa và duyệt."
        confirmText="Trả lại"
        disabled={reason.trim().length === 0}
        loading={sendBack.isPending}
        onConfirm={() =>
          sendBack.mutate(
            { id: post.id, version: post.version, reason },
            {
              onSuccess: () => {
                setOpen(false);
                setReason('');
                openSnackbar({ text: 'Đã trả lại bài cho người soạn.', type: 'success' });
              },
            },
          )
        }
      >
        Trả lại bài
      </ConfirmButton>
      <ErrorNote error={sendBack.error} />
    </div>
  );
}
