import { type ComponentType, lazy } from 'react';

/**
 * React.lazy keeps a failed import forever: once a screen's code could not be downloaded (a dropped
 * connection, a new deployment), the screen would stay broken until the app restarts. A screen made
 * with `lazyScreen` forgets a failed download, so `retryFailedScreens()` (the error boundary's
 * "Thử lại") asks for the code again.
 */
const retries = new Set<() => void>();

/** Screens are route elements: they take no props. */
export function lazyScreen(load: () => Promise<{ default: ComponentType }>) {
  const make = () =>
    lazy(() =>
      load().catch((error: unknown) => {
        retries.add(reset);
        throw error;
      }),
    );
  let Current = make();
  function reset() {
    Current = make();
  }
  // biome-ignore lint/correctness/noComponentHookFactories: a factory, called once per screen at module load, not during a render
  return function Screen() {
    return <Current />;
  };
}

/** Makes every screen whose code failed to download try again on its next render. */
export function retryFailedScreens(): number {
  const count = retries.size;
  for (const reset of retries) reset();
  retries.clear();
  return count;
}
