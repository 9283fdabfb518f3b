/**
 * Child processes of the benchmarks that kill a server with SIGKILL: started with `node --import tsx`,
 * ready when they send their first IPC message (which is the answer), killed and awaited.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from '../../../server/src/config.js';

// A benchmark that throws exits with its children still running (servers working off their backlog
// would then load the next measured run): whatever is still up goes with it.
const started = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of started)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/**
 * Starts scripts/bench/<script>; answers the process and the first message it sends its parent.
 * `nodeOptions` go to node before the script (e.g. --cpu-prof to profile the server under test).
 */
export function startChild<T>(
  script: string,
  env: Record<string, string>,
  nodeOptions: string[] = [],
): Promise<[ChildProcess, T]> {
  const args = [...nodeOptions, '--import', 'tsx', join(REPO_ROOT, 'scripts/bench', script)];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  started.add(child);
  child.once('exit', () => started.delete(child));
  return new Promise((resolve, reject) => {
    const early = (code: number | null) => reject(new Error(`${script} exited early (${code})`));
    child.once('exit', early);
    child.once('message', (message) => {
      child.off('exit', early);
      resolve([child, message as T]);
    });
  });
}

/** kill -9, and wait until the process is gone (its port is free again). */
export async function killHard(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

/** A clean stop (SIGTERM), awaited. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}
