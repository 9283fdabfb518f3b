/**
 * The session token for the evidence requests. Until lib/request.ts sends the signed-in person's bearer
 * token itself (the sign-in feature), it is read from storage under this key; tests put it there.
 */
export const SESSION_STORAGE_KEY = 'loa.sessionToken';

export function sessionToken(): string | undefined {
  try {
    return window.localStorage.getItem(SESSION_STORAGE_KEY) ?? undefined;
  } catch (error) {
    // Storage can be blocked (private mode); the server then answers 401 with a sign-in message.
    console.warn('session token unavailable', error);
    return undefined;
  }
}
