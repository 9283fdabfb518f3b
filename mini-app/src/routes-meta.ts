/** Every tab of the app and its title (shared by the routes and the bottom navigation). */
export const paths = {
  home: '/',
  tasks: '/tasks',
  campaigns: '/campaigns',
  leaderboard: '/leaderboard',
  review: '/review',
  evidence: '/evidence',
  posts: '/posts',
  shareTasks: '/share-tasks',
  inbox: '/inbox',
} as const;

export type PageKey = keyof typeof paths;

/** Header and bottom-navigation labels. */
export const pageTitles: Record<PageKey, string> = {
  home: 'Trang chủ',
  tasks: 'Nhiệm vụ',
  campaigns: 'Kế hoạch',
  leaderboard: 'Bảng tiến độ',
  review: 'Duyệt',
  evidence: 'Minh chứng',
  posts: 'Bài đăng',
  shareTasks: 'Chia sẻ',
  inbox: 'Hộp thư',
};

/** Shorter labels for the tab bar where the title would not fit a 360 px phone with six tabs. */
export const navLabels: Partial<Record<PageKey, string>> = {
  leaderboard: 'Tiến độ',
};

/** The photo proof of one assignment; the task screen links here. */
export const assignmentEvidencePath = (assignmentId: string) => `/assignments/${assignmentId}/evidence`;

/** One post the ward has sent, as residents read it (shared links open here). */
export const sentPostPath = (postId: string) => `/tin/${postId}`;

/**
 * Screens anyone may open: Trang chủ, sign-in and a sent post (shared into Zalo groups). Every other
 * screen needs a session; the layout shows "Đăng nhập" instead of it, so a new screen is closed by
 * default.
 */
export const isPublicScreen = (pathname: string) =>
  pathname === paths.home || pathname === '/sign-in' || pathname.startsWith('/tin/');
