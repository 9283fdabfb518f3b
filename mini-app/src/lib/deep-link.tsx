import { useEffect } from 'react';
import { useNavigate } from 'react-router-dom';

/**
 * The router keeps its location in memory (see app.tsx), so a link such as
 * `/#/assignments/<id>/evidence` (from a Zalo message or a test) opens that screen once at start.
 */
export function HashDeepLink() {
  const navigate = useNavigate();
  useEffect(() => {
    const target = window.location.hash.replace(/^#/, '');
    if (target.startsWith('/')) navigate(target, { replace: true });
  }, [navigate]);
  return null;
}
