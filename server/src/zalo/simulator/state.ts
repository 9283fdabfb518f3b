/**
 * The simulator's world, in memory: the OAs and their token grants, the people (seeded from the demo
 * ward's members), the groups, every accepted message, the rate-limit window and the injected faults.
 * The demo ward's OA is the default one (`oaId`); a second ward's OA exists once a grant names it
 * (`issueOaGrant(oaId)`), and its groups and people carry its id, so a call made with OA B's token sees
 * only OA B's groups and people, as Zalo scopes them.
 * Handlers only touch maps and arrays so the simulator stays cheap under a dispatch benchmark.
 */
import { randomBytes } from 'node:crypto';

export const DAY_MS = 86_400_000;
export const OA_ACCESS_TTL_S = 90_000; // 25 h, as documented
const OA_REFRESH_TTL_MS = 90 * DAY_MS;
const USER_TOKEN_TTL_MS = 2 * 60_000; // phone and location tokens: single use, 2 minutes

export interface SimPerson {
  oaUserId: string;
  appUserId: string;
  name: string;
  phone: string;
  memberId?: string;
  role: string;
  unitName: string;
  lastInteraction: number | undefined;
  follower: boolean;
  location: { latitude: number; longitude: number };
  /** The OA this person writes to, when not the default ward's (a second ward in tests and benchmarks). */
  oaId?: string;
}

export interface SimGrant {
  expiresAt: number;
  /** Undefined: the default OA. */
  oaId?: string;
}

export interface SimGroup {
  groupId: string;
  name: string;
  /** Created by the OA (GMF): the OA may post. Ordinary groups are shown but refuse the OA (-403). */
  oaGroup: boolean;
  status: 'enabled' | 'disabled';
  memberIds: string[];
  /** The OA that created the group, when not the default one (a second ward's). */
  oaId?: string;
}

export interface SimMessage {
  messageId: string;
  channel: 'group' | 'cs' | 'template' | 'zns' | 'user';
  from: 'oa' | 'user';
  /** The OA that sent it (by the access token used), for messages from an OA. */
  oaId?: string;
  userId?: string;
  groupId?: string;
  phone?: string;
  text: string;
  templateId?: string;
  billable?: boolean;
  attachment?: {
    type: 'image' | 'location';
    url?: string;
    latitude?: number;
    longitude?: number;
    /** An image the OA uploaded first (POST /v2.0/oa/upload/image). */
    attachmentId?: string;
  };
  at: number;
  /** Accepted, but the answer was held past the caller's timeout (a "timeout after accept" fault). */
  answerHeld?: boolean;
}

export interface FaultRule {
  /** Applies when the request path contains this (e.g. "/group/message"); every Zalo route when absent. */
  endpoint?: string;
  type: 'http_5xx' | 'timeout_after_accept' | 'error' | 'latency';
  code?: number;
  probability?: number;
  /** Applies this many times, then stops. */
  count?: number;
  latencyMs?: number;
  /** How long a "timeout after accept" holds the answer (longer than the client's timeout). */
  hangMs?: number;
  /** Bursts: the rule applies only during the first `forMs` of every `everyMs` (from when it was set). */
  everyMs?: number;
  forMs?: number;
}

/** Deterministic faults: the same seed and rules give the same failures in the same order. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const emptyFired = () => ({ http_5xx: 0, timeout_after_accept: 0, error: 0, latency: 0 });

export class SimState {
  oaId = '';
  oaName = '';
  people = new Map<string, SimPerson>(); // by OA-scoped id
  groups = new Map<string, SimGroup>();
  messages: SimMessage[] = [];
  byGroup = new Map<string, SimMessage[]>();
  byUser = new Map<string, SimMessage[]>();
  private nextMessage = 0n;
  /** Images the OA uploaded, by attachment id: their size and type, and the bytes' sha256. */
  uploads = new Map<string, { bytes: number; mimeType: string; sha256: string; oaId?: string }>();

  /** Grants by token: when each expires and the OA it is for (undefined: the default OA). */
  oaAccess = new Map<string, SimGrant>();
  oaRefresh = new Map<string, SimGrant>();
  refreshRequests = 0;
  userTokens = new Map<string, string>(); // mini-app access token → app user id
  codes = new Map<string, { appUserId: string; kind: 'phone' | 'location'; expiresAt: number }>();

  private windowStart = 0;
  private windowCount = 0;
  rateLimited = 0;
  requests = 0;
  templateQuota = { daily: 500, used: 0 };
  znsQuota = { daily: 500, used: 0 };

  /**
   * Where a group's recent-message listing puts an image message's caption. Zalo's field is
   * unconfirmed (a third-party SDK reads a photo's caption from `description`), so either can be played.
   */
  groupImageCaptionField: 'message' | 'description' = 'description';

  faults: FaultRule[] = [];
  /** How many times each fault type fired since the rules were last set. */
  faultsFired: Record<FaultRule['type'], number> = emptyFired();
  private faultsSetAt = Date.now();
  private random = mulberry32(1);

  constructor(
    readonly rateLimitPerMin: number,
    /** The simulator keeps this many recent messages (a long demo or benchmark must not grow forever). */
    readonly messageLimit = 100_000,
  ) {}

  newMessageId(): string {
    this.nextMessage += 1n;
    // Beyond 2^53 on purpose: whoever parses it as a number corrupts it and a test notices.
    return (9_007_199_254_740_993n + this.nextMessage * 7n).toString();
  }

  record(message: Omit<SimMessage, 'messageId' | 'at'> & { at?: number }): SimMessage {
    const full: SimMessage = { ...message, messageId: this.newMessageId(), at: message.at ?? Date.now() };
    this.messages.push(full);
    const key = full.groupId ?? full.userId;
    const index = full.groupId ? this.byGroup : this.byUser;
    if (key) {
      const list = index.get(key) ?? [];
      list.push(full);
      index.set(key, list);
    }
    // Trimmed in batches of a tenth, so a message costs O(1) on average.
    if (this.messages.length > this.messageLimit + Math.ceil(this.messageLimit / 10)) this.forgetOldest();
    return full;
  }

  /** Drops the oldest messages beyond the limit from the list and from both indexes. */
  private forgetOldest(): void {
    const dropped = this.messages.splice(0, this.messages.length - this.messageLimit);
    const counts = new Map<Map<string, SimMessage[]>, Map<string, number>>([
      [this.byGroup, new Map()],
      [this.byUser, new Map()],
    ]);
    for (const message of dropped) {
      const key = message.groupId ?? message.userId;
      if (!key) continue;
      const perKey = counts.get(message.groupId ? this.byGroup : this.byUser) as Map<string, number>;
      perKey.set(key, (perKey.get(key) ?? 0) + 1);
    }
    for (const [index, perKey] of counts) {
      for (const [key, count] of perKey) {
        const list = index.get(key) ?? [];
        list.splice(0, count); // each list is in the same (arrival) order as `messages`
        if (list.length === 0) index.delete(key);
      }
    }
  }

  /** Fixed one-minute window, like Zalo's per-app 4,000 requests/min. */
  allowRequest(now = Date.now()): boolean {
    this.requests++;
    if (now - this.windowStart >= 60_000) {
      this.windowStart = now;
      this.windowCount = 0;
    }
    this.windowCount++;
    if (this.windowCount > this.rateLimitPerMin) {
      this.rateLimited++;
      return false;
    }
    return true;
  }

  setFaults(rules: FaultRule[], seed = 1): void {
    this.faults = rules.map((rule) => ({ ...rule }));
    this.random = mulberry32(seed);
    this.faultsSetAt = Date.now();
    this.faultsFired = emptyFired();
  }

  /** The faults that fire for this request (each rule rolls its own probability). */
  pickFaults(path: string, now = Date.now()): FaultRule[] {
    const fired: FaultRule[] = [];
    for (const rule of this.faults) {
      if (rule.endpoint && !path.includes(rule.endpoint)) continue;
      if (rule.count !== undefined && rule.count <= 0) continue;
      if (rule.everyMs && (now - this.faultsSetAt) % rule.everyMs >= (rule.forMs ?? 0)) continue;
      if (this.random() >= (rule.probability ?? 1)) continue;
      if (rule.count !== undefined) rule.count--;
      this.faultsFired[rule.type]++;
      fired.push(rule);
    }
    return fired;
  }

  /** A token pair for an OA (the default OA when `oaId` is not given), as an OA admin's consent gives. */
  issueOaGrant(oaId?: string): { accessToken: string; refreshToken: string; expiresInSeconds: number } {
    const accessToken = `simoa_${randomBytes(18).toString('base64url')}`;
    const refreshToken = `simrt_${randomBytes(18).toString('base64url')}`;
    const forOa = oaId && oaId !== this.oaId ? { oaId } : {};
    this.oaAccess.set(accessToken, { expiresAt: Date.now() + OA_ACCESS_TTL_S * 1000, ...forOa });
    this.oaRefresh.set(refreshToken, { expiresAt: Date.now() + OA_REFRESH_TTL_MS, ...forOa });
    return { accessToken, refreshToken, expiresInSeconds: OA_ACCESS_TTL_S };
  }

  /** 0 when valid, else Zalo's code (-216 invalid, -220 expired). */
  checkOaToken(token: string | undefined): number {
    const grant = token ? this.oaAccess.get(token) : undefined;
    if (grant === undefined) return -216;
    return grant.expiresAt > Date.now() ? 0 : -220;
  }

  /** The OA a valid access token speaks for. */
  oaOfToken(token: string | undefined): string {
    return (token ? this.oaAccess.get(token)?.oaId : undefined) ?? this.oaId;
  }

  /** The OA that created a group (the default OA unless the group names another). */
  groupOa(group: SimGroup): string {
    return group.oaId ?? this.oaId;
  }

  /** The OA a person follows and writes to. */
  personOa(person: SimPerson): string {
    return person.oaId ?? this.oaId;
  }

  /** Single use: the old refresh token dies with this call, whatever happens next. */
  rotate(refreshToken: string): ReturnType<SimState['issueOaGrant']> | undefined {
    this.refreshRequests++;
    const grant = this.oaRefresh.get(refreshToken);
    this.oaRefresh.delete(refreshToken);
    if (grant === undefined || grant.expiresAt < Date.now()) return undefined;
    return this.issueOaGrant(grant.oaId);
  }

  /** Every access token (or only one OA's) expires now. */
  expireOaTokens(oaId?: string): void {
    for (const [token, grant] of this.oaAccess)
      if (oaId === undefined || (grant.oaId ?? this.oaId) === oaId)
        this.oaAccess.set(token, { ...grant, expiresAt: Date.now() - 1000 });
  }

  /** Zalo no longer honours an OA's refresh tokens (its admin revoked the app): the grant is lost. */
  revokeOaGrant(oaId: string): void {
    for (const [token, grant] of this.oaRefresh)
      if ((grant.oaId ?? this.oaId) === oaId) this.oaRefresh.delete(token);
  }

  issueUserToken(person: SimPerson): string {
    const token = `simuser_${randomBytes(18).toString('base64url')}`;
    this.userTokens.set(token, person.appUserId);
    return token;
  }

  issueCode(person: SimPerson, kind: 'phone' | 'location'): string {
    const code = `sim${kind}_${randomBytes(12).toString('base64url')}`;
    this.codes.set(code, { appUserId: person.appUserId, kind, expiresAt: Date.now() + USER_TOKEN_TTL_MS });
    return code;
  }

  personByAppId(appUserId: string): SimPerson | undefined {
    for (const person of this.people.values()) if (person.appUserId === appUserId) return person;
    return undefined;
  }

  /** A person by OA id, app id or member id (the page and tests use whichever they have). */
  findPerson(id: string): SimPerson | undefined {
    return (
      this.people.get(id) ??
      [...this.people.values()].find((person) => person.memberId === id || person.appUserId === id)
    );
  }
}
