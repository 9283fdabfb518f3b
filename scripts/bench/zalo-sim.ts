/**
 * How cheap the Zalo simulator's send path is: group messages over HTTP with seeded faults (5 % HTTP
 * 5xx, 5 % error codes, 2 % -32) against a bare Fastify route answering the same JSON, same machine,
 * same run. Prints one JSON line; the dispatch benchmark needs ≥ 200 req/s from the simulator.
 */
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { SimState } from '../../server/src/zalo/simulator/state.js';
import zaloRoutes from '../../server/src/zalo/simulator/zalo-routes.js';

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 5);
const GROUP = '700112233445560001';

async function measure(url: string, headers: Record<string, string>): Promise<number> {
  const result = await autocannon({
    url,
    method: 'POST',
    connections: 20,
    duration: DURATION_S,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({
      recipient: { group_id: GROUP },
      message: { text: 'Thông báo của phường: họp tổ lúc 19:00.' },
    }),
  });
  return result.requests.average;
}

async function main() {
  const baseline = Fastify();
  baseline.post('/send', async () => ({
    error: 0,
    message: 'Success',
    data: { message_id: '9007199254740993', group_id: GROUP },
  }));
  await baseline.listen({ port: 0, host: '127.0.0.1' });

  const state = new SimState(10_000_000);
  state.oaId = '4318217340012271453';
  state.groups.set(GROUP, {
    groupId: GROUP,
    name: 'Nhóm Zalo Khu phố 1',
    oaGroup: true,
    status: 'enabled',
    memberIds: [],
  });
  state.setFaults(
    [
      { type: 'http_5xx', probability: 0.05 },
      { type: 'error', code: -200, probability: 0.05 },
      { type: 'error', code: -32, probability: 0.02 },
    ],
    42,
  );
  const { accessToken } = state.issueOaGrant();
  const sim = Fastify();
  await sim.register(zaloRoutes, {
    state,
    appId: '1',
    appSecret: 's',
    recentGroupMessagesPath: '/v3.0/oa/group/conversation',
  });
  await sim.listen({ port: 0, host: '127.0.0.1' });

  const address = (app: typeof sim) => {
    const info = app.server.address();
    return typeof info === 'object' && info ? `http://127.0.0.1:${info.port}` : '';
  };
  const baselineRps = await measure(`${address(baseline)}/send`, {});
  const simRps = await measure(`${address(sim)}/openapi/v3.0/oa/group/message`, {
    access_token: accessToken,
  });
  await Promise.all([baseline.close(), sim.close()]);
  console.log(
    JSON.stringify({
      bench: 'zalo-sim',
      simRequestsPerSecond: Math.round(simRps),
      baselineRequestsPerSecond: Math.round(baselineRps),
      ratio: Number((simRps / baselineRps).toFixed(3)),
      acceptedMessages: state.messages.length,
      faults: '5% HTTP 5xx, 5% -200, 2% -32',
      target: '≥ 200 req/s',
    }),
  );
}

await main();
