import { formatDateTimeVi } from '@loa/shared';
import { useState } from 'react';
import { Button } from 'zmp-ui';
import { usePublicCampaign } from '../campaigns/use-public-campaign';
import { PageShell } from '../components/page-shell';
import { QueryGate } from '../components/query-gate';
import { ApprovePost } from '../posts/approve-post';
import { ComposeForm } from '../posts/compose-form';
import { DeliveryLedger } from '../posts/delivery-ledger';
import { GroupPreview } from '../posts/group-preview';
import { NotificationIssues } from '../posts/notification-issues';
import { ScheduleForm } from '../posts/schedule-form';
import { excerpt, postStatusLabels } from '../posts/text';
import { usePosts } from '../posts/use-posts';

/** Bài đăng: list, compose, approve, schedule, and each post's delivery ledger. */
export default function PostsPage() {
  const posts = usePosts();
  const campaign = usePublicCampaign();
  const [openId, setOpenId] = useState<string | null>(null);
  const [composing, setComposing] = useState(false);
  const campaignId = campaign.data?.campaign?.id;

  return (
    <PageShell title="Bài đăng">
      {composing && campaignId ? (
        <ComposeForm
          campaignId={campaignId}
          onCancel={() => setComposing(false)}
          onCreated={(id) => {
            setComposing(false);
            setOpenId(id);
          }}
        />
      ) : (
        <Button size="large" fullWidth disabled={!campaignId} onClick={() => setComposing(true)}>
          Soạn bài mới
        </Button>
      )}
      <NotificationIssues />
      <QueryGate
        query={posts}
        // While a post is being written the form is the empty state's answer: say nothing under it.
        isEmpty={(data) => !composing && data.posts.length === 0}
        empty="Chưa có bài đăng nào. Bấm “Soạn bài mới” để bắt đầu."
      >
        {(data) => (
          <ul className="post-list">
            {data.posts.map((post) => (
              <li key={post.id} className="post-card">
                <button
                  type="button"
                  className="post-summary"
                  onClick={() => setOpenId(openId === post.id ? null : post.id)}
                >
                  <span className="post-status">{postStatusLabels[post.status]}</span>
                  <span className="post-excerpt">{excerpt(post.body, 120)}</span>
                  <span className="post-meta">
                    {post.createdByName ?? ''} · {formatDateTimeVi(post.updatedAt)}
                  </span>
                </button>
                {openId === post.id ? (
                  <div className="post-detail">
                    <GroupPreview text={post.preview} />
                    {post.status === 'draft' ? <ApprovePost post={post} /> : null}
                    {post.status === 'approved' ? <ScheduleForm postId={post.id} /> : null}
                    <h3>Nhật ký gửi</h3>
                    <DeliveryLedger postId={post.id} />
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </QueryGate>
    </PageShell>
  );
}
