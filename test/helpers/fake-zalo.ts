/**
 * A fake OA messenger that behaves like Zalo for the broadcast tests: it records every accepted message
 * with an id, lists a group's recent messages, and can be told to fail the next calls in any way Zalo
 * fails, including "accepted, then the answer was lost" and a rate limit that answers -32.
 */
import { ZaloApiError, type ZaloFailureKind } from '../../server/src/zalo/errors.js';
import type { ZaloOaMessenger, ZaloSent } from '../../server/src/zalo/types.js';

export interface Accepted {
  messageId: string;
  method: 'group' | 'cs' | 'template' | 'zns';
  to: string;
  text: string;
  sentAt: Date;
}

type Fault = ZaloFailureKind | 'accept_then_unknown' | 'accept_then_hang';

const explanations: Record<ZaloFailureKind, [number, string]> = {
  retryable: [503, 'Zalo đang quá tải (HTTP 503).'],
  rate_limited: [-32, 'Gửi quá nhanh, Zalo yêu cầu chậm lại (-32).'],
  token: [-216, 'Mã truy cập OA đã hết hạn (-216).'],
  unreachable: [-230, 'Người dùng chưa tương tác với OA trong 7 ngày (-230).'],
  permanent: [-237, 'Nhóm đã bị giải tán vì hết hạn gói (-237). Liên hệ quản trị OA để gia hạn.'],
  unknown: [0, 'Mất kết nối sau khi gửi; chưa rõ Zalo đã nhận tin chưa.'],
};

export class FakeZalo implements ZaloOaMessenger {
  readonly accepted: Accepted[] = [];
  private faults: Fault[] = [];
  private nextId = 1;
  /** Calls per rolling second before answering -32; Infinity = no limit. */
  ratePerSecond = Number.POSITIVE_INFINITY;
  private recentCalls: number[] = [];
  /** Whether recipients can get consultation messages (else -230 unreachable). */
  csReachable = new Set<string>();
  listCalls = 0;

  constructor(private readonly clock: () => Date = () => new Date()) {}

  /** The next calls fail in these ways, in order. */
  failNext(...faults: Fault[]): void {
    this.faults.push(...faults);
  }

  countTo(to: string): number {
    return this.accepted.filter((m) => m.to === to).length;
  }

  private async accept(method: Accepted['method'], to: string, text: string): Promise<ZaloSent> {
    const now = performance.now();
    this.recentCalls = this.recentCalls.filter((t) => now - t < 1000);
    if (this.recentCalls.length >= this.ratePerSecond) throw this.error('rate_limited');
    this.recentCalls.push(now);
    const fault = this.faults.shift();
    if (fault && fault !== 'accept_then_unknown' && fault !== 'accept_then_hang') throw this.error(fault);
    const message = {
      messageId: `msg-${this.nextId++}`,
      method,
      to,
      text: text.normalize('NFC'),
      sentAt: this.clock(),
    };
    this.accepted.push(message);
    if (fault === 'accept_then_unknown') throw this.error('unknown');
    if (fault === 'accept_then_hang') await new Promise(() => undefined);
    return { messageId: message.messageId };
  }

  private error(kind: ZaloFailureKind): ZaloApiError {
    const [code, explanation] = explanations[kind];
    return new ZaloApiError(kind, code, explanation);
  }

  sendGroupText(groupId: string, text: string) {
    return this.accept('group', groupId, text);
  }
  sendConsultationText(userId: string, text: string) {
    if (!this.csReachable.has(userId)) return Promise.reject(this.error('unreachable'));
    return this.accept('cs', userId, text);
  }
  sendTemplateByUserId(userId: string, templateId: string, data: Record<string, string>) {
    return this.accept('template', userId, `${templateId}:${data.content ?? ''}`);
  }
  sendZnsByPhone(phone: string, templateId: string, data: Record<string, string>) {
    return this.accept('zns', phone, `${templateId}:${data.content ?? ''}`);
  }
  async listRecentGroupMessages(groupId: string, limit: number) {
    this.listCalls++;
    return this.accepted
      .filter((m) => m.method === 'group' && m.to === groupId)
      .reverse()
      .slice(0, limit)
      .map(({ messageId, text, sentAt }) => ({ messageId, texts: [text], sentAt }));
  }
}
