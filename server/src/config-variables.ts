/**
 * The table of environment variables the server reads: each with its default, its Vietnamese
 * description and the parser that validates it. `config.ts` reads them into a `Config`.
 */
import { parseOfficeHours } from './conversations/office-hours.js';

type Parser<T> = (raw: string) => T | { error: string };

export interface Variable<T> {
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

/** Field names of a Zalo JSON row (letters, digits, `_`), at least one. */
const fieldNames: Parser<string[]> = (raw) => {
  const names = list(raw) as string[];
  return names.length && names.every((name) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
    ? names
    : { error: 'phải là tên trường cách nhau bởi dấu phẩy, ví dụ message,description' };
};

/** Off, a hop count, or the proxies' addresses: never `true`, which lets any client pick its own address. */
const trustProxy: Parser<false | number | string[]> = (raw) => {
  if (['false', '0', 'no', 'off'].includes(raw)) return false;
  if (/^\d+$/.test(raw)) return Number(raw);
  const addresses = list(raw) as string[];
  return addresses.length && addresses.every((item) => /^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(item))
    ? addresses
    : { error: 'phải là false, số proxy đứng trước (ví dụ 1), hoặc địa chỉ các proxy (10.0.0.1,10.0.0.0/8)' };
};

/** The table of variables. `.env.example` lists the same names; a test keeps them in step. */
export const variables = {
  NODE_ENV: {
    description: 'development | production | test; khi trống: production nếu HOST không phải localhost',
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
  SESSION_RECHECK_SECONDS: {
    default: '5',
    description: 'Sau bao nhiêu giây phiên được đối chiếu lại với thành viên (còn hoạt động, vai trò, tổ)',
    parse: positiveInt,
  },
  PUBLIC_URL: { description: 'Địa chỉ công khai của máy chủ (mặc định http://localhost:PORT)', parse: text },
  DEFAULT_WARD_SLUG: { default: 'dau-giay', description: 'Phường mặc định cho trang công khai', parse: text },
  SEED_DEMO: {
    default: 'true',
    description: 'Tạo phường mẫu Dầu Giây khi cơ sở dữ liệu còn trống',
    parse: bool,
  },
  SERVE_MINI_APP: { default: 'true', description: 'Phục vụ bản dựng mini app tại /', parse: bool },
  TRUST_PROXY: {
    default: 'false',
    description:
      'Tin X-Forwarded-For từ proxy: false, số proxy đứng trước máy chủ, hoặc địa chỉ các proxy (ngăn giả mạo địa chỉ)',
    parse: trustProxy,
  },
  CORS_ORIGINS: {
    default: 'https://h5.zdn.vn,zbrowser://h5.zdn.vn',
    description: 'Nguồn được gọi API (mini app trong Zalo)',
    parse: list,
  },
  SCHEDULER: { default: 'true', description: 'Chạy các tác vụ định kỳ trên phiên bản này', parse: bool },
  ZALO_MODE: {
    description:
      'simulator | live; mặc định live khi có ZALO_APP_ID và ZALO_APP_SECRET; simulator phải được yêu cầu (npm start yêu cầu sẵn)',
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
  ZALO_WEBHOOK_MAX_AGE_SECONDS: {
    default: '10800',
    description: 'Từ chối sự kiện webhook có timestamp cũ hơn số giây này (Zalo gửi lại trong khoảng 2 giờ)',
    parse: positiveInt,
  },
  ZALO_WEBHOOK_RETENTION_DAYS: {
    default: '30',
    description: 'Xóa sự kiện webhook đã nhận sau số ngày này',
    parse: positiveInt,
  },
  ZALO_WEBHOOK_LEASE_SECONDS: {
    default: '10',
    description:
      'Sự kiện webhook đang xử lý dở khi máy chủ dừng đột ngột được xử lý lại sau số giây này (nhịp giữ chỗ mỗi 1/3 khoảng đó)',
    parse: positiveInt,
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
  ZALO_GROUP_MESSAGE_TEXT_FIELDS: {
    default: 'message,description',
    description:
      'Các trường của một tin trong danh sách tin nhóm có thể chứa nội dung tin hoặc chú thích ảnh, dùng để đối chiếu tin mất câu trả lời (CHƯA XÁC NHẬN: có SDK ngoài để chú thích ảnh ở description)',
    parse: fieldNames,
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
  SIMULATOR_ALLOW_REMOTE: {
    default: 'false',
    description:
      'Cho phép trình giả lập Zalo (ai cũng đăng nhập được) lắng nghe trên HOST khác localhost: chỉ cho bản trình diễn',
    parse: bool,
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
  SIM_GROUP_IMAGE_CAPTION_FIELD: {
    default: 'description',
    description:
      'Trình giả lập Zalo liệt kê chú thích của tin ảnh trong nhóm ở trường này: message | description (Zalo chưa xác nhận trường nào)',
    parse: oneOf('message', 'description'),
  },
  PHOTO_MAX_BYTES: {
    default: String(15 * 1024 * 1024),
    description: 'Dung lượng tối đa của một ảnh minh chứng (byte)',
    parse: positiveInt,
  },
  UPLOAD_RECEIVE_SECONDS: {
    default: '240',
    description:
      'Thời gian tối đa để nhận xong một ảnh tải lên (giây); quá hạn trả 408 để điện thoại gửi lại',
    parse: positiveInt,
  },
  UPLOAD_MIN_BYTES_PER_SECOND: {
    default: '2048',
    description: 'Tốc độ nhận ảnh tối thiểu (byte/giây, tính theo từng khoảng UPLOAD_RATE_WINDOW_SECONDS)',
    parse: positiveInt,
  },
  UPLOAD_RATE_WINDOW_SECONDS: {
    default: '15',
    description: 'Khoảng thời gian (giây) để đo tốc độ nhận ảnh tối thiểu',
    parse: positiveInt,
  },
  UPLOAD_MEMORY_MB: {
    default: '128',
    description: 'Bộ nhớ tối đa (MB) cho các ảnh đang được nhận cùng lúc, tính theo số byte đã đến',
    parse: positiveInt,
  },
  UPLOAD_PER_MEMBER: {
    default: '3',
    description: 'Số ảnh một người được gửi cùng lúc; ảnh thứ tiếp theo nhận 429 và được gửi lại sau',
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
  CHAT_OFFICE_HOURS: {
    default: 'T2-T6 07:30-11:30,13:30-17:00',
    description:
      'Giờ cán bộ trả lời hộp thư OA (T2…T7, CN; giờ 24h), nói cho người dân trong tin trả lời tự động khi chuyển cán bộ',
    parse: (raw) => {
      const parsed = parseOfficeHours(raw);
      return 'error' in parsed ? parsed : parsed.text;
    },
  },
  REMINDER_ZNS_TEMPLATE_ID: {
    description: 'Mã mẫu ZNS nhắc việc gửi theo số điện thoại; bỏ trống nếu chưa được duyệt',
    parse: text,
  },
} satisfies Record<string, Variable<unknown>>;

export type Variables = typeof variables;
export type Parsed<K extends keyof Variables> = Variables[K]['parse'] extends Parser<infer T> ? T : never;

/** Reads one variable (parsed, or its default); a bad value is recorded as a problem. */
export type ReadVariable = <K extends keyof Variables>(name: K) => Parsed<K> | undefined;
