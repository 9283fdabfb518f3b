/**
 * CPU time a process (and what it waited for) has used, from Linux's /proc, so a benchmark can say
 * how much CPU one request cost besides how many requests a second went through: on a shared machine
 * the throughput moves with the neighbours' load, the CPU time per request much less. Answers
 * undefined where there is no /proc (not Linux).
 */
import { readdirSync, readFileSync } from 'node:fs';

const TICK_MS = 10; // USER_HZ is 100 on Linux (getconf CLK_TCK)

interface Stat {
  ppid: number;
  ownMs: number;
  waitedChildrenMs: number;
}

function stat(pid: number): Stat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces: the fields that follow start after its ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const n = (field: number) => Number(fields[field - 3]);
    return {
      ppid: n(4),
      ownMs: (n(14) + n(15)) * TICK_MS,
      waitedChildrenMs: (n(16) + n(17)) * TICK_MS,
    };
  } catch {
    return undefined;
  }
}

/** CPU milliseconds of one process (user + system). */
export function processCpuMs(pid: number | undefined): number | undefined {
  return pid === undefined ? undefined : stat(pid)?.ownMs;
}

/**
 * CPU milliseconds of a process and its children, living or ended (e.g. PostgreSQL's postmaster and
 * its backends: an ended backend's time is in the postmaster's "waited children" counters).
 */
export function processTreeCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  const root = stat(pid);
  if (!root) return undefined;
  let total = root.ownMs + root.waitedChildrenMs;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const child = stat(Number(entry));
    if (child?.ppid === pid) total += child.ownMs;
  }
  return total;
}

/** The parent of a process (e.g. the postmaster of a PostgreSQL backend). */
export function parentPid(pid: number): number | undefined {
  return stat(pid)?.ppid;
}
