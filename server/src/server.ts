/**
 * The listener: read the configuration, open the database, build the app, listen, and shut down in
 * order (stop taking requests, finish those in flight, then stop the embedded Postgres).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { wardDayOf } from '@loa/shared';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { type Config, loadConfig, readEnvironment } from './config.js';
import { type DatabaseHandle, openDatabase } from './database.js';
import { seedDemoWardIfEmpty } from './seed/demo-ward.js';
import { StartupError } from './startup-error.js';

const say = (message: string) => console.log(`[loa-phuong] ${message}`);

/** One server per data folder: a second one would fight over the embedded Postgres. */
function claimDataDir(config: Config): () => void {
  mkdirSync(config.dataDir, { recursive: true });
  const lockFile = join(config.dataDir, 'server.pid');
  if (existsSync(lockFile)) {
    const pid = Number(readFileSync(lockFile, 'utf8'));
    let alive = false;
    try {
      if (pid && pid !== process.pid) process.kill(pid, 0);
      alive = Boolean(pid) && pid !== process.pid;
    } catch (error) {
      alive = (error as NodeJS.ErrnoException).code === 'EPERM';
    }
    if (alive) {
      throw new StartupError(
        `Một máy chủ Loa Phường khác (pid ${pid}) đang dùng thư mục dữ liệu ${config.dataDir}. Dừng nó trước, hoặc đặt DATA_DIR và PORT khác.`,
      );
    }
  }
  try {
    writeFileSync(lockFile, String(process.pid));
  } catch (error) {
    throw new StartupError(
      `Không ghi được vào thư mục dữ liệu ${config.dataDir} (${(error as NodeJS.ErrnoException).code}). Kiểm tra quyền của thư mục hoặc đặt DATA_DIR khác.`,
    );
  }
  return () => rmSync(lockFile, { force: true });
}

function sessionSecretFor(config: Config): string {
  if (config.sessionSecret) return config.sessionSecret;
  // Development: a random secret kept beside the data, so sessions survive a restart.
  const file = join(config.dataDir, 'session-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

/**
 * `npm start` passes --demo: with neither ZALO_MODE nor Zalo credentials it asks for the simulator, so
 * `npm install && npm start` is the whole demo. Started any other way the server asks for nothing.
 */
function demoDefaults(env: Record<string, string | undefined>): Record<string, string | undefined> {
  if (!process.argv.includes('--demo') || env.ZALO_MODE?.trim()) return env;
  if (env.ZALO_APP_ID?.trim() && env.ZALO_APP_SECRET?.trim()) return env;
  return { ...env, ZALO_MODE: 'simulator' };
}

/** The simulator signs its webhooks with a random key kept in the data folder (never a public constant). */
function withSimulatorSecret(config: Config, env: Record<string, string | undefined>): Config {
  if (config.zalo.mode !== 'simulator' || env.ZALO_WEBHOOK_SECRET?.trim()) return config;
  mkdirSync(config.dataDir, { recursive: true });
  const file = join(config.dataDir, 'simulator-webhook-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(24).toString('base64url'), { mode: 0o600 });
  return { ...config, zalo: { ...config.zalo, webhookSecret: readFileSync(file, 'utf8').trim() } };
}

async function listen(app: FastifyInstance, config: Config): Promise<void> {
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      throw new StartupError(
        `Cổng ${config.port} đang được chương trình khác dùng. Dừng chương trình đó hoặc đặt PORT khác (ví dụ PORT=3001 npm start).`,
      );
    }
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') {
      throw new StartupError(
        `Không lắng nghe được trên HOST=${config.host}. Dùng localhost, 0.0.0.0 hoặc một địa chỉ của máy này.`,
      );
    }
    throw error;
  }
}

async function main(): Promise<void> {
  const startedAt = performance.now();
  const env = demoDefaults(readEnvironment());
  const config = withSimulatorSecret(loadConfig(env), env);
  const releaseDataDir = claimDataDir(config);
  let database: DatabaseHandle | undefined;
  let app: FastifyInstance | undefined;

  let shuttingDown = false;
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    say(`Nhận ${signal}: đang dừng…`);
    const forceExit = setTimeout(() => process.exit(1), 20_000);
    forceExit.unref();
    await app?.close().catch((error) => console.error(error));
    await database?.stop().catch((error) => console.error(error));
    releaseDataDir();
    process.exit(0);
  };
  // A promise nobody awaited that failed (a background job while the database restarts, say) is
  // logged, not a reason to stop serving everyone else. An uncaught exception still ends the process:
  // after one, nothing says the process is in a state worth keeping.
  process.on('unhandledRejection', (reason) => {
    if (app) app.log.error({ err: reason }, 'unhandled promise rejection');
    else console.error('[loa-phuong] unhandled promise rejection', reason);
  });
  process.on('SIGINT', () => void shutdown('SIGINT')); // on, not once: a terminal's Ctrl-C arrives twice (directly and relayed by tsx)
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    database = await openDatabase(config, say);
    const sessionSecret = sessionSecretFor(config);
    app = await buildApp({ ...config, databaseUrl: database.url, sessionSecret });
    if (config.seedDemo) {
      // The demo is placed around today so that every flow can be tried now (see seed/place-demo.ts).
      const seeded = await seedDemoWardIfEmpty(app.db, { placeAround: wardDayOf(new Date()) });
      if (seeded) say('Đã tạo phường mẫu Dầu Giây.');
    }
    await listen(app, config);
  } catch (error) {
    await app?.close().catch(() => undefined);
    await database?.stop().catch(() => undefined);
    releaseDataDir();
    throw error;
  }
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  say(
    `Sẵn sàng sau ${seconds} giây: ${config.publicUrl} (mini app) · ${config.publicUrl}/docs (API) · ${config.publicUrl}/health`,
  );
}

main().catch((error: unknown) => {
  if (error instanceof StartupError) {
    console.error(`[loa-phuong] Không khởi động được: ${error.message}`);
  } else {
    console.error('[loa-phuong] Không khởi động được do lỗi không lường trước:', error);
  }
  process.exit(1);
});
