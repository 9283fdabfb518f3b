/**
 * What other features may ask of sign-in: a member's profile as a session is issued from it (the
 * invite link signs a member in too), and what a session token still grants (the auth plugin's
 * re-checks).
 */
export { findMemberById, type MemberGrant, type ProfileRow, readMemberGrant } from './sql.js';
