/**
 * Every environment variable the server reads, validated once at boot. Nothing else reads process.env:
 * `loadConfig(env)` is called by the listener (and by tests with their own values) and the result is
 * passed down. All problems are reported together, each with its fix.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { StartupError } from './startup-error.js';

export const REPO_ROOT = new URL('../../', import.meta.url).pathname;

type Parser<T> = (raw: string) => T | { error: string };

interface Variable<T> {
  default?: string;
  description: string;
  parse: Parser<T>;
}

const text: Parser<string> = (raw) => raw;
const port: Parser<number> = (raw) => {
  const value = Number(raw);
  return Number.isInteger(value) && value > 0 && value < 65536 ? value : { error: 'phải là số cổng 1–65535' };
};
const positiveInt: Parser<number> = (raw) => {
  const value = Number(raw);
  return Number.isInteger(value) && value > 0 ? value : { error: 'phải là số nguyên dương' };
};
const positiveNumber: Parser<number> = (raw) => {
  const value = Number(raw);
  return Number.isFinite(value) && value > 0 ? value : { error: 'phải là số dương (ví dụ 1.5)' };
};
const bool: Parser<boolean> = (raw) =>
  ['true', '1', 'yes'].includes(raw)
    ? true
    : ['false', '0', 'no'].includes(raw)
      ? false
      : { error: 'phải là true hoặc false' };
const oneOf =
  <const T extends string>(...values: T[]): Parser<T> =>
  (raw) =>
    (values as string[]).includes(raw) ? (raw as T) : { error: `phải là một trong: ${values.join(', ')}` };
const postgresUrl: Parser<string> = (raw) =>
  /^postgres(ql)?:\/\/.+/.test(raw)
    ? raw
    : { error: 'phải là chuỗi kết nối dạng postgres://user:pass@host:5432/db' };
const httpUrl: Parser<string> = (raw) =>
  /^https?:\/\/[^\s]+$/.test(raw) ? raw : { error: 'phải là địa chỉ http(s)://…' };
const list: Parser<string[]> = (raw) =>
  raw
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

/** The table of variables. `.env.example` lists the same names; a test keeps them in step. */
export const variables = {
  NODE_ENV: {
    default: 'development',
    description: 'development | production | test',
    parse: oneOf('development', 'production', 'test'),
  },
  HOST: { default: 'localhost', description: 'Địa chỉ lắng nghe (0.0.0.0 trong container)', parse: text },
  PORT: { default: '3000', description: 'Cổng HTTP', parse: port },
  LOG_LEVEL: {
    default: 'info',
    description: 'fatal | error | warn | info | debug | trace | silent',
    parse: oneOf('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'),
  },
  DATABASE_URL: {
    description: 'PostgreSQL có sẵn; bỏ trống để chạy PostgreSQL nhúng trong DATA_DIR',
    parse: postgresUrl,
  },
  DATA_DIR: {
    default: '.data',
    description: 'Thư mục dữ liệu (PostgreSQL nhúng, ảnh, khóa phiên)',
    parse: text,
  },
  EMBEDDED_PG_PORT: {
    default: '54329',
    description: 'Cổng của PostgreSQL nhúng (chỉ 127.0.0.1)',
    parse: port,
  },
  SESSION_SECRET: {
    description: 'Khóa ký phiên đăng nhập, ≥ 32 ký tự; bắt buộc khi NODE_ENV=production',
    parse: text,
  },
  SESSION_TTL_MINUTES: { default: '720', description: 'Thời hạn phiên đăng nhập (phút)', parse: positiveInt },
  PUBLIC_URL: { description: 'Địa chỉ công khai của máy chủ (mặc định http://localhost:PORT)', parse: text },
  DEFAULT_WARD_SLUG: { default: 'dau-giay', description: 'Phường mặc định cho trang công khai', parse: text },
  SEED_DEMO: {
    default: 'true',
    description: 'Tạo phường mẫu Dầu Giây khi cơ sở dữ liệu còn trống',
    parse: bool,
  },
  SERVE_MINI_APP: { default: 'true', description: 'Phục vụ bản dựng mini app tại /', parse: bool },
  CORS_ORIGINS: {
    default: 'https://h5.zdn.vn,zbrowser://h5.zdn.vn',
    description: 'Nguồn được gọi API (mini app trong Zalo)',
    parse: list,
  },
  SCHEDULER: { default: 'true', description: 'Chạy các tác vụ định kỳ trên phiên bản này', parse: bool },
  ZALO_MODE: {
    description: 'simulator | live; mặc định simulator khi chưa có ZALO_APP_ID và ZALO_APP_SECRET',
    parse: oneOf('simulator', 'live'),
  },
  ZALO_APP_ID: { description: 'ID ứng dụng Zalo (developers.zalo.me) gắn với OA và mini app', parse: text },
  ZALO_APP_SECRET: { description: 'Khóa bí mật của ứng dụng Zalo', parse: text },
  ZALO_OA_ID: { description: 'ID Official Account; mặc định lấy từ phường mặc định', parse: text },
  ZALO_OA_ACCESS_TOKEN: { description: 'Access token OA ban đầu (lần chạy đầu tiên)', parse: text },
  ZALO_OA_REFRESH_TOKEN: { description: 'Refresh token OA ban đầu (lần chạy đầu tiên)', parse: text },
  ZALO_WEBHOOK_SECRET: {
    description: 'Khóa ký webhook ("OA Secret Key" ở trang Webhook); mặc định ZALO_APP_SECRET',
    parse: text,
  },
  ZALO_WEBHOOK_ID_TERM: {
    default: 'either',
    description: 'Thành phần đầu của chữ ký webhook: app_id | oa_id | either',
    parse: oneOf('app_id', 'oa_id', 'either'),
  },
  ZALO_OPENAPI_URL: { description: 'Gốc openapi.zalo.me (mặc định theo ZALO_MODE)', parse: text },
  ZALO_GRAPH_URL: { description: 'Gốc graph.zalo.me (mặc định theo ZALO_MODE)', parse: text },
  ZALO_OAUTH_URL: { description: 'Gốc oauth.zaloapp.com (mặc định theo ZALO_MODE)', parse: text },
  ZALO_BUSINESS_URL: { description: 'Gốc business.openapi.zalo.me (mặc định theo ZALO_MODE)', parse: text },
  ZALO_RECENT_GROUP_MESSAGES_PATH: {
    default: '/v3.0/oa/group/conversation',
    description: 'Đường dẫn liệt kê tin gần đây trong nhóm OA (CHƯA XÁC NHẬN trong tài liệu Zalo)',
    parse: text,
  },
  ZALO_TIMEOUT_MS: {
    default: '10000',
    description: 'Thời gian chờ mỗi lần gọi Zalo (ms)',
    parse: positiveInt,
  },
  ZALO_TOKEN_REFRESH_HOURS: {
    default: '12',
    description: 'Làm mới token OA khi còn ít hơn số giờ này (token sống 25 giờ: khoảng 2 lần/ngày)',
    parse: positiveInt,
  },
  SIM_RATE_LIMIT_PER_MIN: {
    default: '4000',
    description: 'Giới hạn yêu cầu/phút của trình giả lập Zalo (trả -32 khi vượt)',
    parse: positiveInt,
  },
  SIM_MESSAGE_LIMIT: {
    default: '100000',
    description: 'Số tin gần nhất mà trình giả lập Zalo giữ lại (tin cũ hơn bị quên)',
    parse: positiveInt,
  },
  PHOTO_MAX_BYTES: {
    default: String(15 * 1024 * 1024),
    description: 'Dung lượng tối đa của một ảnh minh chứng (byte)',
    parse: positiveInt,
  },
  PHOTO_MAX_PIXELS: {
    default: String(50_000_000),
    description: 'Số điểm ảnh tối đa khi giải mã ảnh (chống ảnh "bom giải nén")',
    parse: positiveInt,
  },
  PHOTO_DUPLICATE_DISTANCE: {
    default: '6',
    description: 'Ảnh có dHash cách nhau ≤ giá trị này (0–64 bit) bị gắn cờ giống ảnh đã nộp',
    parse: positiveInt,
  },
  PHOTO_STORAGE: {
    default: 'local',
    description:
      'Nơi lưu ảnh: local (thư mục DATA_DIR/photos) hoặc s3 (kho tương thích S3: MinIO, AWS, đám mây Việt Nam)',
    parse: oneOf('local', 's3'),
  },
  S3_ENDPOINT: {
    description: 'Địa chỉ kho S3 (vd. https://s3.example.vn); để trống khi dùng AWS S3',
    parse: httpUrl,
  },
  S3_REGION: {
    default: 'us-east-1',
    description: 'Vùng của kho S3 (kho tương thích S3 thường chấp nhận us-east-1)',
    parse: text,
  },
  S3_BUCKET: {
    description: 'Tên bucket chứa ảnh (bắt buộc khi PHOTO_STORAGE=s3)',
    parse: text,
  },
  S3_ACCESS_KEY_ID: {
    description: 'Khóa truy cập S3 (bắt buộc khi PHOTO_STORAGE=s3)',
    parse: text,
  },
  S3_SECRET_ACCESS_KEY: {
    description: 'Khóa bí mật S3 (bắt buộc khi PHOTO_STORAGE=s3; không bao giờ ghi vào nhật ký)',
    parse: text,
  },
  S3_FORCE_PATH_STYLE: {
    default: 'true',
    description: 'Địa chỉ dạng endpoint/bucket/khóa (MinIO và phần lớn kho tương thích S3 cần true)',
    parse: bool,
  },
  OA_RATE_PER_MINUTE: {
    default: '4000',
    description:
      'Số yêu cầu OA tối đa trong 60 giây bất kỳ, chung cho mọi phiên bản máy chủ (tự chậm lại khi Zalo báo -32)',
    parse: positiveInt,
  },
  OA_RATE_CEILING_FACTOR: {
    default: '1.5',
    description:
      'Trong một giây gửi tối đa gấp bao nhiêu lần mức trung bình (để bù sau gián đoạn, vẫn trong giới hạn mỗi phút)',
    parse: positiveNumber,
  },
  DELIVERY_LEASE_SECONDS: {
    default: '30',
    description: 'Thời hạn giữ một lượt gửi; quá hạn mà chưa xong thì coi là chưa rõ kết quả',
    parse: positiveInt,
  },
  MINI_APP_LINK_BASE: {
    default: 'https://zalo.me/s/loa-phuong',
    description: 'Đường dẫn mở mini app, gắn vào cuối bài đăng gửi vào nhóm',
    parse: text,
  },
  REMINDER_TEMPLATE_ID: {
    description: 'Mã mẫu tin nhắc việc gửi theo user id OA (ZBS); bỏ trống nếu chưa được duyệt',
    parse: text,
  },
  REMINDER_ZNS_TEMPLATE_ID: {
    description: 'Mã mẫu ZNS nhắc việc gửi theo số điện thoại; bỏ trống nếu chưa được duyệt',
    parse: text,
  },
} satisfies Record<string, Variable<unknown>>;

type Variables = typeof variables;
type Parsed<K extends keyof Variables> = Variables[K]['parse'] extends Parser<infer T> ? T : never;

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
  publicUrl: string;
  defaultWardSlug: string;
  seedDemo: boolean;
  serveMiniApp: boolean;
  corsOrigins: string[];
  scheduler: boolean;
  zalo: ZaloConfig;
  photoMaxBytes: number;
  photoMaxPixels: number;
  photoDuplicateDistance: number;
  photoStorage: 'local' | 's3';
  s3: S3Config | undefined;
  oaRatePerMinute: number;
  oaRateCeilingFactor: number;
  deliveryLeaseSeconds: number;
  miniAppLinkBase: string;
  reminderTemplateId: string | undefined;
  reminderZnsTemplateId: string | undefined;
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
  /** Base URL per Zalo host; in simulator mode, this server's /sim/<host> prefixes. */
  urls: { openapi: string; graph: string; oauth: string; business: string };
  recentGroupMessagesPath: string;
  timeoutMs: number;
  tokenRefreshHours: number;
  simRateLimitPerMin: number;
  simMessageLimit: number;
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

export function loadConfig(env: Record<string, string | undefined>): Config {
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

  const nodeEnv = read('NODE_ENV') ?? 'development';
  const port = read('PORT') ?? 3000;
  const sessionSecret = read('SESSION_SECRET');
  if (sessionSecret !== undefined && sessionSecret.length < 32)
    problems.push('SESSION_SECRET phải dài ít nhất 32 ký tự');
  if (nodeEnv === 'production' && sessionSecret === undefined)
    problems.push('SESSION_SECRET là bắt buộc khi NODE_ENV=production');

  const config: Config = {
    nodeEnv,
    host: read('HOST') ?? 'localhost',
    port,
    logLevel: read('LOG_LEVEL') ?? 'info',
    databaseUrl: read('DATABASE_URL'),
    dataDir: resolve(REPO_ROOT, read('DATA_DIR') ?? '.data'),
    embeddedPgPort: read('EMBEDDED_PG_PORT') ?? 54329,
    sessionSecret,
    sessionTtlMinutes: read('SESSION_TTL_MINUTES') ?? 720,
    publicUrl: (read('PUBLIC_URL') ?? `http://localhost:${port}`).replace(/\/$/, ''),
    defaultWardSlug: read('DEFAULT_WARD_SLUG') ?? 'dau-giay',
    seedDemo: read('SEED_DEMO') ?? true,
    serveMiniApp: read('SERVE_MINI_APP') ?? true,
    corsOrigins: read('CORS_ORIGINS') ?? [],
    scheduler: read('SCHEDULER') ?? true,
    zalo: zaloConfig(read, port),
    photoMaxBytes: read('PHOTO_MAX_BYTES') ?? 15 * 1024 * 1024,
    photoMaxPixels: read('PHOTO_MAX_PIXELS') ?? 50_000_000,
    photoDuplicateDistance: read('PHOTO_DUPLICATE_DISTANCE') ?? 6,
    photoStorage: read('PHOTO_STORAGE') ?? 'local',
    s3: s3Config(read, problems),
    oaRatePerMinute: read('OA_RATE_PER_MINUTE') ?? 4000,
    oaRateCeilingFactor: read('OA_RATE_CEILING_FACTOR') ?? 1.5,
    deliveryLeaseSeconds: read('DELIVERY_LEASE_SECONDS') ?? 30,
    miniAppLinkBase: (read('MINI_APP_LINK_BASE') ?? 'https://zalo.me/s/loa-phuong').replace(/\/$/, ''),
    reminderTemplateId: read('REMINDER_TEMPLATE_ID'),
    reminderZnsTemplateId: read('REMINDER_ZNS_TEMPLATE_ID'),
  };
  // The simulator signs anyone in as anyone: a production server runs it only when asked to.
  if (nodeEnv === 'production' && config.zalo.mode === 'simulator' && !env.ZALO_MODE?.trim())
    problems.push(
      'NODE_ENV=production cần ZALO_APP_ID và ZALO_APP_SECRET (Zalo thật), hoặc ZALO_MODE=simulator cho bản trình diễn',
    );
  if (config.zalo.mode === 'live' && !(config.zalo.appId && config.zalo.appSecret))
    problems.push('ZALO_MODE=live cần ZALO_APP_ID và ZALO_APP_SECRET (xem README, mục Zalo)');
  if (problems.length) throw new ConfigError(problems);
  return config;
}

/** Only when PHOTO_STORAGE=s3; then the bucket and both keys are required. */
function s3Config(
  read: <K extends keyof Variables>(name: K) => Parsed<K> | undefined,
  problems: string[],
): S3Config | undefined {
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

function zaloConfig(
  read: <K extends keyof Variables>(name: K) => Parsed<K> | undefined,
  port: number,
): ZaloConfig {
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
    webhookSecret: read('ZALO_WEBHOOK_SECRET') ?? secret,
    webhookIdTerm: read('ZALO_WEBHOOK_ID_TERM') ?? 'either',
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
    timeoutMs: read('ZALO_TIMEOUT_MS') ?? 10000,
    tokenRefreshHours: read('ZALO_TOKEN_REFRESH_HOURS') ?? 12,
    simRateLimitPerMin: read('SIM_RATE_LIMIT_PER_MIN') ?? 4000,
    simMessageLimit: read('SIM_MESSAGE_LIMIT') ?? 100_000,
  };
}

/** The process environment, with `.env` at the repository root loaded first when it exists. */
export function readEnvironment(): Record<string, string | undefined> {
  const dotEnv = resolve(REPO_ROOT, '.env');
  if (existsSync(dotEnv)) process.loadEnvFile(dotEnv);
  return process.env;
}
