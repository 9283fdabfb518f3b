import { type Campaign, formatDateTimeVi, formatPeriodVi, type Post } from '@loa/shared';
import { useNavigate } from 'react-router-dom';
import { Button, useSnackbar } from 'zmp-ui';
import { useSession } from '../auth/use-session';
import { useCampaignAction, useCampaigns } from '../campaigns/use-campaigns';
import { Card, CardList } from '../components/card-list';
import { ConfirmButton } from '../components/confirm-button';
import { PageShell } from '../components/page-shell';
import { QueryGate } from '../components/query-gate';
import { SignInNeeded } from '../components/sign-in-needed';
import { errorText } from '../lib/error-text';
import { ApprovePost } from '../posts/approve-post';
import { GroupPreview } from '../posts/group-preview';
import { usePosts } from '../posts/use-posts';

/**
 * Duyệt: everything that waits for a leader's approval: draft plans and draft posts. What goes out in
 * the Committee's name is approved by a leader who did not write it (the server checks it too).
 */
export function ReviewPage() {
  const { session } = useSession();
  const campaigns = useCampaigns('draft');
  const posts = usePosts();
  if (!session) return <SignInNeeded title="Duyệt" />;
  const canApprove = session.role === 'leader';
  return (
    <PageShell title="Duyệt">
      <h2 className="section-title">Kế hoạch</h2>
      <QueryGate
        query={campaigns}
        isEmpty={(data) => data.campaigns.length === 0}
        empty="Không có kế hoạch nào chờ duyệt."
      >
        {({ campaigns }) => (
          <CardList>
            {campaigns.map((c) => (
              <ReviewItem
                key={c.id}
                campaign={c}
                isAuthor={c.createdBy === session.memberId}
                canApprove={canApprove}
              />
            ))}
          </CardList>
        )}
      </QueryGate>
      <h2 className="section-title">Bài đăng</h2>
      <QueryGate
        query={posts}
        isEmpty={(data) => !data.posts.some(isDraft)}
        empty="Không có bài đăng nào chờ duyệt."
      >
        {({ posts }) => (
          <CardList>
            {posts.filter(isDraft).map((post) => (
              <PostReviewItem key={post.id} post={post} />
            ))}
          </CardList>
        )}
      </QueryGate>
    </PageShell>
  );
}

const isDraft = (post: Post) => post.status === 'draft';

/** A draft post shown as the groups will receive it, with the approval a leader signs. */
function PostReviewItem({ post }: { post: Post }) {
  return (
    <Card>
      <span className="card-kicker">Bài đăng chờ duyệt</span>
      <span className="card-meta">
        {post.createdByName ?? 'Không rõ người soạn'} · {formatDateTimeVi(post.updatedAt)}
      </span>
      <GroupPreview text={post.preview} />
      <div className="actions">
        <ApprovePost post={post} />
      </div>
    </Card>
  );
}

function ReviewItem({
  campaign,
  isAuthor,
  canApprove,
}: {
  campaign: Campaign;
  isAuthor: boolean;
  canApprove: boolean;
}) {
  const approve = useCampaignAction(campaign.id);
  const navigate = useNavigate();
  const { openSnackbar } = useSnackbar();
  return (
    <Card>
      <span className="card-kicker">Kế hoạch chờ duyệt</span>
      <strong>{campaign.title}</strong>
      <span className="card-meta">{formatPeriodVi(campaign.startsOn, campaign.endsOn)}</span>
      {campaign.theme ? <span>“{campaign.theme}”</span> : null}
      <div className="actions">
        <Button
          fullWidth
          size="large"
          variant="tertiary"
          onClick={() => navigate(`/campaigns/${campaign.id}`)}
        >
          Xem chi tiết
        </Button>
        {canApprove && !isAuthor ? (
          <ConfirmButton
            title="Duyệt kế hoạch này?"
            description={`“${campaign.title}” sẽ được duyệt với tên của bạn.`}
            confirmText="Duyệt"
            loading={approve.isPending}
            onConfirm={() =>
              approve.mutate('approve', {
                onSuccess: () => openSnackbar({ text: 'Đã duyệt kế hoạch.', type: 'success' }),
                onError: (e) => openSnackbar({ text: errorText(e), type: 'error' }),
              })
            }
          >
            Duyệt
          </ConfirmButton>
        ) : canApprove ? (
          <p className="detail-meta">Bạn là người soạn kế hoạch này nên không tự duyệt được.</p>
        ) : null}
      </div>
    </Card>
  );
}
