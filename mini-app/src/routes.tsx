import { lazy } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { AppLayout } from './layout/app-layout';
import { HomePage } from './pages/home';

const PostsPage = lazy(() => import('./pages/posts'));
const ShareTasksPage = lazy(() => import('./pages/share-tasks'));

/** Every screen of the app. Only Trang chủ exists yet; the others arrive with their issues. */
export const paths = {
  home: '/',
  tasks: '/tasks',
  campaigns: '/campaigns',
  leaderboard: '/leaderboard',
  review: '/review',
  posts: '/posts',
  shareTasks: '/share-tasks',
} as const;

export type PageKey = keyof typeof paths;

/** Header and bottom-navigation labels. */
export const pageTitles: Record<PageKey, string> = {
  home: 'Trang chủ',
  tasks: 'Nhiệm vụ',
  campaigns: 'Chiến dịch',
  leaderboard: 'Bảng tiến độ',
  review: 'Duyệt',
  posts: 'Bài đăng',
  shareTasks: 'Việc chia sẻ',
};

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<HomePage />} />
        <Route path={paths.posts} element={<PostsPage />} />
        <Route path={paths.shareTasks} element={<ShareTasksPage />} />
        {/* Add the other pages here with React.lazy so the first screen stays small;
            AppLayout already wraps them in Suspense. */}
        <Route path="*" element={<Navigate to={paths.home} replace />} />
      </Route>
    </Routes>
  );
}
