/**
 * bench:chat's `intake_ratio`: the webhook route's throughput (events answered 200 per second, closed
 * loop) against the bare verify-and-insert route (chat-bare.ts), in alternating rounds on the same
 * database, so a noisy neighbour hits both alike. Each connection posts a new signed event as soon as
 * the last one is answered, from a source address of its own.
 */
import { loadavg } from 'node:os';
import { CHAT_OA_ID } from './chat-seed.js';
import { percentile } from './lib/stats.js';
import { postEvent, signedEvent, sourceAddress } from './lib/webhooks.js';

const CONNECTIONS = 32;
const WARM_UP_SECONDS = 2;
const DRAIN_TIMEOUT_MS = 120_000;

export interface IntakeResult {
  intake_ratio: number;
  intake_round_ratios: number[];
  webhook_rps: number;
  bare_rps: number;
  intake_non_200: number;
  /** The 1-minute load average after each round: a figure measured on a busy machine says so. */
  intake_load_averages: number[];
  /** After each webhook round, how long the server still took to process the events it had answered. */
  intake_drain_ms: number[];
  /**
   * Per meter: CPU ms per event answered 200, during the webhook rounds, after them until their events
   * were processed, and during the bare rounds.
   */
  intake_cpu_ms_per_event: Record<string, { webhook: number; webhook_after: number; bare: number }>;
}

export async function measureIntake(options: {
  webhookUrl: URL;
  bareUrl: URL;
  /** OA followers who take part only here, so their replies do not mix with the checked ones. */
  people: string[];
  secret: string;
  seconds: number;
  rounds: number;
  /** Where the source addresses start (after the ones the run with kills used). */
  firstSource: number;
  /**
   * CPU meters read around every round (e.g. the server's process, the baseline's, PostgreSQL's), and
   * after a webhook round until the server has processed its events.
   */
  meters?: Record<string, () => number | undefined>;
  /**
   * The server's work still open (events not processed, replies not sent). Each round starts only when
   * it is 0, so the work a webhook round left behind is not done during, and charged to, the next one.
   */
  backlog: () => Promise<number>;
}): Promise<IntakeResult> {
  let seq = 0;
  let sourceSeq = options.firstSource;
  const meters = Object.entries(options.meters ?? {});
  type Cpu = { webhook: number; webhook_after: number; bare: number };
  const cpu = Object.fromEntries(meters.map(([name]) => [name, { webhook: 0, webhook_after: 0, bare: 0 }]));
  const events = { webhook: 0, bare: 0 };
  const drains: number[] = [];
  // Gives up only when the backlog stops shrinking for DRAIN_TIMEOUT_MS: on a quiet machine a round
  // takes in more events than the server processes in any fixed time.
  const drained = async () => {
    const began = performance.now();
    let deadline = began + DRAIN_TIMEOUT_MS;
    let smallest = Number.POSITIVE_INFINITY;
    for (let open = await options.backlog(); open > 0; open = await options.backlog()) {
      if (open < smallest) {
        smallest = open;
        deadline = performance.now() + DRAIN_TIMEOUT_MS;
      }
      if (performance.now() > deadline) throw new Error(`the server stopped processing (${open} left)`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return Math.round(performance.now() - began);
  };
  const read = () => meters.map(([, meter]) => meter() ?? Number.NaN);
  const charge = (part: keyof Cpu, before: number[], after: number[]) =>
    meters.forEach(([name], i) => {
      (cpu[name] as Cpu)[part] += (after[i] as number) - (before[i] as number);
    });
  /** A round, then for the webhook the processing it left: the CPU meters cover both, apart. */
  const measured = async (side: 'webhook' | 'bare', seconds: number) => {
    await drained(); // what the warm-up left
    const before = read();
    const result = await round(side === 'webhook' ? options.webhookUrl : options.bareUrl, seconds);
    const ended = read();
    charge(side, before, ended);
    if (side === 'webhook') {
      drains.push(await drained());
      charge('webhook_after', ended, read());
    }
    events[side] += result.ok;
    return result;
  };
  const round = async (url: URL, seconds: number) => {
    let ok = 0;
    let other = 0;
    const began = performance.now();
    const until = began + seconds * 1000;
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        // A fresh source address per connection and round keeps each far under the route's per-address limit.
        const source = sourceAddress(sourceSeq++ % 60_000);
        while (performance.now() < until) {
          const n = seq++;
          const event = signedEvent({
            oaId: CHAT_OA_ID,
            userId: options.people[n % options.people.length] as string,
            msgId: `intake-${n}`,
            at: Date.now(),
            body: { kind: 'text', text: 'xin chào' },
            secret: options.secret,
          });
          if ((await postEvent(url, event, source)) === 200) ok++;
          else other++;
        }
      }),
    );
    return { ok, perSecond: ok / ((performance.now() - began) / 1000), other };
  };

  await round(options.bareUrl, WARM_UP_SECONDS); // warm-up, not counted
  await round(options.webhookUrl, WARM_UP_SECONDS);
  const rounds: { product: number; bare: number }[] = [];
  const loads: number[] = [];
  let non200 = 0;
  for (let r = 0; r < options.rounds; r++) {
    const productFirst = r % 2 === 0;
    const a = await measured(productFirst ? 'webhook' : 'bare', options.seconds);
    const b = await measured(productFirst ? 'bare' : 'webhook', options.seconds);
    const [product, bare] = productFirst ? [a, b] : [b, a];
    non200 += product.other + bare.other;
    rounds.push({ product: product.perSecond, bare: bare.perSecond });
    loads.push(Number(loadavg()[0]!.toFixed(2)));
  }
  const ratios = rounds.map((r) => r.product / r.bare);
  const mean = (values: number[]) => Math.round(values.reduce((sum, v) => sum + v, 0) / values.length);
  return {
    intake_ratio: Number(percentile(ratios, 0.5).toFixed(3)),
    intake_round_ratios: ratios.map((r) => Number(r.toFixed(3))),
    webhook_rps: mean(rounds.map((r) => r.product)),
    bare_rps: mean(rounds.map((r) => r.bare)),
    intake_non_200: non200,
    intake_load_averages: loads,
    intake_drain_ms: drains,
    intake_cpu_ms_per_event: Object.fromEntries(
      Object.entries(cpu).map(([name, ms]) => [
        name,
        {
          webhook: Number((ms.webhook / events.webhook).toFixed(3)),
          webhook_after: Number((ms.webhook_after / events.webhook).toFixed(3)),
          bare: Number((ms.bare / events.bare).toFixed(3)),
        },
      ]),
    ),
  };
}
