/** A sign-in link as the command lines print it: the mini app's link, and the demo's when there is one. */
export function printInviteLinks(invite: { link: string; demoLink?: string }): void {
  console.log('Mở trong Zalo (gửi qua tin nhắn Zalo cho người này):');
  console.log(invite.link);
  if (invite.demoLink) {
    // Only with the simulator: no real Zalo can open the mini app of a machine running a demo.
    console.log('Bản trình diễn (trình giả lập Zalo): mở trong trình duyệt của máy này:');
    console.log(invite.demoLink);
  }
}
