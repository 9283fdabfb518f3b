/**
 * The one zmp-sdk adapter. Everything Zalo-specific goes through here so the rest of the app works
 * the same in Zalo, in a desktop browser during development, and in tests.
 * Import from "zmp-sdk/apis" only: the package root pulls in ~100 KB more.
 */
import { getAccessToken, openShareSheet as zmpOpenShareSheet } from 'zmp-sdk/apis';

// The SDK's own test for "running as a mini app": Zalo serves apps from h5.zdn.vn under /zapps/,
// and zmp-cli's local testing adds ?env=TESTING_LOCAL. The SDK does not export this check.
const ZALO_HOST = 'h5.zdn.vn';
const ZALO_PATH = '/zapps';

export function isInsideZalo(): boolean {
  if (typeof window === 'undefined') return false;
  const { hostname, pathname, search } = window.location;
  if (!hostname.includes(ZALO_HOST)) return false;
  return pathname.startsWith(ZALO_PATH) || new URLSearchParams(search).get('env') === 'TESTING_LOCAL';
}

/**
 * The Zalo access token of the person using the app, or "" when there is none (outside Zalo, or the
 * person declined). Callers send "" as "not signed in"; the server answers 401 with a message.
 */
export async function getZaloAccessToken(): Promise<string> {
  // Outside Zalo the SDK rejects with `undefined` (or code -2000) on most hosts, so don't ask.
  if (!isInsideZalo()) return '';
  try {
    return (await getAccessToken()) || '';
  } catch (error) {
    // Not fatal: the app still reads public data. Keep a trace for whoever debugs a login issue.
    console.warn('zmp-sdk getAccessToken failed', error);
    return '';
  }
}

/** What happened when a member asked to share a post into their khu phố group. */
export type ShareOutcome = 'opened' | 'copied' | 'unavailable';

/**
 * Opens Zalo's share sheet with the post's text (links become previews) so a team member can pick
 * their khu phố group. Outside Zalo (desktop browser) the text is copied instead, to paste by hand.
 */
export async function openShareSheet(text: string): Promise<ShareOutcome> {
  if (isInsideZalo()) {
    try {
      await zmpOpenShareSheet({ type: 'text', data: { text, autoParseLink: true } });
      return 'opened';
    } catch (error) {
      // Closing the sheet without sharing also lands here; the member can simply try again.
      console.warn('zmp-sdk openShareSheet failed', error);
      return 'unavailable';
    }
  }
  try {
    await navigator.clipboard.writeText(text);
    return 'copied';
  } catch (error) {
    console.warn('clipboard write failed', error);
    return 'unavailable';
  }
}
