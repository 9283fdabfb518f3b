/**
 * The one zmp-sdk adapter. Everything Zalo-specific goes through here so the rest of the app works
 * the same in Zalo, in a desktop browser during development, and in tests.
 * Import from "zmp-sdk/apis" only: the package root pulls in ~100 KB more.
 */
import {
  chooseImage,
  downloadFile,
  getAccessToken,
  getLocation,
  getPhoneNumber,
  nativeStorage,
  openShareSheet as zmpOpenShareSheet,
} from 'zmp-sdk/apis';

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

/**
 * A photo for evidence, camera first. Inside Zalo: `chooseImage` with the back camera, then the file is
 * fetched from the path Zalo gives. Outside Zalo (desktop browser, tests): a file picker that asks
 * phones for the camera (`capture`). Resolves null when the person cancels.
 */
export async function pickPhoto(): Promise<File | null> {
  if (isInsideZalo()) {
    const { filePaths } = await chooseImage({ sourceType: ['camera'], cameraType: 'back', count: 1 });
    const path = filePaths[0];
    if (!path) return null;
    const blob = await (await fetch(path)).blob();
    return new File([blob], 'anh-minh-chung.jpg', { type: blob.type || 'image/jpeg' });
  }
  return pickFileInBrowser();
}

/** An image for a post, from the album (or the camera). Resolves null when the person cancels. */
export async function pickAlbumImage(): Promise<File | null> {
  if (isInsideZalo()) {
    const { filePaths } = await chooseImage({ sourceType: ['album', 'camera'], count: 1 });
    const path = filePaths[0];
    if (!path) return null;
    const blob = await (await fetch(path)).blob();
    return new File([blob], 'anh-bai-dang.jpg', { type: blob.type || 'image/jpeg' });
  }
  return pickFileInBrowser(false);
}

function pickFileInBrowser(camera = true): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = 'image/jpeg,image/png,image/webp,image/heic';
    if (camera) input.capture = 'environment';
    input.addEventListener('change', () => resolve(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => resolve(null), { once: true });
    input.click();
  });
}

/**
 * A `getLocation` token for the server to exchange (single use, about 2 minutes), or "" when there is
 * none: outside Zalo, or the person declined. The server then falls back to the photo's GPS.
 */
export async function getLocationToken(): Promise<string> {
  if (!isInsideZalo()) return '';
  try {
    return (await getLocation()).token ?? '';
  } catch (error) {
    // Declining location is the person's right; the photo is still sent and flagged "Không có vị trí".
    console.warn('zmp-sdk getLocation failed', error);
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

/**
 * Saves a downloaded file on the device. Inside Zalo a web view cannot save a blob, so the file goes to
 * Zalo's `downloadFile` as base64 (needs the downloadFile permission of the Mini App). Elsewhere the
 * browser saves it under `filename`.
 */
export async function saveFile(blob: Blob, filename: string): Promise<void> {
  if (isInsideZalo()) {
    await downloadFile({ fileBase64Data: await dataUrlOf(blob) });
    return;
  }
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file by the next tick; keep the URL a while for slow ones.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function dataUrlOf(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}
