import { lazy } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { AppLayout } from './layout/app-layout';
import { HashDeepLink } from './lib/deep-link';
import { HomePage } from './pages/home';

const SignInPage = lazy(() => import('./pages/sign-in'));
const AssignmentEvidencePage = lazy(() =>
  import('./pages/assignment-evidence').then((module) => ({ default: module.AssignmentEvidencePage })),
);
const EvidenceReviewPage = lazy(() =>
  import('./pages/evidence-review').then((module) => ({ default: module.EvidenceReviewPage })),
);

/** Every screen of the app. Only Trang chủ exists yet; the others arrive with their issues. */
export const paths = {
  home: '/',
  tasks: '/tasks',
  campaigns: '/campaigns',
  leaderboard: '/leaderboard',
  review: '/review',
  evidence: '/evidence',
  posts: '/posts',
} as const;

/** The photo proof of one assignment; the task screen links here. */
export const assignmentEvidencePath = (assignmentId: string) => `/assignments/${assignmentId}/evidence`;

export type PageKey = keyof typeof paths;

/** Header and bottom-navigation labels. */
export const pageTitles: Record<PageKey, string> = {
  home: 'Trang chủ',
  tasks: 'Nhiệm vụ',
  campaigns: 'Chiến dịch',
  leaderboard: 'Bảng tiến độ',
  review: 'Duyệt',
  evidence: 'Minh chứng',
  posts: 'Bài đăng',
};

export function AppRoutes() {
  return (
    <>
      <HashDeepLink />
      <Routes>
        <Route element={<AppLayout />}>
          <Route index element={<HomePage />} />
          <Route path="/sign-in" element={<SignInPage />} />
          <Route path="/assignments/:id/evidence" element={<AssignmentEvidencePage />} />
          <Route path={paths.evidence} element={<EvidenceReviewPage />} />
          {/* Add the other pages here with React.lazy so the first screen stays small;
            AppLayout already wraps them in Suspense. */}
          <Route path="*" element={<Navigate to={paths.home} replace />} />
        </Route>
      </Routes>
    </>
  );
}
