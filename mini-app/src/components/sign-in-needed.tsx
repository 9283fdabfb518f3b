import { useLocation, useNavigate } from 'react-router-dom';
import { Button } from 'zmp-ui';
import { signInPath } from '../auth/return-to';
import { PageShell } from './page-shell';

/**
 * A screen that needs a signed-in person, opened without one: from a link (the bot's "Xem chi tiết"),
 * after signing out, or when the session ran out (the first 401 signs the person out). The button
 * signs in and comes back to this screen; the tab bar is gone then, so it is the only way on.
 */
export function SignInNeeded({ title }: { title: string }) {
  const navigate = useNavigate();
  const { pathname, search } = useLocation();
  return (
    <PageShell title={title}>
      <div className="status-view">
        <p>Bạn cần đăng nhập bằng Zalo để xem mục này.</p>
        <Button size="large" onClick={() => navigate(signInPath(`${pathname}${search}`))}>
          Đăng nhập
        </Button>
      </div>
    </PageShell>
  );
}
