/**
 * How a Zalo failure maps onto the ledger: when to retry, when a person must act, when to reconcile.
 */
import { ZaloApiError } from '../zalo/errors.js';
import { backoffMs } from './rate-limiter.js';

/**
 * What a failed send means: try again later (`queued`), a person must act (`failed`), or the answer
 * was lost and the send must be reconciled before any retry (`unknown`).
 */
export type Verdict =
  | { status: 'queued'; retryAt: Date; code: string; reason: string }
  | { status: 'failed'; code: string; reason: string }
  | { status: 'unknown'; retryAt: Date; code: string; reason: string };

/** How one attempt at a send to Zalo ended, as the delivery ledger and the chat replies record it. */
export type SendOutcome = { status: 'sent'; messageId: string } | Verdict;

/** Wait before reconciling an unknown send, so Zalo has listed the message if it took it. */
export const RECONCILE_DELAY_MS = 5_000;

export function verdictFor(error: unknown, attempts: number, now: Date): Verdict {
  if (!(error instanceof ZaloApiError)) {
    // Not a classified Zalo answer (a bug, a crash in the client): the message may have left.
    return {
      status: 'unknown',
      retryAt: new Date(now.getTime() + RECONCILE_DELAY_MS),
      code: 'internal',
      reason: 'Lỗi không xác định khi gửi; đang đối chiếu với Zalo trước khi gửi lại.',
    };
  }
  const code = `${error.kind}:${error.code}`;
  switch (error.kind) {
    case 'retryable':
    case 'rate_limited':
    case 'token':
      return {
        status: 'queued',
        retryAt: new Date(now.getTime() + backoffMs(attempts)),
        code,
        reason: `${error.explanation} Hệ thống sẽ tự gửi lại.`,
      };
    case 'unknown':
      return {
        status: 'unknown',
        retryAt: new Date(now.getTime() + RECONCILE_DELAY_MS),
        code,
        reason: `${error.explanation} Đang đối chiếu với Zalo trước khi gửi lại.`,
      };
    default:
      return { status: 'failed', code, reason: error.explanation };
  }
}

/** Rejects with a ZaloApiError('unknown') when a call outlives its budget: we cannot know if it landed. */
export function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new ZaloApiError('unknown', 0, 'Zalo không trả lời kịp; chưa rõ tin đã được nhận chưa.')),
      ms,
    );
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
