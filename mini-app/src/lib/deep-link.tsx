import { useEffect, useRef } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { forgetInviteInLocation, inviteFromLocation, inviteSignInPath } from '../auth/invite-link';
import { forgetPostInLocation, postFromLocation } from '../residents/shared-link';
import { sentPostPath } from '../routes-meta';

/**
 * The router keeps its location in memory (see app.tsx), so a link such as
 * `/#/assignments/<id>/evidence` (from a Zalo message or a test) opens that screen: at start, and
 * whenever the hash changes while the app is open. The other way round, the screen shown is written
 * into the hash, so a reload comes back to it instead of Trang chủ. A shared post link
 * (`?ward=…&post=…`, see residents/shared-link.ts) opens that post at start, and a sign-in link
 * (`?invite=…`, auth/invite-link.ts) the sign-in screen.
 */
export function HashDeepLink() {
  const navigate = useNavigate();
  const { pathname, search } = useLocation();
  // react-router gives a new navigate after every move; following the hash again then would undo the
  // move (the hash is only rewritten below, after it). So: at start and on hashchange only.
  const navigateRef = useRef(navigate);
  navigateRef.current = navigate;
  useEffect(() => {
    const follow = () => {
      const target = window.location.hash.replace(/^#/, '');
      if (target.startsWith('/')) navigateRef.current(target, { replace: true });
    };
    const sharedPost = postFromLocation();
    const invite = inviteFromLocation();
    if (invite && !window.location.hash.startsWith('#/')) {
      navigateRef.current(inviteSignInPath(invite), { replace: true });
      forgetInviteInLocation();
    } else if (sharedPost && !window.location.hash.startsWith('#/')) {
      navigateRef.current(sentPostPath(sharedPost), { replace: true });
      forgetPostInLocation();
    } else follow();
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
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
