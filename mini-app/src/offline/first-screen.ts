import type { PublicCampaignReply } from '@loa/shared';
import type { QueryClient } from '@tanstack/react-query';
import { publicCampaignKey, wardFromLocation } from '../campaigns/use-public-campaign';

/** The id the server gives the JSON block (server/src/plugins/first-screen-page.ts). */
const ELEMENT_ID = 'loa-first-screen';

interface FirstScreenBlock {
  /** The ward the link named, or null: the server's default ward. */
  ward: string | null;
  reply: PublicCampaignReply;
}

/**
 * Puts the Trang chủ answer the server wrote into the page into the query cache, so the first paint
 * needs no request. Only when it is the answer for the ward this address names; a page served by the
 * service worker (offline/offline-app.ts) has no block, and the last-known data is used instead.
 */
export function seedFromPage(client: QueryClient, ward = wardFromLocation()): boolean {
  const element = document.getElementById(ELEMENT_ID);
  if (!element?.textContent) return false;
  try {
    const block = JSON.parse(element.textContent) as FirstScreenBlock;
    if ((block.ward ?? undefined) !== ward) return false;
    // As fresh as the page itself: the server answered it while sending the page. Under the ward's
    // own slug too: a signed-in member of that ward asks Trang chủ by it (useHomeWard).
    const updatedAt = Date.now();
    client.setQueryData(publicCampaignKey(ward), block.reply, { updatedAt });
    client.setQueryData(publicCampaignKey(block.reply.ward.slug), block.reply, { updatedAt });
    return true;
  } catch (error) {
    console.warn('first-screen data unreadable; Trang chủ asks the server', error);
    return false;
  } finally {
    element.remove();
  }
}
