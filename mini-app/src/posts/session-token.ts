/**
 * The signed-in member's session token for the office and team APIs.
 * LEAD: the sign-in feature owns the session; switch this to its token accessor when it is merged.
 */
const KEY = 'loa.session';

export function sessionToken(): string {
  try {
    return window.sessionStorage.getItem(KEY) ?? '';
  } catch (error) {
    console.warn('session storage unavailable', error);
    return '';
  }
}
