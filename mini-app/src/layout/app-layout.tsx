import { Suspense } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { BottomNavigation } from 'zmp-ui';
import { type SessionRole, useSession } from '../auth/use-session';
import { ScreenBoundary } from '../components/screen-boundary';
import { SignInNeeded } from '../components/sign-in-needed';
import { LoadingView } from '../components/status-views';
import { isPublicScreen, navLabels, type PageKey, pageTitles, paths } from '../routes-meta';
import { NavIcon } from './nav-icons';

/** Which tabs each role sees; a resident (or nobody signed in) sees Trang chủ only. */
const tabsByRole: Record<SessionRole, PageKey[]> = {
  admin: ['home', 'campaigns', 'posts', 'leaderboard', 'evidence', 'inbox'],
  staff: ['home', 'campaigns', 'posts', 'leaderboard', 'evidence', 'inbox'],
  leader: ['home', 'review', 'campaigns', 'posts', 'leaderboard', 'evidence'],
  team_lead: ['home', 'tasks', 'shareTasks'],
  team_member: ['home', 'tasks', 'shareTasks'],
  resident: ['home'],
};

/** The tab a path belongs to, if any (a task's screen under Nhiệm vụ, a plan's under Kế hoạch). */
function tabOf(pathname: string): PageKey | undefined {
  const entry = (Object.entries(paths) as [PageKey, string][]).find(
    ([, path]) => path !== '/' && (pathname === path || pathname.startsWith(`${path}/`)),
  );
  return entry?.[0];
}

function activeTab(pathname: string, tabs: PageKey[]): PageKey {
  // An assignment opens from Nhiệm vụ (teams) or from a board cell (staff, leaders).
  if (pathname.startsWith('/assignments/')) return tabs.includes('tasks') ? 'tasks' : 'leaderboard';
  const tab = tabOf(pathname);
  // Office staff reach their unit's tasks from Trang chủ (no tab of their own).
  return tab && tabs.includes(tab) ? tab : 'home';
}

/** The frame around every page: the page (lazy-loaded, hence Suspense, in its own error boundary) and the role-aware tab bar. */
export function AppLayout() {
  const { session } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const tabs = tabsByRole[session?.role ?? 'resident'];
  // Signed out on a screen that needs a session (a link, a sign-out, an expired session): the way to
  // sign in, never the screen's "Thử lại" on a 401 that can only fail again.
  const signInFirst = !session && !isPublicScreen(pathname);
  const tab = tabOf(pathname);

  return (
    <div className={tabs.length > 1 ? 'with-bottom-nav' : undefined}>
      {/* One boundary per screen (keyed by its path): a failed screen never blanks the app. */}
      <ScreenBoundary key={pathname}>
        {signInFirst ? (
          <SignInNeeded title={tab ? pageTitles[tab] : 'Loa Phường'} />
        ) : (
          <Suspense fallback={<LoadingView />}>
            <Outlet />
          </Suspense>
        )}
      </ScreenBoundary>
      {tabs.length > 1 ? (
        <BottomNavigation
          fixed
          activeKey={activeTab(pathname, tabs)}
          onChange={(key) => navigate(paths[key as PageKey])}
        >
          {tabs.map((key) => (
            <BottomNavigation.Item
              key={key}
              itemKey={key}
              label={navLabels[key] ?? pageTitles[key]}
              icon={<NavIcon page={key} />}
            />
          ))}
        </BottomNavigation>
      ) : null}
    </div>
  );
}
