/**
 * Links residents open: a post sent to a khu phố group carries "Xem chi tiết: <mini app>/?ward=<slug>
 * &post=<id>" (the server writes it), and the same text travels when a team shares it on. The query
 * names the ward (read by Trang chủ) and the post to open first.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The post a shared link asks to open, or undefined. */
export function postFromLocation(
  search = typeof window === 'undefined' ? '' : window.location.search,
): string | undefined {
  const id = new URLSearchParams(search).get('post')?.trim();
  return id && UUID.test(id) ? id : undefined;
}

/**
 * Forgets `post` in the address once it has been opened (the ward stays): the screen is then kept in
 * the hash like any other, so going back to Trang chủ and reloading does not reopen the post.
 */
export function forgetPostInLocation(): void {
  const params = new URLSearchParams(window.location.search);
  if (!params.has('post')) return;
  params.delete('post');
  const search = params.toString();
  window.history.replaceState(
    window.history.state,
    '',
    `${window.location.pathname}${search ? `?${search}` : ''}${window.location.hash}`,
  );
}
