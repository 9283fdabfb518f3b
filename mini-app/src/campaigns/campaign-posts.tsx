import { formatDateTimeVi, type PublicCampaignReply } from '@loa/shared';
import { EmptyView } from '../components/status-views';

/** The campaign's approved posts on Trang chủ: what the ward is sending to the khu phố groups. */
export function CampaignPosts({ posts }: { posts: PublicCampaignReply['posts'] }) {
  return (
    <section className="campaign-posts" aria-labelledby="campaign-posts-title">
      <h2 id="campaign-posts-title">Bài đăng của kế hoạch</h2>
      {posts.length === 0 ? (
        <EmptyView message="Chưa có bài đăng nào được duyệt." />
      ) : (
        <ul>
          {posts.map((post) => (
            <li key={post.id} className="campaign-post">
              <p className="campaign-post-body">{post.body}</p>
              <span className="campaign-post-meta">Duyệt lúc {formatDateTimeVi(post.approvedAt)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
