import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, REPO_ROOT, variables } from '../../server/src/config.js';

describe('configuration', () => {
  it('has working defaults for a fresh machine (npm start asks for the simulator)', () => {
    const config = loadConfig({ ZALO_MODE: 'simulator' });
    expect(config).toMatchObject({ port: 3000, host: 'localhost', databaseUrl: undefined, seedDemo: true });
    expect(config.dataDir).toBe(join(REPO_ROOT, '.data'));
  });

  it('reports every bad variable in one error, each with what to fix', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'abc',
        DATABASE_URL: 'mysql://x',
        LOG_LEVEL: 'loud',
        SESSION_SECRET: 'short',
        ZALO_MODE: 'simulator',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const { problems, message } = error as ConfigError;
    expect(problems).toHaveLength(4);
    expect(message).toContain('PORT="abc" phải là số cổng');
    expect(message).toContain('DATABASE_URL="mysql://x" phải là chuỗi kết nối');
    expect(message).toContain('LOG_LEVEL="loud"');
    expect(message).toContain('SESSION_SECRET phải dài ít nhất 32 ký tự');
  });

  it('requires a session secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SESSION_SECRET là bắt buộc/);
  });

  it('names what an S3 photo store still needs, and reads it when complete', () => {
    expect(() => loadConfig({ PHOTO_STORAGE: 's3', S3_ACCESS_KEY_ID: 'key' })).toThrow(
      /PHOTO_STORAGE=s3 cần S3_BUCKET, S3_SECRET_ACCESS_KEY/,
    );
    expect(() => loadConfig({ PHOTO_STORAGE: 'ftp' })).toThrow(
      /PHOTO_STORAGE="ftp" phải là một trong: local, s3/,
    );
    const config = loadConfig({
      ZALO_MODE: 'simulator',
      PHOTO_STORAGE: 's3',
      S3_ENDPOINT: 'https://s3.example.vn/',
      S3_BUCKET: 'photos',
      S3_ACCESS_KEY_ID: 'key',
      S3_SECRET_ACCESS_KEY: 'secret',
    });
    expect(config.s3).toMatchObject({
      endpoint: 'https://s3.example.vn',
      bucket: 'photos',
      forcePathStyle: true,
    });
    expect(loadConfig({ ZALO_MODE: 'simulator' }).s3).toBeUndefined();
  });

  it('.env.example documents every variable the server reads', () => {
    const example = readFileSync(join(REPO_ROOT, '.env.example'), 'utf8');
    const documented = [...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual(Object.keys(variables).sort());
  });
});
