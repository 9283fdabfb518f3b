import type { Post } from '@loa/shared';
import { useSnackbar } from 'zmp-ui';
import { useSession } from '../auth/use-session';
import { ConfirmButton } from '../components/confirm-button';
import { ErrorNote } from '../components/status-views';
import { useApprovePost } from './use-posts';

/**
 * The approval of a draft post, where Duyệt and Bài đăng show it. A post goes out in the Committee's
 * name, so it is approved by a leader who did not write it (the server checks it too); everyone else
 * is told who it waits for.
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
    </>
  );
}
