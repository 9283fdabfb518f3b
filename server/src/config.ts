/**
 * Every environment variable the server reads (the table is in config-variables.ts), validated once at boot. Nothing else reads process.env:
 * `loadConfig(env)` is called by the listener (and by tests with their own values) and the result is
 * passed down. All problems are reported together, each with its fix.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  type Parsed,
  type ReadVariable,
  type Variable,
  type Variables,
  variables,
} from './config-variables.js';
import { StartupError } from './startup-error.js';

export { variables };

export const REPO_ROOT = new URL('../../', import.meta.url).pathname;

export interface Config {
  nodeEnv: Parsed<'NODE_ENV'>;
  host: string;
  port: number;
  logLevel: Parsed<'LOG_LEVEL'>;
  databaseUrl: string | undefined;
  dataDir: string;
  embeddedPgPort: number;
  sessionSecret: string | undefined;
  sessionTtlMinutes: number;
  /** How long a session's re-check against its member is trusted (plugins/session-rechecks.ts). */
  sessionRecheckSeconds: number;
  publicUrl: string;
  defaultWardSlug: string;
  seedDemo: boolean;
  serveMiniApp: boolean;
  corsOrigins: string[];
  /** Fastify's trustProxy: which X-Forwarded-For entries name the real client. */
  trustProxy: false | number | string[];
  scheduler: boolean;
  zalo: ZaloConfig;
  photoMaxBytes: number;
  photoMaxPixels: number;
  /** How an upload's body must arrive (evidence/upload-guard.ts). */
  upload: {
    receiveSeconds: number;
    minBytesPerSecond: number;
    rateWindowSeconds: number;
    memoryBytes: number;
    perMember: number;
  };
  photoDuplicateDistance: number;
  photoStorage: 'local' | 's3';
  s3: S3Config | undefined;
  oaRatePerMinute: number;
  oaRateCeilingFactor: number;
  deliveryLeaseSeconds: number;
  miniAppLinkBase: string;
  reminderTemplateId: string | undefined;
  reminderZnsTemplateId: string | undefined;
  /** When staff answer the OA inbox, e.g. "T2-T6 07:30-11:30,13:30-17:00". */
  chatOfficeHours: string;
}

/** The config the app runs with once the database and the session secret are settled (buildApp's input). */
export interface AppConfig extends Config {
  databaseUrl: string;
  sessionSecret: string;
}

export interface S3Config {
  endpoint: string | undefined;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
}

export interface ZaloConfig {
  mode: 'simulator' | 'live';
  appId: string;
  appSecret: string;
  oaId: string | undefined;
  initialAccessToken: string | undefined;
  initialRefreshToken: string | undefined;
  webhookSecret: string;
  webhookIdTerm: 'app_id' | 'oa_id' | 'either';
  /** Signed events older than this are refused (a replay of a captured request). */
  webhookMaxAgeSeconds: number;
  webhookRetentionDays: number;
  /** An event being processed by an instance that died is taken again after this (zalo/webhook-processor.ts). */
  webhookLeaseSeconds: number;
  /** Base URL per Zalo host; in simulator mode, this server's /sim/<host> prefixes. */
  urls: { openapi: string; graph: string; oauth: string; business: string };
  recentGroupMessagesPath: string;
  /**
   * Fields of a listed group message that may hold our text or an image's caption (UNCONFIRMED which:
   * the reconcile accepts a match in any of them).
   */
  groupMessageTextFields: string[];
  timeoutMs: number;
  tokenRefreshHours: number;
  simRateLimitPerMin: number;
  simMessageLimit: number;
  /** Where the simulator lists an image message's caption (either way Zalo may do it). */
  simGroupImageCaptionField: 'message' | 'description';
}

/** Development credentials the simulator accepts; never valid at Zalo. */
export const SIMULATOR_APP = { appId: '1457890123456789012', appSecret: 'simulator-app-secret' } as const;

export class ConfigError extends StartupError {
  constructor(readonly problems: string[]) {
    super(
      `Cấu hình chưa đúng (${problems.length} lỗi): ${problems.join('; ')}. Sửa trong .env hoặc biến môi trường (xem .env.example).`,
    );
  }
}

/** `zalo: false` for commands that never speak Zalo (migrate, seed, backup): no Zalo choice needed. */
export function loadConfig(
  env: Record<string, string | undefined>,
  options: { zalo?: boolean } = {},
): Config {
  const problems: string[] = [];
  const read = <K extends keyof Variables>(name: K): Parsed<K> | undefined => {
    const variable: Variable<unknown> = variables[name];
    const raw = env[name]?.trim() || variable.default;
    if (raw === undefined) return undefined;
    const value = variable.parse(raw);
    if (value && typeof value === 'object' && 'error' in value) {
      problems.push(`${name}=${JSON.stringify(raw)} ${value.error}`);
      return undefined;
    }
    return value as Parsed<K>;
  };

  const host = read('HOST') ?? 'localhost';
  // A server reachable from elsewhere is a deployment: unless told otherwise, it gets production's checks.
  const nodeEnv = read('NODE_ENV') ?? (isLocalHost(host) ? 'development' : 'production');
  const port = read('PORT') ?? 3000;
  const sessionSecret = read('SESSION_SECRET');
  if (sessionSecret !== undefined && sessionSecret.length < 32)
    problems.push('SESSION_SECRET phải dài ít nhất 32 ký tự');
  if (nodeEnv === 'production' && sessionSecret === undefined)
    problems.push('SESSION_SECRET là bắt buộc khi NODE_ENV=production');

  const config: Config = {
    nodeEnv,
    host,
    port,
    logLevel: read('LOG_LEVEL') ?? 'info',
    databaseUrl: read('DATABASE_URL'),
    dataDir: resolve(REPO_ROOT, read('DATA_DIR') ?? '.data'),
    embeddedPgPort: read('EMBEDDED_PG_PORT') ?? 54329,
    sessionSecret,
    sessionTtlMinutes: read('SESSION_TTL_MINUTES') ?? 720,
    sessionRecheckSeconds: read('SESSION_RECHECK_SECONDS') ?? 5,
    publicUrl: (read('PUBLIC_URL') ?? `http://localhost:${port}`).replace(/\/$/, ''),
    defaultWardSlug: read('DEFAULT_WARD_SLUG') ?? 'dau-giay',
    seedDemo: read('SEED_DEMO') ?? true,
    serveMiniApp: read('SERVE_MINI_APP') ?? true,
    corsOrigins: read('CORS_ORIGINS') ?? [],
    trustProxy: read('TRUST_PROXY') ?? false,
    scheduler: read('SCHEDULER') ?? true,
    zalo: zaloConfig(read, port),
    photoMaxBytes: read('PHOTO_MAX_BYTES') ?? 15 * 1024 * 1024,
    photoMaxPixels: read('PHOTO_MAX_PIXELS') ?? 50_000_000,
    upload: {
      receiveSeconds: read('UPLOAD_RECEIVE_SECONDS') ?? 240,
      minBytesPerSecond: read('UPLOAD_MIN_BYTES_PER_SECOND') ?? 2048,
      rateWindowSeconds: read('UPLOAD_RATE_WINDOW_SECONDS') ?? 15,
      memoryBytes: (read('UPLOAD_MEMORY_MB') ?? 128) * 1024 * 1024,
      perMember: read('UPLOAD_PER_MEMBER') ?? 3,
    },
    photoDuplicateDistance: read('PHOTO_DUPLICATE_DISTANCE') ?? 6,
    photoStorage: read('PHOTO_STORAGE') ?? 'local',
    s3: s3Config(read, problems),
    oaRatePerMinute: read('OA_RATE_PER_MINUTE') ?? 4000,
    oaRateCeilingFactor: read('OA_RATE_CEILING_FACTOR') ?? 1.5,
    deliveryLeaseSeconds: read('DELIVERY_LEASE_SECONDS') ?? 30,
    miniAppLinkBase: (read('MINI_APP_LINK_BASE') ?? 'https://zalo.me/s/loa-phuong').replace(/\/$/, ''),
    reminderTemplateId: read('REMINDER_TEMPLATE_ID'),
    reminderZnsTemplateId: read('REMINDER_ZNS_TEMPLATE_ID'),
    chatOfficeHours: read('CHAT_OFFICE_HOURS') ?? 'T2-T6 07:30-11:30,13:30-17:00',
  };
  // The simulator signs anyone in as anyone: it runs only when asked for (npm start asks), and only on this
  // machine unless a public demo is explicitly allowed.
  if (options.zalo === false) {
    // nothing to check: this command never speaks Zalo
  } else if (!env.ZALO_MODE?.trim() && !(env.ZALO_APP_ID?.trim() && env.ZALO_APP_SECRET?.trim()))
    problems.push(
      'chưa chọn Zalo: đặt ZALO_APP_ID và ZALO_APP_SECRET (Zalo thật), hoặc ZALO_MODE=simulator cho bản trình diễn trên máy này (npm start tự chọn)',
    );
  else if (config.zalo.mode === 'simulator' && !isLocalHost(host) && !read('SIMULATOR_ALLOW_REMOTE'))
    problems.push(
      `ZALO_MODE=simulator chỉ lắng nghe trên localhost (HOST=${host}): trình giả lập cho phép đăng nhập thành bất kỳ ai. Dùng HOST=localhost, hoặc SIMULATOR_ALLOW_REMOTE=true cho bản trình diễn công khai`,
    );
  if (config.zalo.mode === 'live' && !(config.zalo.appId && config.zalo.appSecret))
    problems.push('ZALO_MODE=live cần ZALO_APP_ID và ZALO_APP_SECRET (xem README, mục Zalo)');
  if (problems.length) throw new ConfigError(problems);
  return config;
}

/** localhost, 127.x, ::1: addresses no other machine can reach. */
export function isLocalHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** Only when PHOTO_STORAGE=s3; then the bucket and both keys are required. */
function s3Config(read: ReadVariable, problems: string[]): S3Config | undefined {
  if (read('PHOTO_STORAGE') !== 's3') return undefined;
  const bucket = read('S3_BUCKET');
  const accessKeyId = read('S3_ACCESS_KEY_ID');
  const secretAccessKey = read('S3_SECRET_ACCESS_KEY');
  const missing = [
    bucket ? undefined : 'S3_BUCKET',
    accessKeyId ? undefined : 'S3_ACCESS_KEY_ID',
    secretAccessKey ? undefined : 'S3_SECRET_ACCESS_KEY',
  ].filter(Boolean);
  if (missing.length) {
    problems.push(`PHOTO_STORAGE=s3 cần ${missing.join(', ')}`);
    return undefined;
  }
  return {
    endpoint: read('S3_ENDPOINT')?.replace(/\/$/, ''),
    region: read('S3_REGION') ?? 'us-east-1',
    bucket: bucket as string,
    accessKeyId: accessKeyId as string,
    secretAccessKey: secretAccessKey as string,
    forcePathStyle: read('S3_FORCE_PATH_STYLE') ?? true,
  };
}

function zaloConfig(read: ReadVariable, port: number): ZaloConfig {
  const appId = read('ZALO_APP_ID');
  const appSecret = read('ZALO_APP_SECRET');
  const mode = read('ZALO_MODE') ?? (appId && appSecret ? 'live' : 'simulator');
  const local = `http://localhost:${port}/sim`;
  const base = (name: 'openapi' | 'graph' | 'oauth' | 'business', live: string) =>
    mode === 'live' ? live : `${local}/${name}`;
  const secret = appSecret ?? (mode === 'simulator' ? SIMULATOR_APP.appSecret : '');
  return {
    mode,
    appId: appId ?? (mode === 'simulator' ? SIMULATOR_APP.appId : ''),
    appSecret: secret,
    oaId: read('ZALO_OA_ID'),
    initialAccessToken: read('ZALO_OA_ACCESS_TOKEN'),
    initialRefreshToken: read('ZALO_OA_REFRESH_TOKEN'),
    // The simulator's signing key is random (the listener keeps one per data folder): a public constant
    // would let anyone post events as any resident.
    webhookSecret:
      read('ZALO_WEBHOOK_SECRET') ?? (mode === 'simulator' ? randomBytes(24).toString('base64url') : secret),
    webhookIdTerm: read('ZALO_WEBHOOK_ID_TERM') ?? 'either',
    webhookMaxAgeSeconds: read('ZALO_WEBHOOK_MAX_AGE_SECONDS') ?? 10800,
    webhookRetentionDays: read('ZALO_WEBHOOK_RETENTION_DAYS') ?? 30,
    webhookLeaseSeconds: read('ZALO_WEBHOOK_LEASE_SECONDS') ?? 10,
    urls: {
      openapi: (read('ZALO_OPENAPI_URL') ?? base('openapi', 'https://openapi.zalo.me')).replace(/\/$/, ''),
      graph: (read('ZALO_GRAPH_URL') ?? base('graph', 'https://graph.zalo.me')).replace(/\/$/, ''),
      oauth: (read('ZALO_OAUTH_URL') ?? base('oauth', 'https://oauth.zaloapp.com')).replace(/\/$/, ''),
      business: (read('ZALO_BUSINESS_URL') ?? base('business', 'https://business.openapi.zalo.me')).replace(
        /\/$/,
        '',
      ),
    },
    recentGroupMessagesPath: read('ZALO_RECENT_GROUP_MESSAGES_PATH') ?? '/v3.0/oa/group/conversation',
    groupMessageTextFields: read('ZALO_GROUP_MESSAGE_TEXT_FIELDS') ?? ['message', 'description'],
    timeoutMs: read('ZALO_TIMEOUT_MS') ?? 10000,
    tokenRefreshHours: read('ZALO_TOKEN_REFRESH_HOURS') ?? 12,
    simRateLimitPerMin: read('SIM_RATE_LIMIT_PER_MIN') ?? 4000,
    simMessageLimit: read('SIM_MESSAGE_LIMIT') ?? 100_000,
    simGroupImageCaptionField: read('SIM_GROUP_IMAGE_CAPTION_FIELD') ?? 'description',
  };
}

/** The process environment, with `.env` at the repository root loaded first when it exists. */
export function readEnvironment(): Record<string, string | undefined> {
  const dotEnv = resolve(REPO_ROOT, '.env');
  if (existsSync(dotEnv)) process.loadEnvFile(dotEnv);
  return process.env;
}
