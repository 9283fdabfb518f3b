import { Navigate, Route, Routes } from 'react-router-dom';
import { AppLayout } from './layout/app-layout';
import { HashDeepLink } from './lib/deep-link';
// A screen whose code failed to download can be asked for again (the error boundary's "Thử lại").
import { lazyScreen as lazy } from './lib/lazy-screen';
import { HomePage } from './pages/home';
import { paths } from './routes-meta';

export { assignmentEvidencePath, type PageKey, pageTitles, paths, sentPostPath } from './routes-meta';

// Every page but Trang chủ is loaded on first visit, so the first screen stays small.
const named = <K extends string>(load: () => Promise<Record<K, () => JSX.Element>>, name: K) =>
  lazy(async () => ({ default: (await load())[name] }));
const SignInPage = lazy(() => import('./pages/sign-in'));
const TasksPage = named(() => import('./pages/tasks'), 'TasksPage');
const AssignmentPage = named(() => import('./pages/assignment'), 'AssignmentPage');
const AssignmentEvidencePage = named(() => import('./pages/assignment-evidence'), 'AssignmentEvidencePage');
const CampaignsPage = named(() => import('./pages/campaigns'), 'CampaignsPage');
const CampaignPage = named(() => import('./pages/campaign'), 'CampaignPage');
const CampaignEditPage = named(() => import('./pages/campaign-edit'), 'CampaignEditPage');
const CampaignImportPage = named(() => import('./pages/campaign-import'), 'CampaignImportPage');
const TaskNewPage = named(() => import('./pages/task-new'), 'TaskNewPage');
const TaskEditPage = named(() => import('./pages/task-edit'), 'TaskEditPage');
const BoardPage = named(() => import('./pages/board'), 'BoardPage');
const ReviewPage = named(() => import('./pages/review'), 'ReviewPage');
const EvidenceReviewPage = named(() => import('./pages/evidence-review'), 'EvidenceReviewPage');
const PostsPage = lazy(() => import('./pages/posts'));
const ShareTasksPage = lazy(() => import('./pages/share-tasks'));
const WardSetupPage = named(() => import('./pages/ward-setup'), 'WardSetupPage');
const WardMembersPage = named(() => import('./pages/ward-members'), 'WardMembersPage');
const WardGroupsPage = named(() => import('./pages/ward-groups'), 'WardGroupsPage');
const LoudspeakerSlotsPage = named(() => import('./pages/loudspeaker-slots'), 'LoudspeakerSlotsPage');
const InboxPage = named(() => import('./pages/inbox'), 'InboxPage');
const InboxThreadPage = named(() => import('./pages/inbox-thread'), 'InboxThreadPage');
const AuditPage = named(() => import('./pages/audit'), 'AuditPage');
const SentPostPage = named(() => import('./pages/sent-post'), 'SentPostPage');

export function AppRoutes() {
  return (
    <>
      <HashDeepLink />
      <Routes>
        <Route element={<AppLayout />}>
          <Route index element={<HomePage />} />
          <Route path="/sign-in" element={<SignInPage />} />
          <Route path={paths.tasks} element={<TasksPage />} />
          <Route path="/assignments/:id" element={<AssignmentPage />} />
          <Route path="/assignments/:id/evidence" element={<AssignmentEvidencePage />} />
          <Route path={paths.campaigns} element={<CampaignsPage />} />
          <Route path="/campaigns/new" element={<CampaignEditPage />} />
          <Route path="/campaigns/import" element={<CampaignImportPage />} />
          <Route path="/campaigns/:id" element={<CampaignPage />} />
          <Route path="/campaigns/:id/edit" element={<CampaignEditPage />} />
          <Route path="/campaigns/:id/tasks/new" element={<TaskNewPage />} />
          <Route path="/campaigns/:id/tasks/:taskId/edit" element={<TaskEditPage />} />
          <Route path={paths.leaderboard} element={<BoardPage />} />
          <Route path={`${paths.leaderboard}/:id`} element={<BoardPage />} />
          <Route path={paths.review} element={<ReviewPage />} />
          <Route path={paths.evidence} element={<EvidenceReviewPage />} />
          <Route path={paths.posts} element={<PostsPage />} />
          <Route path={paths.shareTasks} element={<ShareTasksPage />} />
          <Route path="/setup" element={<WardSetupPage />} />
          <Route path="/setup/members" element={<WardMembersPage />} />
          <Route path="/setup/groups" element={<WardGroupsPage />} />
          <Route path="/setup/loudspeaker" element={<LoudspeakerSlotsPage />} />
          <Route path="/audit" element={<AuditPage />} />
          <Route path={paths.inbox} element={<InboxPage />} />
          <Route path={`${paths.inbox}/:id`} element={<InboxThreadPage />} />
          <Route path="/tin/:id" element={<SentPostPage />} />
          <Route path="*" element={<Navigate to={paths.home} replace />} />
        </Route>
      </Routes>
    </>
  );
}
