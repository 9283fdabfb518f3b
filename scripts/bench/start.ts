/**
 * `npm run bench:start`: seconds from `npm start` to GET /health = 200, on a fresh data folder (the
 * embedded PostgreSQL is created) and again on the same folder, against a bare Fastify process started
 * the same way in the same run. Targets: first run ≤ 10 s, later runs ≤ 5 s.
 * Prints one JSON line.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from './free-port.js';

const root = new URL('../../', import.meta.url).pathname;

async function timeUntilHealthy(command: string, args: string[], env: Record<string, string>, url: string) {
  const started = performance.now();
  const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: 'ignore' });
  for (;;) {
    try {
      if ((await fetch(url)).status === 200) break;
    } catch {
      // not yet listening
    }
    if (child.exitCode !== null) throw new Error(`${command} exited with ${child.exitCode}`);
    await new Promise((done) => setTimeout(done, 50));
  }
  const seconds = (performance.now() - started) / 1000;
  return { seconds, child };
}

async function stop(child: ReturnType<typeof spawn>, dataDir?: string) {
  const exited = new Promise((done) => child.once('exit', done));
  // npm start's own process tree: signal the server itself through its pid file when there is one.
  const pid = dataDir ? Number(readFileSync(join(dataDir, 'server.pid'), 'utf8')) : child.pid;
  if (pid) process.kill(pid, 'SIGTERM');
  await exited;
}

const dataDir = mkdtempSync(join(root, '.data', 'tmp-bench-start-'));
const env = {
  DATA_DIR: dataDir,
  PORT: String(await freePort()),
  EMBEDDED_PG_PORT: String(await freePort()),
  LOG_LEVEL: 'warn',
};
const health = `http://localhost:${env.PORT}/health`;

const baselineDir = mkdtempSync(join(root, '.data', 'tmp-bench-baseline-'));
const baselineFile = join(baselineDir, 'bare.mjs');
writeFileSync(
  baselineFile,
  `import Fastify from '${join(root, 'node_modules/fastify/fastify.js')}';
   const app = Fastify(); app.get('/health', async () => ({ ok: true }));
   await app.listen({ port: ${env.PORT}, host: 'localhost' });`,
);
const baseline = await timeUntilHealthy('node', [baselineFile], {}, health);
await stop(baseline.child);

const first = await timeUntilHealthy('npm', ['start', '--silent'], env, health);
await stop(first.child, dataDir);
const warm = await timeUntilHealthy('npm', ['start', '--silent'], env, health);
await stop(warm.child, dataDir);
rmSync(dataDir, { recursive: true, force: true });
rmSync(baselineDir, { recursive: true, force: true });

const round = (n: number) => Math.round(n * 100) / 100;
console.log(
  JSON.stringify({
    bench: 'start',
    first_run_s: round(first.seconds),
    warm_run_s: round(warm.seconds),
    baseline_s: round(baseline.seconds),
    ratio: round(warm.seconds / baseline.seconds),
    first_ratio: round(first.seconds / baseline.seconds),
    first_within_target: first.seconds <= 10,
    warm_within_target: warm.seconds <= 5,
  }),
);
