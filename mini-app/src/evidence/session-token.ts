/**
 * The raw session token, for the requests that cannot go through lib/request.ts: the XHR upload (for
 * its progress events) and the photo fetches.
 */
import { getSession } from '../auth/session-store';

export function sessionToken(): string | undefined {
  return getSession()?.token;
}
