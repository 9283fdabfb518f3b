/**
 * The server under test for the dispatch benchmark: the real app (buildApp) with SCHEDULER on, killed
 * with SIGKILL by dispatch.ts. It sends through `app.zalo.oa` when the Zalo layer is merged (pointed at
 * the simulator by its own configuration); until then through a minimal HTTP messenger to the stand-in.
 */
import { buildApp } from '../../server/src/app.js';
import { loadConfig } from '../../server/src/config.js';
import { ZaloApiError, type ZaloOaMessenger } from '../../server/src/zalo/types.js';

const env = process.env;
const simUrl = env.BENCH_SIM_URL as string;
const TIMEOUT_MS = 2_000;

async function call(path: string, init?: RequestInit): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(`${simUrl}${path}`, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'TimeoutError') throw new ZaloApiError('unknown', 0, 'Zalo không trả lời kịp.');
    throw new ZaloApiError('retryable', 0, 'Không kết nối được tới Zalo.');
  }
  if (response.status >= 500)
    throw new ZaloApiError('retryable', response.status, `Zalo lỗi ${response.status}.`);
  const body = (await response.json()) as { error?: number; data?: { message_id: string } };
  if (body.error === -32) throw new ZaloApiError('rate_limited', -32, 'Gửi quá nhanh (-32).');
  return body;
}

const standInMessenger: ZaloOaMessenger = {
  async sendGroupText(groupId, text) {
    const body = (await call('/group/message', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ groupId, text }),
    })) as { data: { message_id: string } };
    return { messageId: body.data.message_id };
  },
  async listRecentGroupMessages(groupId, limit) {
    const body = (await call(`/group/messages?groupId=${encodeURIComponent(groupId)}&limit=${limit}`)) as {
      messages: { messageId: string; text: string; sentAt: number }[];
    };
    return body.messages.map((m) => ({ ...m, sentAt: new Date(m.sentAt) }));
  },
  sendConsultationText: () => Promise.reject(new ZaloApiError('permanent', 0, 'not in benchmark')),
  sendTemplateByUserId: () => Promise.reject(new ZaloApiError('permanent', 0, 'not in benchmark')),
  sendZnsByPhone: () => Promise.reject(new ZaloApiError('permanent', 0, 'not in benchmark')),
};

const config = loadConfig({
  ...env,
  SCHEDULER: 'true',
  SERVE_MINI_APP: 'false',
  LOG_LEVEL: env.LOG_LEVEL ?? 'warn',
});
const app = await buildApp({
  ...config,
  databaseUrl: env.DATABASE_URL as string,
  sessionSecret: 'bench-session-secret-0123456789-abcdefghijklmnop',
});
// LEAD: the worker still sends through the stand-in; point it at the Zalo simulator (over HTTP, in its
// own process so its records survive the kills) to finish the benchmark.
app.zalo.oa = standInMessenger as typeof app.zalo.oa;
await app.ready();
process.send?.('ready');
