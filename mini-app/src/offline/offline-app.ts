import { isInsideZalo } from '../lib/zalo';

/**
 * In a browser, installs the app on the phone the way Zalo installs a mini app's package: a service
 * worker (written by the build, vite.config.ts) keeps the page and every file of this build, so opening
 * the app again loads no code over the network, and opens with no network at all. Inside Zalo the
 * package is already on the phone, and in development (no build) there is nothing to keep.
 */
export function registerOfflineApp(): void {
  if (!import.meta.env.PROD || isInsideZalo() || !('serviceWorker' in navigator)) return;
  // After the first screen is up: installing downloads the whole app, which must not compete with it.
  const register = () =>
    navigator.serviceWorker.register('./sw.js', { scope: './' }).catch((error: unknown) => {
      // The app works the same without it; only the next open is slower.
      console.warn('service worker not registered', error);
    });
  if (document.readyState === 'complete') void register();
  else window.addEventListener('load', () => void register(), { once: true });
}
