import { formatDateTimeVi } from '@loa/shared';
import { useNavigate, useParams } from 'react-router-dom';
import { Button } from 'zmp-ui';
import { usePublicCampaign } from '../campaigns/use-public-campaign';
import { PageShell } from '../components/page-shell';
import { QueryGate } from '../components/query-gate';
import { LoadingView } from '../components/status-views';
import { apiUrl } from '../lib/request';
import { useSentPost } from '../residents/use-sent-posts';
import { paths } from '../routes-meta';

/** One post the ward has sent, as a resident opening "Xem chi tiết" from a Zalo group reads it. */
export function SentPostPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const home = usePublicCampaign();
  const query = useSentPost(id, home.data?.ward.slug);

  return (
    <PageShell title="Tin phường đã gửi" showBack>
      {query.fetchStatus === 'idle' && query.isPending ? (
        // Waiting for the ward (no ward in the link): Trang chủ's answer names it.
        home.isError ? (
          <QueryGate query={home}>{() => null}</QueryGate>
        ) : (
          <LoadingView />
        )
      ) : (
        <QueryGate query={query}>
          {({ ward, post }) => (
            <article className="sent-post" aria-labelledby="sent-post-title">
              <p className="ward-name-small">{ward.name}</p>
              <h1 id="sent-post-title" className="sent-post-title">
                {post.title}
              </h1>
              <p className="campaign-post-meta">
                Đã gửi lúc {formatDateTimeVi(post.firstSentAt)} · {post.campaignTitle}
              </p>
              <p className="campaign-post-body">{post.text}</p>
              {post.imageUrl ? (
                <img
                  className="sent-post-image"
                  src={apiUrl(post.imageUrl)}
                  alt={`Ảnh của bài: ${post.title}`}
                />
              ) : null}
            </article>
          )}
        </QueryGate>
      )}
      <Button variant="secondary" fullWidth onClick={() => navigate(paths.home)}>
        Xem các tin khác của phường
      </Button>
    </PageShell>
  );
}
