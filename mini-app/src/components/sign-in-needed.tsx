import { PageShell } from './page-shell';
import { EmptyView } from './status-views';

/** A screen that needs a signed-in person, opened without one (e.g. from a link). */
export function SignInNeeded({ title }: { title: string }) {
  return (
    <PageShell title={title}>
      <EmptyView message="Bạn cần đăng nhập bằng Zalo để xem mục này." />
    </PageShell>
  );
}
