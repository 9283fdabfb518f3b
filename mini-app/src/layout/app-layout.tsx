import { Suspense } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { BottomNavigation } from 'zmp-ui';
import { type SessionRole, useSession } from '../auth/use-session';
import { ScreenBoundary } from '../components/screen-boundary';
import { LoadingView } from '../components/status-views';
import { navLabels, type PageKey, pageTitles, paths } from '../routes-meta';
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

function activeTab(pathname: string, tabs: PageKey[]): PageKey {
  // An assignment opens from Nhiệm vụ (teams) or from a board cell (staff, leaders).
  if (pathname.startsWith('/assignments/')) return tabs.includes('tasks') ? 'tasks' : 'leaderboard';
  const entry = (Object.entries(paths) as [PageKey, string][]).find(
    ([, path]) => path !== '/' && (pathname === path || pathname.startsWith(`${path}/`)),
  );
  // Office staff reach their unit's tasks from Trang chủ (no tab of their own).
  return entry && tabs.includes(entry[0]) ? entry[0] : 'home';
}

/** The frame around every page: the page (lazy-loaded, hence Suspense, in its own error boundary) and the role-aware tab bar. */
export function AppLayout() {
  const { session } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const tabs = tabsByRole[session?.role ?? 'resident'];

  return (
    <div className={tabs.length > 1 ? 'with-bottom-nav' : undefined}>
      {/* One boundary per screen (keyed by its path): a failed screen never blanks the app. */}
      <ScreenBoundary key={pathname}>
        <Suspense fallback={<LoadingView />}>
          <Outlet />
        </Suspense>
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
