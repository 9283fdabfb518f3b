/**
 * A stand-in for the Zalo simulator, used by the dispatch benchmark until the project's simulator
 * (`server/src/zalo/simulator/`) is merged. It keeps only what the benchmark counts: OA group messages,
 * with the faults the benchmark asks for. Replace with the real simulator when it lands (see dispatch.ts).
 *
 * HTTP: POST /group/message {groupId, text} → {messageId} | HTTP 5xx | {error: -32}
 *       GET  /group/messages?groupId=…&limit=… → {messages: [{messageId, text, sentAt}]}
 */
import { createServer, type Server } from 'node:http';

export interface StandInOptions {
  ratePerSecond: number;
  serverErrorRate: number; // answered 5xx before accepting
  lostAnswerRate: number; // accepted, then the answer never comes in time
  burstEveryMs: number; // a burst of -32 every …
  burstLengthMs: number;
}

export interface Accepted {
  messageId: string;
  groupId: string;
  text: string;
  at: number; // ms since epoch
  answerLost: boolean;
}

export class StandInZalo {
  readonly messages: Accepted[] = [];
  faults = { serverErrors: 0, lostAnswers: 0, rateLimited: 0 };
  private windowStart = 0;
  private inWindow = 0;
  private readonly started = Date.now();
  private server: Server | undefined;

  constructor(public options: StandInOptions) {}

  async listen(): Promise<number> {
    this.server = createServer((req, res) => {
      const reply = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      const url = new URL(req.url ?? '/', 'http://x');
      if (req.method === 'GET' && url.pathname === '/group/messages') {
        const groupId = url.searchParams.get('groupId');
        const limit = Number(url.searchParams.get('limit') ?? 50);
        const found = this.messages
          .filter((m) => m.groupId === groupId)
          .slice(-limit)
          .reverse();
        return reply(200, {
          messages: found.map((m) => ({ messageId: m.messageId, text: m.text, sentAt: m.at })),
        });
      }
      let raw = '';
      req.on('data', (chunk) => {
        raw += chunk;
      });
      req.on('end', () => {
        const { groupId, text } = JSON.parse(raw) as { groupId: string; text: string };
        this.onSend(groupId, text, reply);
      });
    });
    return new Promise((resolve) =>
      this.server!.listen(0, '127.0.0.1', () => resolve((this.server!.address() as { port: number }).port)),
    );
  }

  private onSend(groupId: string, text: string, reply: (status: number, body: unknown) => void) {
    const now = Date.now();
    const { ratePerSecond, serverErrorRate, lostAnswerRate, burstEveryMs, burstLengthMs } = this.options;
    if (burstEveryMs > 0 && (now - this.started) % burstEveryMs < burstLengthMs) {
      this.faults.rateLimited++;
      return reply(200, { error: -32, message: 'burst' });
    }
    if (now - this.windowStart >= 1000) {
      this.windowStart = now;
      this.inWindow = 0;
    }
    if (this.inWindow >= ratePerSecond) {
      this.faults.rateLimited++;
      return reply(200, { error: -32, message: 'rate limit' });
    }
    this.inWindow++;
    if (Math.random() < serverErrorRate) {
      this.faults.serverErrors++;
      return reply(503, { error: 503 });
    }
    const answerLost = Math.random() < lostAnswerRate;
    const message = { messageId: `m${this.messages.length + 1}`, groupId, text, at: now, answerLost };
    this.messages.push(message);
    if (answerLost) {
      this.faults.lostAnswers++;
      return; // accepted, and the caller's timeout will fire: it must reconcile, not resend
    }
    reply(200, { error: 0, data: { message_id: message.messageId } });
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server?.closeAllConnections();
      this.server?.close(() => resolve());
    });
  }
}
