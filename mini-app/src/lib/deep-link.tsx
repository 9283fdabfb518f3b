import { useEffect } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';

/**
 * The router keeps its location in memory (see app.tsx), so a link such as
 * `/#/assignments/<id>/evidence` (from a Zalo message or a test) opens that screen: at start, and
 * whenever the hash changes while the app is open. The other way round, the screen shown is written
 * into the hash, so a reload comes back to it instead of Trang chủ.
 */
export function HashDeepLink() {
  const navigate = useNavigate();
  const { pathname, search } = useLocation();
  useEffect(() => {
    const follow = () => {
      const target = window.location.hash.replace(/^#/, '');
      if (target.startsWith('/')) navigate(target, { replace: true });
    };
    follow();
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, [navigate]);
  useEffect(() => {
    const here = `${pathname}${search}`;
    const hash = here === '/' ? '' : `#${here}`;
    if (window.location.hash === hash) return;
    // replaceState changes the address without a hashchange event (and without a history entry).
    window.history.replaceState(
      window.history.state,
      '',
      `${window.location.pathname}${window.location.search}${hash}`,
    );
  }, [pathname, search]);
  return null;
}
