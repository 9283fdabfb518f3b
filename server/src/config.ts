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
  OA_RATE_PER_MINUTE: {
    default: '4000',
    description: 'Số tin OA tối đa mỗi phút mà phiên bản này gửi (tự chậm lại khi Zalo báo -32)',
    parse: positiveInt,
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
  oaRatePerMinute: number;
  deliveryLeaseSeconds: number;
  miniAppLinkBase: string;
  reminderTemplateId: string | undefined;
  reminderZnsTemplateId: string | undefined;
}

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
    oaRatePerMinute: read('OA_RATE_PER_MINUTE') ?? 4000,
    deliveryLeaseSeconds: read('DELIVERY_LEASE_SECONDS') ?? 30,
    miniAppLinkBase: (read('MINI_APP_LINK_BASE') ?? 'https://zalo.me/s/loa-phuong').replace(/\/$/, ''),
    reminderTemplateId: read('REMINDER_TEMPLATE_ID'),
    reminderZnsTemplateId: read('REMINDER_ZNS_TEMPLATE_ID'),
  };
  if (problems.length) throw new ConfigError(problems);
  return config;
}

/** The process environment, with `.env` at the repository root loaded first when it exists. */
export function readEnvironment(): Record<string, string | undefined> {
  const dotEnv = resolve(REPO_ROOT, '.env');
  if (existsSync(dotEnv)) process.loadEnvFile(dotEnv);
  return process.env;
}
