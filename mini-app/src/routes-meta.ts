/** Every tab of the app and its title (shared by the routes and the bottom navigation). */
export const paths = {
  home: '/',
  tasks: '/tasks',
  campaigns: '/campaigns',
  leaderboard: '/leaderboard',
  review: '/review',
  posts: '/posts',
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
};
