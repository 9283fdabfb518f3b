import { formatDateTimeVi, type MySentPostsReply } from '@loa/shared';
import { useQuery } from '@tanstack/react-query';
import { Button } from 'zmp-ui';
import { Row, RowList } from '../components/card-list';
import { QueryGate } from '../components/query-gate';
import { request } from '../lib/request';

/** "Đã đăng: <address>": the note an article task's report carries, pointing to the published piece. */
export const publishedNote = (url: string) => `Đã đăng: ${url}`;

/**
 * For an article task ("đăng tin, bài"): the ward's pieces already published on its public page, one
 * tap puts the chosen piece's web address into the report, so the office can open what was published.
 */
export function PublishedPiecePicker({ onPick }: { onPick: (note: string) => void }) {
  const query = useQuery({
    queryKey: ['my-sent-posts'],
    queryFn: ({ signal }) => request<MySentPostsReply>('/api/sent-posts', { signal }),
  });
  return (
    <section className="published-pieces" aria-label="Bài đã đăng của phường">
      <p className="published-pieces-hint">Bài đã đăng: chọn bài để ghi đường dẫn vào báo cáo.</p>
      <QueryGate
        query={query}
        isEmpty={(data) => data.posts.length === 0}
        empty="Phường chưa gửi bài nào. Khi bài được gửi, đường dẫn của bài sẽ có ở đây."
      >
        {({ posts, publicUrl }) => (
          <RowList label="Các bài đã gửi">
            {posts.slice(0, 5).map((post) => (
              <Row key={post.id} className="published-piece">
                <span className="campaign-post-title">{post.title}</span>
                <span className="campaign-post-meta">Đã gửi lúc {formatDateTimeVi(post.firstSentAt)}</span>
                <Button
                  size="small"
                  variant="tertiary"
                  onClick={() => onPick(publishedNote(publicUrl + post.pageUrl))}
                >
                  Ghi đường dẫn bài này
                </Button>
              </Row>
            ))}
          </RowList>
        )}
      </QueryGate>
    </section>
  );
}
