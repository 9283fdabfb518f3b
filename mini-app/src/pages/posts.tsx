import { type Campaign, formatDateTimeVi, type Post, readingSeconds, readingTimeLabel } from '@loa/shared';
import { useState } from 'react';
import { Button } from 'zmp-ui';
import { useSession } from '../auth/use-session';
import { useCampaigns } from '../campaigns/use-campaigns';
import { Card, CardList } from '../components/card-list';
import { SelectField } from '../components/form-fields';
import { PageShell } from '../components/page-shell';
import { QueryGate } from '../components/query-gate';
import { ApprovePost, SendBack } from '../posts/approve-post';
import { ComposeForm } from '../posts/compose-form';
import { DeliveryLedger } from '../posts/delivery-ledger';
import { GroupPreview } from '../posts/group-preview';
import { NotificationIssues } from '../posts/notification-issues';
import { PostForm } from '../posts/post-form';
import { usePostImage } from '../posts/post-image';
import { ScheduleForm } from '../posts/schedule-form';
import { ScheduleList } from '../posts/schedule-list';
import { excerpt, postStatusLabels } from '../posts/text';
import { usePosts } from '../posts/use-posts';

/**
 * One post opened: why it was sent back, its preview with the image, editing (an approved post goes
 * back to the leader), approval or send-back, its schedules and the delivery ledger.
 */
function PostDetail({ post, campaignId }: { post: Post; campaignId: string }) {
  const [editing, setEditing] = useState(false);
  const imageUrl = usePostImage(post);
  if (editing)
    return (
      <div className="post-detail">
        <PostForm
          campaignId={campaignId}
          post={post}
          onSaved={() => setEditing(false)}
          onCancel={() => setEditing(false)}
        />
      </div>
    );
  return (
    <div className="post-detail">
      {post.sentBackReason ? (
        <div className="sent-back-note" role="note">
          <strong>Lãnh đạo trả lại{post.sentBackByName ? ` (${post.sentBackByName})` : ''}:</strong>{' '}
          {post.sentBackReason}
          {post.sentBackAt ? (
            <span className="detail-meta"> · {formatDateTimeVi(post.sentBackAt)}</span>
          ) : null}
        </div>
      ) : null}
      <GroupPreview text={post.preview} imageUrl={imageUrl} />
      {post.loudspeakerScript ? (
        <p className="loudspeaker-script">
          <strong>Bài đọc trên loa ({readingTimeLabel(readingSeconds(post.loudspeakerScript))}):</strong>{' '}
          {post.loudspeakerScript}
        </p>
      ) : null}
      {post.status !== 'archived' ? (
        <Button size="medium" variant="secondary" onClick={() => setEditing(true)}>
          Sửa bài
        </Button>
      ) : null}
      {post.status === 'draft' ? <ApprovePost post={post} /> : null}
      {post.status === 'approved' ? <SendBackForLeader post={post} /> : null}
      {post.status === 'approved' ? <ScheduleForm postId={post.id} /> : null}
      <h3>Lịch gửi</h3>
      <ScheduleList postId={post.id} />
      <h3>Nhật ký gửi</h3>
      <DeliveryLedger postId={post.id} />
    </div>
  );
}

/** An approved post may still be sent back by a leader (its approval is then withdrawn). */
function SendBackForLeader({ post }: { post: Post }) {
  const { session } = useSession();
  return session?.role === 'leader' ? <SendBack post={post} /> : null;
}

/** The campaigns a post may be written for: the member's own ward's, running first; closed ones are done. */
function writableCampaigns(campaigns: Campaign[] | undefined): Campaign[] {
  const order = { active: 0, approved: 1, draft: 2, closed: 3 } as const;
  return (campaigns ?? [])
    .filter((c) => c.status !== 'closed')
    .sort((a, b) => order[a.status] - order[b.status] || b.startsOn.localeCompare(a.startsOn));
}

/** Bài đăng: list, compose, approve, schedule, and each post's delivery ledger. */
export default function PostsPage() {
  const posts = usePosts();
  // The session's own ward (the API reads it from the token): never the default ward's public campaign.
  const campaigns = useCampaigns();
  const [openId, setOpenId] = useState<string | null>(null);
  const [composing, setComposing] = useState(false);
  const [chosenId, setChosenId] = useState<string>();
  const writable = writableCampaigns(campaigns.data?.campaigns);
  const campaignId = writable.find((c) => c.id === chosenId)?.id ?? writable[0]?.id;

  return (
    <PageShell title="Bài đăng">
      {composing && campaignId ? (
        <>
          {writable.length > 1 ? (
            <SelectField label="Bài của kế hoạch" value={campaignId} onChange={setChosenId}>
              {writable.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.title}
                </option>
              ))}
            </SelectField>
          ) : null}
          <ComposeForm
            campaignId={campaignId}
            onCancel={() => setComposing(false)}
            onCreated={(id) => {
              setComposing(false);
              setOpenId(id);
            }}
          />
        </>
      ) : (
        <>
          <Button size="large" fullWidth disabled={!campaignId} onClick={() => setComposing(true)}>
            Soạn bài mới
          </Button>
          {campaigns.isSuccess && !campaignId ? (
            <p className="muted">Phường chưa có kế hoạch nào đang mở. Tạo kế hoạch trước rồi soạn bài.</p>
          ) : null}
        </>
      )}
      <NotificationIssues />
      <QueryGate
        query={posts}
        // While a post is being written the form is the empty state's answer: say nothing under it.
        isEmpty={(data) => !composing && data.posts.length === 0}
        empty="Chưa có bài đăng nào. Bấm “Soạn bài mới” để bắt đầu."
      >
        {(data) => (
          <CardList label="Các bài đăng">
            {data.posts.map((post) => (
              <Card key={post.id} className="post-card">
                <button
                  type="button"
                  className="post-summary"
                  onClick={() => setOpenId(openId === post.id ? null : post.id)}
                >
                  <span className="post-status">
                    {post.status === 'draft' && post.sentBackReason
                      ? 'Bị trả lại'
                      : postStatusLabels[post.status]}
                  </span>
                  <span className="post-excerpt">{excerpt(post.body, 120)}</span>
                  <span className="post-meta">
                    {post.createdByName ?? ''} · {formatDateTimeVi(post.updatedAt)}
                  </span>
                </button>
                {openId === post.id ? <PostDetail post={post} campaignId={post.campaignId} /> : null}
              </Card>
            ))}
          </CardList>
        )}
      </QueryGate>
    </PageShell>
  );
}
