/**
 * The one zmp-sdk adapter. Everything Zalo-specific goes through here so the rest of the app works
 * the same in Zalo, in a desktop browser during development, and in tests.
 * Import from "zmp-sdk/apis" only: the package root pulls in ~100 KB more.
 */
import { getAccessToken, getPhoneNumber, nativeStorage } from 'zmp-sdk/apis';

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

/**
 * A single-use, 2-minute token for the person's phone number (the server exchanges it), or "" when
 * there is none (outside Zalo, or the person declined).
 */
export async function getZaloPhoneToken(): Promise<string> {
  if (!isInsideZalo()) return '';
  try {
    return (await getPhoneNumber()).token ?? '';
  } catch (error) {
    // The person declined (-201/-2002) or the permission is not approved: sign-in continues without it.
    console.warn('zmp-sdk getPhoneNumber failed', error);
    return '';
  }
}

/** Small persistent values (the session token): Zalo's nativeStorage inside Zalo, else localStorage. */
export const storage = {
  get(key: string): string | null {
    try {
      return isInsideZalo() ? nativeStorage.getItem(key) : window.localStorage.getItem(key);
    } catch (error) {
      console.warn('storage read failed', error);
      return null;
    }
  },
  set(key: string, value: string): void {
    try {
      if (isInsideZalo()) nativeStorage.setItem(key, value);
      else window.localStorage.setItem(key, value);
    } catch (error) {
      console.warn('storage write failed', error);
    }
  },
  remove(key: string): void {
    try {
      if (isInsideZalo()) nativeStorage.removeItem(key);
      else window.localStorage.removeItem(key);
    } catch (error) {
      console.warn('storage remove failed', error);
    }
  },
};
