/**
 * Where sign-in goes back to. A screen that needs a session sends the person to
 * `/sign-in?next=<that screen>`; the address (kept in the hash) survives a reload of the sign-in page.
 */
export function signInPath(from: string): string {
  const next = safeNext(from);
  return next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`;
}

/** The screen to open after signing in: `next` when it is one of ours, else Trang chủ. */
export function returnPath(params: URLSearchParams): string {
  return safeNext(params.get('next'));
}

// Only a path inside the app: not another host ("//…"), not the sign-in page itself (a loop).
function safeNext(next: string | null): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/sign-in')) return '/';
  return next;
}
