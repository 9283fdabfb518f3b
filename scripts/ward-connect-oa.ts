/**
 * `npm run ward:connect-oa -- --slug xuan-tho --oa-id 1234567890 --access-token … --refresh-token …`:
 * connects a ward's own Zalo OA by storing the first token pair its OA admin granted the app (Zalo's
 * API Explorer, "OA Access Token"). Sets the ward's OA id when it has none. Run again with a new pair
 * after a lost grant (/health names the ward).
 */
import { parseArgs } from 'node:util';
import { connectWardOa } from '../server/src/zalo/connect-oa.js';
import { withDatabase } from './lib/with-database.js';

const USAGE =
  'Ví dụ: npm run ward:connect-oa -- --slug xuan-tho --oa-id 1234567890 --access-token <mã truy cập> --refresh-token <mã làm mới>';

let values: { slug?: string; 'oa-id'?: string; 'access-token'?: string; 'refresh-token'?: string };
try {
  ({ values } = parseArgs({
    options: {
      slug: { type: 'string' },
      'oa-id': { type: 'string' },
      'access-token': { type: 'string' },
      'refresh-token': { type: 'string' },
    },
  }));
} catch (error) {
  console.error(`Tham số chưa đúng (${(error as Error).message}). ${USAGE}`);
  process.exit(2);
}

const { slug, 'oa-id': oaId, 'access-token': accessToken, 'refresh-token': refreshToken } = values;
if (!slug || !oaId || !accessToken || !refreshToken) {
  console.error(`Cần đủ --slug, --oa-id, --access-token và --refresh-token. ${USAGE}`);
  process.exit(2);
}

await withDatabase(async (db) => {
  const connected = await connectWardOa(db, { slug, oaId, accessToken, refreshToken });
  console.log(
    `${connected.replaced ? 'Đã thay' : 'Đã lưu'} cặp token OA ${connected.oaId} cho ${connected.wardName}. Từ nay phường gửi tin, lấy nhóm và trả lời qua OA của mình; máy chủ tự làm mới token.`,
  );
});
