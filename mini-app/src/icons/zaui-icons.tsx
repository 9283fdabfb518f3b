/**
 * zmp-ui draws its icons with a font loaded from Zalo's CDN: the name ("zi_chevron_left") is written
 * in the page and the font turns it into a glyph. Outside Zalo, offline, or under a content security
 * policy that allows only our server, the names print as text over the titles. The build swaps
 * zmp-ui's table of names for this one (vite.config.ts), so its Icon draws these SVGs instead: built
 * into the app, nothing fetched. An icon missing here draws nothing rather than its name.
 */
import type { ReactElement } from 'react';

const stroke = (d: string): ReactElement => (
  <svg
    viewBox="0 0 24 24"
    width="1em"
    height="1em"
    fill="none"
    stroke="currentColor"
    strokeWidth="2"
    strokeLinecap="round"
    strokeLinejoin="round"
    aria-hidden="true"
    focusable="false"
  >
    <path d={d} />
  </svg>
);

const circle = 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z';

const icons: Record<string, ReactElement> = {
  zi_chevron_left: stroke('M15 5l-7 7 7 7'),
  zi_chevron_left_header: stroke('M15 5l-7 7 7 7'),
  zi_chevron_right: stroke('M9 5l7 7-7 7'),
  zi_chevron_down: stroke('M5 9l7 7 7-7'),
  zi_chevron_up: stroke('M5 15l7-7 7 7'),
  zi_arrow_left: stroke('M19 12H5M11 6l-6 6 6 6'),
  zi_arrow_right: stroke('M5 12h14M13 6l6 6-6 6'),
  zi_close: stroke('M6 6l12 12M18 6 6 18'),
  zi_check: stroke('M5 12.5l4.5 4.5L19 7.5'),
  zi_calendar: stroke('M4 6h16v14H4zM4 10h16M8 3v5M16 3v5'),
  zi_search: stroke('M10.5 17a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13zM15.5 15.5 20 20'),
  zi_info_circle: stroke(`${circle}M12 11v5M12 7.5v.5`),
  zi_info_circle_solid: stroke(`${circle}M12 11v5M12 7.5v.5`),
  zi_check_circle: stroke(`${circle}M8 12.5l2.5 2.5L16 9.5`),
  zi_check_circle_solid: stroke(`${circle}M8 12.5l2.5 2.5L16 9.5`),
  zi_close_circle: stroke(`${circle}M9 9l6 6M15 9l-6 6`),
  zi_close_circle_solid: stroke(`${circle}M9 9l6 6M15 9l-6 6`),
  zi_warning: stroke('M12 3 2 20h20zM12 10v4M12 17v.5'),
  zi_warning_solid: stroke('M12 3 2 20h20zM12 10v4M12 17v.5'),
  zi_warning_circle: stroke(`${circle}M12 7.5v5M12 16v.5`),
  zi_warning_circle_solid: stroke(`${circle}M12 7.5v5M12 16v.5`),
  zi_wifi: stroke('M2 9a15 15 0 0 1 20 0M5.5 12.5a10 10 0 0 1 13 0M9 16a5 5 0 0 1 6 0M12 19.5v.5'),
  zi_wifi_off: stroke('M2 9a15 15 0 0 1 20 0M5.5 12.5a10 10 0 0 1 13 0M12 19.5v.5M3 3l18 18'),
  zi_download_solid: stroke('M12 4v11M7 10l5 5 5-5M5 20h14'),
  zi_call: stroke(
    'M5 4h4l2 5-2.5 1.5a11 11 0 0 0 5 5L15 13l5 2v4a1 1 0 0 1-1 1A16 16 0 0 1 4 5a1 1 0 0 1 1-1z',
  ),
  zi_user: stroke('M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 21a8 8 0 0 1 16 0'),
  zi_home: stroke('M3 11 12 3l9 8v10h-6v-6H9v6H3z'),
  zi_plus: stroke('M12 5v14M5 12h14'),
  zi_minus_circle: stroke(`${circle}M8 12h8`),
  zi_hide: stroke(
    'M3 3l18 18M10.6 6.1A9.8 9.8 0 0 1 12 6c5 0 9 6 9 6a16 16 0 0 1-3 3.5M6.6 7.6C4.2 9.3 3 12 3 12s4 6 9 6a8.6 8.6 0 0 0 4.4-1.2',
  ),
  zi_unhide: stroke('M3 12s4-6 9-6 9 6 9 6-4 6-9 6-9-6-9-6zM12 14.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5z'),
};

export default icons;
