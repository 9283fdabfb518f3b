import type { PageKey } from '../routes-meta';

/**
 * Tab icons as inline SVG: zmp-ui's icon font comes from Zalo's CDN, so in a desktop browser without
 * it the tabs would show the icon names as text.
 */
const shapes: Record<PageKey, string> = {
  home: 'M3 11 12 3l9 8v10h-6v-6H9v6H3z',
  tasks: 'M4 12.5 9 17.5 20 6.5',
  campaigns: 'M4 6h16v14H4zM4 10h16M8 3v5M16 3v5',
  leaderboard: 'M5 20V11M12 20V5M19 20v-6',
  review: 'M6 3h9l4 4v14H6zM9 13l2 2 4-4',
  evidence: 'M4 8h4l2-3h4l2 3h4v11H4zM12 16.5a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7',
  posts: 'M4 5h16v12H8l-4 4z',
  shareTasks:
    'M18 8a3 3 0 1 0-2.8-4M6 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6M18 22a3 3 0 1 0 0-6 3 3 0 0 0 0 6M8.6 13.5l6.8 4M15.4 6.5l-6.8 4',
  inbox: 'M4 4h16v11H9l-5 4zM8 9h8M8 12h5',
};

export function NavIcon({ page }: { page: PageKey }) {
  return (
    <svg width="24" height="24" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        d={shapes[page]}
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinejoin="round"
        strokeLinecap="round"
      />
    </svg>
  );
}
