import { Suspense } from 'react';
import { Outlet } from 'react-router-dom';
import { LoadingView } from '../components/status-views';

/**
 * The frame around every page. The bottom navigation (Trang chủ, Nhiệm vụ, Chiến dịch, Bảng tiến độ,
 * Duyệt, Bài đăng) goes here once those pages exist; Suspense covers pages loaded with React.lazy.
 */
export function AppLayout() {
  return (
    <Suspense fallback={<LoadingView />}>
      <Outlet />
    </Suspense>
  );
}
