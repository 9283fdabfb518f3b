/**
 * One token keeper and one messenger per OA: each ward sends, fetches its groups, uploads images,
 * replies in chat and notifies through its own OA (`wards.zalo_oa_id`), with the token pair stored for
 * that ward (`oa_tokens`, keyed by ward and OA). Keepers are made on first use and kept; each refreshes
 * single-flight for its own OA (token-keeper.ts), so one OA's refresh or lost grant never touches
 * another's.
 *
 * The rule callers rely on: `connected(oaId)` refuses a ward without an OA id, or whose OA has no
 * token (never connected, or the grant lost), with a Vietnamese reason; nothing ever falls back to
 * another OA.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { ZaloConfig } from '../config.js';
import { AppError } from '../errors.js';
import type { Db } from '../plugins/db.js';
import { type OaExtras, type OaTokenPair, type OaTokenSource, ZaloClient } from './client.js';
import { wardHasNoOaError, ZaloApiError } from './errors.js';
import { listWardOaTokens, selectWardOaId } from './sql.js';
import { OaTokenKeeper } from './token-keeper.js';
import type { Transport } from './transport.js';
import type { ZaloOaMessenger } from './types.js';

export type OaMessenger = ZaloOaMessenger & OaExtras;

/** `app.zalo.tokens`: the default ward's OA token, resolved on each call (its OA id may be set later). */
export interface DefaultOaTokens extends OaTokenSource {
  refreshIfDue(): Promise<string>;
}

export interface OaRegistryOptions {
  db: Db;
  log: FastifyBaseLogger;
  config: ZaloConfig;
  transport: Transport;
  /** The first pair for an OA whose ward has no row yet (only the default ward's: configuration or the
   * simulator's grant); any other OA is connected explicitly (ward:connect-oa). */
  initialPairFor: (oaId: string) => Promise<OaTokenPair | undefined>;
  refreshAheadMs: number;
}

interface Entry {
  keeper: OaTokenKeeper;
  client: ZaloClient;
}

export class OaRegistry {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly options: OaRegistryOptions) {}

  private entry(oaId: string): Entry {
    let entry = this.entries.get(oaId);
    if (!entry) {
      const { db, log, config, transport, initialPairFor, refreshAheadMs } = this.options;
      const keeper: OaTokenKeeper = new OaTokenKeeper({
        db,
        log: log.child({ oaId }),
        resolveOaId: async () => oaId,
        refresh: (refreshToken) => client.refreshOaToken(refreshToken),
        initialPair: () => initialPairFor(oaId),
        refreshAheadMs,
      });
      const client: ZaloClient = new ZaloClient(config, transport, keeper);
      entry = { keeper, client };
      this.entries.set(oaId, entry);
    }
    return entry;
  }

  /** The OA's token keeper (made on first use). */
  keeper(oaId: string): OaTokenKeeper {
    return this.entry(oaId).keeper;
  }

  /** The OA's messenger, unchecked: a call fails with the reason when the OA has no token. */
  messenger(oaId: string): OaMessenger {
    return this.entry(oaId).client.oa;
  }

  /**
   * The messenger of a ward's OA, once its token is known to be there (read or refreshed now). Throws a
   * permanent ZaloApiError with the Vietnamese reason when the ward has no OA id, the OA was never
   * connected, or its grant is lost; a network failure while refreshing stays retryable.
   */
  async connected(oaId: string | null | undefined): Promise<OaMessenger> {
    if (!oaId) throw wardHasNoOaError();
    const { keeper, client } = this.entry(oaId);
    await keeper.getAccessToken();
    return client.oa;
  }

  /** For routes: the ward's OA and its messenger, or a 409 (a person must act) / 503 (try later). */
  async forWard(wardId: string): Promise<{ oaId: string; messenger: OaMessenger }> {
    const oaId = await this.options.db.withWard(wardId, (db) => selectWardOaId(db, wardId));
    try {
      return { oaId: oaId as string, messenger: await this.connected(oaId) };
    } catch (error) {
      if (!(error instanceof ZaloApiError)) throw error;
      if (error.kind === 'permanent' || error.kind === 'token')
        throw new AppError('WARD_OA_NOT_CONNECTED', error.explanation);
      throw new AppError('ZALO_UNAVAILABLE', `Chưa kết nối được Zalo: ${error.explanation}`);
    }
  }

  /** The periodic pass: every ward's OA with a token, each refreshed when due; one failing stops none. */
  async refreshAllDue(extraOaIds: string[] = []): Promise<void> {
    const rows = await this.options.db.withSystem((db) => listWardOaTokens(db));
    const due = new Set([...rows.filter((row) => row.status === 'ok').map((row) => row.oaId), ...extraOaIds]);
    for (const oaId of due) {
      await this.keeper(oaId)
        .refreshIfDue()
        .catch((error) => this.options.log.error({ err: error, oaId }, 'Zalo OA token refresh failed'));
    }
  }

  /** Health: every ward whose OA grant is lost, by name, with what staff should do; undefined if none. */
  async lostGrants(): Promise<string | undefined> {
    const rows = await this.options.db.withSystem((db) => listWardOaTokens(db));
    const lost = rows.filter((row) => row.status === 'grant_lost');
    if (lost.length === 0) return undefined;
    return lost
      .map(
        (row) =>
          `${row.wardName} (OA ${row.oaId}): mất quyền truy cập OA (${row.lastError ?? 'refresh token bị từ chối'}). Quản trị viên OA cần cấp quyền lại cho ứng dụng (xem README, mục Zalo); trong lúc này phường này không gửi được tin qua OA.`,
      )
      .join(' ');
  }
}
