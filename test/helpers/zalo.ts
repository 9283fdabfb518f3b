import type { FastifyInstance } from 'fastify';
import type { SimState } from '../../server/src/zalo/simulator/state.js';

/** The in-memory simulator of a test app (ZALO_MODE=simulator, the default in tests). */
export function simOf(app: FastifyInstance): SimState {
  const state = app.zalo.simulator;
  if (!state) throw new Error('the test app is not in simulator mode');
  return state;
}

/** Mini-app tokens the simulator issues for a seeded person (member id or OA id). */
export async function simTokens(
  app: FastifyInstance,
  personId: string,
): Promise<{ accessToken: string; phoneToken: string; locationToken: string }> {
  const response = await app.inject({ method: 'POST', url: `/sim/api/people/${personId}/tokens` });
  if (response.statusCode !== 200) throw new Error(`sim tokens: ${response.statusCode} ${response.body}`);
  return response.json();
}

export async function setFaults(app: FastifyInstance, rules: object[], seed = 1): Promise<void> {
  const response = await app.inject({ method: 'POST', url: '/sim/api/faults', payload: { seed, rules } });
  if (response.statusCode !== 200) throw new Error(`sim faults: ${response.statusCode} ${response.body}`);
}

/** The demo ward's KP1 group (OA-created) and a team member who interacted recently. */
export const KP1_GROUP = '700112233445560001';

/** Loads the simulator's people and groups from the seeded database (it loads on first request). */
export async function seededSim(app: FastifyInstance): Promise<SimState> {
  await app.inject({ method: 'GET', url: '/sim/api/people' });
  return simOf(app);
}

export function personWhere(
  sim: SimState,
  test: (person: SimState['people'] extends Map<string, infer P> ? P : never) => boolean,
) {
  const found = [...sim.people.values()].find(test);
  if (!found) throw new Error('no simulated person matches');
  return found;
}
