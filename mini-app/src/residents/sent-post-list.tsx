import { formatDateTimeVi, type SentPost } from '@loa/shared';
import { useNavigate } from 'react-router-dom';
import { Card, CardList } from '../components/card-list';
import { EmptyView } from '../components/status-views';
import { apiUrl } from '../lib/request';
import { excerpt } from '../posts/text';
import { sentPostPath } from '../routes-meta';

/** Trang chủ's list: what the ward has sent to the khu phố groups, newest first; a card opens the post. */
export function SentPostList({ posts }: { posts: SentPost[] }) {
  const navigate = useNavigate();
  return (
    <section className="campaign-posts" aria-labelledby="sent-posts-title">
      <h2 id="sent-posts-title">Tin phường đã gửi</h2>
      {posts.length === 0 ? (
        <EmptyView message="Phường chưa gửi bài nào." />
      ) : (
        <CardList label="Tin phường đã gửi">
          {posts.map((post) => (
            <Card key={post.id} onOpen={() => navigate(sentPostPath(post.id))}>
              <span className="campaign-post-title">{post.title}</span>
              <span className="campaign-post-body">{excerpt(post.text, 160)}</span>
              {post.imageUrl ? (
                <img className="sent-post-thumb" src={apiUrl(post.imageUrl)} alt="" loading="lazy" />
              ) : null}
              <span className="campaign-post-meta">Đã gửi lúc {formatDateTimeVi(post.firstSentAt)}</span>
            </Card>
          ))}
        </CardList>
      )}
    </section>
  );
}
