/**
 * What other features may ask of sign-in: a member's profile as a session is issued from it (the
 * invite link signs a member in too).
 */
export { findMemberById, type ProfileRow } from './sql.js';
