/**
 * Sign-in links from the ward: the server writes them as Zalo documents mini app links with values,
 * `<mini app>/?invite=<token>` (wards/invites.ts). At start the app takes the token to its sign-in
 * screen (lib/deep-link.tsx). Older links carried it in the hash (`#/sign-in?invite=…`); those still
 * open the screen the way every hash link does.
 */
const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

/** The invite a link carries in its query, or undefined. */
export function inviteFromLocation(
  search = typeof window === 'undefined' ? '' : window.location.search,
): string | undefined {
  const token = new URLSearchParams(search).get('invite')?.trim();
  return token && TOKEN.test(token) ? token : undefined;
}

/** The sign-in screen for an invite. */
export const inviteSignInPath = (token: string) => `/sign-in?invite=${encodeURIComponent(token)}`;

/**
 * Drops `invite` from the query once the screen holds it (the hash then keeps the screen), so coming
 * back to Trang chủ and reloading does not reopen the sign-in.
 */
export function forgetInviteInLocation(): void {
  const params = new URLSearchParams(window.location.search);
  if (!params.has('invite')) return;
  params.delete('invite');
  const search = params.toString();
  window.history.replaceState(
    window.history.state,
    '',
    `${window.location.pathname}${search ? `?${search}` : ''}${window.location.hash}`,
  );
}
