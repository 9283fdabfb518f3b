/**
 * Plays Zalo's side of the webhook for the chat benchmark: events shaped like Zalo's, signed with the
 * documented formula (the simulator's signWebhook), posted over HTTP from one of several local source
 * addresses (Zalo sends from a pool of servers; the route limits each address to 1,200 a minute), and
 * posted again with the same bytes until the answer is 200, as Zalo retries.
 */
import { Agent, request } from 'node:http';
import { SIMULATOR_APP } from '../../../server/src/config.js';
import { signWebhook } from '../../../server/src/zalo/simulator/people.js';

export interface SignedEvent {
  raw: string;
  signature: string;
}

export type EventBody =
  | { kind: 'text'; text: string }
  | { kind: 'location'; latitude: number; longitude: number };

export function signedEvent(input: {
  oaId: string;
  userId: string;
  msgId: string;
  at: number;
  body: EventBody;
  secret: string;
}): SignedEvent {
  const { body } = input;
  const message =
    body.kind === 'text'
      ? { msg_id: input.msgId, text: body.text }
      : {
          msg_id: input.msgId,
          text: '',
          attachments: [
            {
              type: 'location',
              payload: {
                coordinates: { latitude: String(body.latitude), longitude: String(body.longitude) },
              },
            },
          ],
        };
  const payload = {
    app_id: SIMULATOR_APP.appId,
    sender: { id: input.userId },
    user_id_by_app: `77${input.userId}`,
    recipient: { id: input.oaId },
    event_name: body.kind === 'text' ? 'user_send_text' : 'user_send_location',
    message,
    timestamp: String(input.at),
  };
  const raw = JSON.stringify(payload);
  return { raw, signature: signWebhook(SIMULATOR_APP.appId, raw, String(input.at), input.secret) };
}

const agents = new Map<string, Agent>();
/** A keep-alive agent per source address, so connections are reused as Zalo's would be. */
function agentFor(localAddress: string): Agent {
  let agent = agents.get(localAddress);
  if (!agent) {
    agent = new Agent({ keepAlive: true, maxSockets: 64 });
    agents.set(localAddress, agent);
  }
  return agent;
}

export function closeAgents(): void {
  for (const agent of agents.values()) agent.destroy();
  agents.clear();
}

/** The n-th of the loopback addresses the benchmark sends from (127.0.1.1, 127.0.1.2, ...). */
export function sourceAddress(n: number): string {
  return `127.0.${1 + Math.floor(n / 250)}.${1 + (n % 250)}`;
}

/** One POST; answers the status (0 when the connection failed: the server is down or died mid-request). */
export function postEvent(
  url: URL,
  event: SignedEvent,
  localAddress: string,
  timeoutMs = 5_000,
): Promise<number> {
  return new Promise((resolve) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        agent: agentFor(localAddress),
        localAddress,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(event.raw),
          'x-zevent-signature': event.signature,
        },
        timeout: timeoutMs,
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.on('error', () => resolve(0));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve(0));
    req.end(event.raw);
  });
}
