/**
 * The ward's members as other features change them: sign-in links a member's Zalo ids, the webhook
 * processor records when someone last wrote to the OA. `members` is written only through here.
 */
export { bumpSessionVersion, linkZaloIds, touchOaInteraction } from './identity-sql.js';
