import { mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, REPO_ROOT, SIMULATOR_APP } from '../../server/src/config.js';
import { createTestDatabase } from '../helpers/database.js';
import { freePort, spawnServer, startServer } from '../helpers/server-process.js';

/** The simulator signs anyone in as anyone: it must never be on by accident, nor reachable from outside. */
describe('the Zalo simulator and the development sign-in', () => {
  const secret = 'x'.repeat(32);

  it('is off unless asked for: a server with no Zalo choice refuses to start and says what to set', () => {
    expect(() => loadConfig({})).toThrow(/ZALO_MODE=simulator/);
    expect(() => loadConfig({ NODE_ENV: 'development' })).toThrow(/ZALO_APP_ID và ZALO_APP_SECRET/);
    expect(loadConfig({ ZALO_APP_ID: '1', ZALO_APP_SECRET: 's' }).zalo.mode).toBe('live');
  });

  it('refuses to listen beyond localhost unless a public demo is explicitly allowed', () => {
    for (const host of ['0.0.0.0', '192.168.1.20', '::']) {
      expect(() => loadConfig({ ZALO_MODE: 'simulator', HOST: host, SESSION_SECRET: secret })).toThrow(
        /chỉ lắng nghe trên localhost/,
      );
    }
    for (const host of ['localhost', '127.0.0.1', '::1'])
      expect(loadConfig({ ZALO_MODE: 'simulator', HOST: host }).zalo.mode).toBe('simulator');
    const allowed = loadConfig({
      ZALO_MODE: 'simulator',
      HOST: '0.0.0.0',
      SESSION_SECRET: secret,
      SIMULATOR_ALLOW_REMOTE: 'true',
    });
    expect(allowed.zalo.mode).toBe('simulator');
  });

  it('treats a server with NODE_ENV unset but a non-local HOST as production', () => {
    const live = { ZALO_APP_ID: '1', ZALO_APP_SECRET: 's' };
    expect(() => loadConfig({ ...live, HOST: '0.0.0.0' })).toThrow(/SESSION_SECRET là bắt buộc/);
    expect(loadConfig({ ...live, HOST: '0.0.0.0', SESSION_SECRET: secret }).nodeEnv).toBe('production');
    expect(loadConfig({ ...live }).nodeEnv).toBe('development');
  });

  it('signs its webhooks with a random key, not a public constant', () => {
    const one = loadConfig({ ZALO_MODE: 'simulator' }).zalo.webhookSecret;
    const two = loadConfig({ ZALO_MODE: 'simulator' }).zalo.webhookSecret;
    expect(one).not.toBe(SIMULATOR_APP.appSecret);
    expect(one).not.toBe(two);
  });

  it('a server started without --demo and no Zalo choice exits saying what to set; npm start’s way keeps one key per data folder', async () => {
    const bare = spawnServer({ PORT: String(await freePort()) }, { demo: false });
    expect(await bare.exited).toBe(1);
    expect(bare.output()).toMatch(/ZALO_MODE=simulator/);

    const dataDir = mkdtempSync(join(REPO_ROOT, '.data', 'sim-secret-'));
    const env = { DATABASE_URL: await createTestDatabase(), DATA_DIR: dataDir, SCHEDULER: 'false' };
    const first = await startServer({ ...env, PORT: String(await freePort()) });
    const people = await fetch(`${first.url}/sim/api/people`);
    expect(people.status).toBe(200);
    await first.stop();
    const key = readFileSync(join(dataDir, 'simulator-webhook-secret'), 'utf8');
    expect(key.length).toBeGreaterThanOrEqual(32);
    const second = await startServer({ ...env, PORT: String(await freePort()) });
    await second.stop();
    expect(readFileSync(join(dataDir, 'simulator-webhook-secret'), 'utf8')).toBe(key);
  }, 120_000);
});
