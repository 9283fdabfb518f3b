/**
 * The OA access token. Zalo's refresh token is single use and rotates, so:
 * - a refresh is single-flight inside this process (one promise) and across instances (a row lock on
 *   the oa_tokens row, re-read after taking it: if another instance already refreshed, use its token);
 * - the new pair is committed before anyone uses it;
 * - a lost grant is recorded (status grant_lost, audit log), logged loudly and shown on /health.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../plugins/db.js';
import type { OaTokenPair, OaTokenSource } from './client.js';
import { grantLostError, oaNotConnectedError, ZaloApiError } from './errors.js';
import {
  insertOaTokenIfMissing,
  markOaGrantLost,
  type OaTokenRow,
  recordOaTokenError,
  selectOaToken,
  updateOaTokenPair,
} from './sql.js';

/** A token this close to expiry is refreshed before use. */
const EXPIRY_MARGIN_MS = 5 * 60_000;

export interface TokenKeeperOptions {
  db: Db;
  log: FastifyBaseLogger;
  resolveOaId: () => Promise<string>;
  refresh: (refreshToken: string) => Promise<OaTokenPair>;
  /** The first pair when the database has none (configuration, or the simulator's grant). */
  initialPair: () => Promise<OaTokenPair | undefined>;
  refreshAheadMs: number;
}

export class OaTokenKeeper implements OaTokenSource {
  private cached: { token: string; expiresAt: number } | undefined;
  private inflight: Promise<string> | undefined;
  private lostReason: string | undefined;

  constructor(private readonly options: TokenKeeperOptions) {}

  /** Health: undefined when fine, else the Vietnamese message staff should act on. Reads the row, so
   * a grant lost by another instance shows here too. */
  async problem(): Promise<string | undefined> {
    const oaId = await this.options.resolveOaId().catch(() => undefined);
    if (!oaId) return this.lostReason;
    const row = await this.options.db.withSystem((client) => selectOaToken(client, oaId));
    this.lostReason =
      row?.status === 'grant_lost' ? lostMessage(row.lastError ?? 'refresh token bị từ chối') : undefined;
    return this.lostReason;
  }

  async getAccessToken(): Promise<string> {
    if (this.cached && this.cached.expiresAt - Date.now() > EXPIRY_MARGIN_MS) return this.cached.token;
    const row = await this.loadRow();
    if (row.accessExpiresAt.getTime() - Date.now() > EXPIRY_MARGIN_MS) return this.remember(row);
    return this.refreshAfterRejection(row.accessToken);
  }

  refreshAfterRejection(rejected: string): Promise<string> {
    this.inflight ??= this.refreshLocked((row) => row.accessToken === rejected).finally(() => {
      this.inflight = undefined;
    });
    return this.inflight;
  }

  /** The periodic pass: refresh when less than `refreshAheadMs` remains (about twice a day). */
  refreshIfDue(): Promise<string> {
    const ahead = this.options.refreshAheadMs;
    this.inflight ??= this.refreshLocked((row) => row.accessExpiresAt.getTime() - Date.now() < ahead).finally(
      () => {
        this.inflight = undefined;
      },
    );
    return this.inflight;
  }

  private remember(row: OaTokenRow): string {
    this.cached = { token: row.accessToken, expiresAt: row.accessExpiresAt.getTime() };
    return row.accessToken;
  }

  private async loadRow(): Promise<OaTokenRow> {
    const oaId = await this.options.resolveOaId();
    let row = await this.options.db.withSystem((client) => selectOaToken(client, oaId));
    if (!row) {
      const pair = await this.options.initialPair();
      if (!pair) throw oaNotConnectedError();
      await this.options.db.withSystem((client) => insertOaTokenIfMissing(client, oaId, pair));
      row = await this.options.db.withSystem((client) => selectOaToken(client, oaId));
      if (!row) throw grantLostError(`không có phường nào gắn OA ${oaId}`);
    }
    if (row.status === 'grant_lost') {
      this.lostReason = lostMessage(row.lastError ?? 'refresh token bị từ chối');
      throw grantLostError(row.lastError ?? 'refresh token bị từ chối');
    }
    return row;
  }

  private async refreshLocked(needed: (row: OaTokenRow) => boolean): Promise<string> {
    const oaId = await this.options.resolveOaId();
    await this.loadRow(); // creates the row on first use, and stops early on a lost grant
    let lost: string | undefined;
    let fresh: { token: string; expiresAt: number } | undefined;
    const token = await this.options.db.withSystem(async (client) => {
      // The lock is held across the HTTP call: the client's timeout bounds it, and a second instance
      // waiting here re-reads the row and finds the fresh pair instead of spending the refresh token.
      const row = await selectOaToken(client, oaId, true);
      if (!row) throw grantLostError('dòng token OA đã bị xóa');
      if (!needed(row)) return this.remember(row);
      try {
        const pair = await this.options.refresh(row.refreshToken);
        await updateOaTokenPair(client, oaId, pair);
        fresh = { token: pair.accessToken, expiresAt: Date.now() + pair.expiresInSeconds * 1000 };
        return pair.accessToken;
      } catch (error) {
        const reason = error instanceof ZaloApiError ? error.explanation : (error as Error).message;
        // Only a definite rejection loses the grant; a timeout may have rotated it, the next try tells.
        if (error instanceof ZaloApiError && (error.kind === 'token' || error.kind === 'permanent')) {
          await markOaGrantLost(client, oaId, reason);
          lost = reason;
          return undefined;
        }
        await recordOaTokenError(client, oaId, reason);
        throw error;
      }
    });
    // Only now is the new pair committed: hand it out from here on, never before.
    if (fresh) {
      this.cached = fresh;
      this.lostReason = undefined;
    }
    if (lost !== undefined || token === undefined) {
      this.lostReason = lostMessage(lost ?? 'không rõ');
      this.options.log.error(
        { oaId, reason: lost },
        'Zalo OA grant lost: an OA admin must grant the app again',
      );
      throw grantLostError(lost ?? 'không rõ');
    }
    return token;
  }
}

function lostMessage(reason: string): string {
  return `Mất quyền truy cập OA (${reason}). Quản trị viên OA cần cấp quyền lại cho ứng dụng (xem README, mục Zalo); trong lúc này không gửi được tin qua OA.`;
}
