/**
 * What the rest of the server may ask of Zalo. Only `server/src/zalo/` implements these (against
 * Zalo itself or the simulator); features depend on this file alone.
 */
export interface ZaloUser {
  /** App-scoped user id of the mini app's Zalo App (a numeric string beyond 2^53: never a number). */
  id: string;
  name: string;
  /** The OA-scoped id, when Zalo gives it (the mini app is linked to the OA). */
  idByOA?: string;
}

export interface ZaloGraph {
  /** Verifies a mini-app user access token (graph `GET /v2.0/me`); rejects when it is invalid. */
  getMe(accessToken: string): Promise<ZaloUser>;
  /** Exchanges a `getPhoneNumber` token (single use, 2 minutes) for the number, normalised to 84…. */
  getPhoneNumber(accessToken: string, phoneToken: string): Promise<string>;
  /** Exchanges a `getLocation` token (single use, 2 minutes) for coordinates. */
  getLocation(accessToken: string, locationToken: string): Promise<{ latitude: number; longitude: number }>;
}
