/**
 * The real server as a separate process, started the way `npm start` starts it, for tests of start-up,
 * crashes and the browser.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { freePort } from '../../scripts/bench/free-port.js';
import { REPO_ROOT } from '../../server/src/config.js';

export { freePort };

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output(): string;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export function spawnServer(env: Record<string, string>, options: { demo?: boolean } = {}): ServerProcess {
  let output = '';
  // As `npm start` starts it (--demo: the simulator unless Zalo is configured).
  const args = ['--import', 'tsx', 'server/src/server.ts', ...(options.demo === false ? [] : ['--demo'])];
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    url: `http://localhost:${env.PORT ?? 3000}`,
    child,
    output: () => output,
    exited,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** Starts the server and waits until /health answers 200 (or the process exits). */
export async function startServer(env: Record<string, string>, timeoutMs = 30_000): Promise<ServerProcess> {
  const server = spawnServer(env);
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | null | undefined;
  void server.exited.then((code) => {
    exitCode = code;
  });
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`server exited (${exitCode}): ${server.output()}`);
    try {
      const response = await fetch(`${server.url}/health`);
      if (response.status === 200) return server;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  await server.stop('SIGKILL');
  throw new Error(`server not healthy after ${timeoutMs} ms: ${server.output()}`);
}
