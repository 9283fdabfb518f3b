import { useEffect } from 'react';
import { useNavigate } from 'react-router-dom';

/**
 * The router keeps its location in memory (see app.tsx), so a link such as
 * `/#/assignments/<id>/evidence` (from a Zalo message or a test) opens that screen: at start, and
 * whenever the hash changes while the app is open.
 */
export function HashDeepLink() {
  const navigate = useNavigate();
  useEffect(() => {
    const follow = () => {
      const target = window.location.hash.replace(/^#/, '');
      if (target.startsWith('/')) navigate(target, { replace: true });
    };
    follow();
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, [navigate]);
  return null;
}
