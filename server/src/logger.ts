import type { FastifyServerOptions } from 'fastify';
import type { Config } from './config.js';

/** Every place a token, secret or password can appear in a log line. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers.access_token',
  'req.headers["x-zevent-signature"]',
  '*.access_token',
  '*.refresh_token',
  '*.accessToken',
  '*.refreshToken',
  '*.secretAccessKey',
  '*.secret_key',
  '*.password',
  '*.token',
  '*.sessionToken',
  'config.sessionSecret',
  'config.databaseUrl',
];

export function loggerOptions(
  config: Pick<Config, 'logLevel'>,
  pretty = process.stdout.isTTY,
): FastifyServerOptions['logger'] {
  return {
    level: config.logLevel,
    redact: { paths: REDACTED_PATHS, censor: '[đã ẩn]' },
    ...(pretty
      ? {
          transport: {
            target: 'pino-pretty',
            options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' },
          },
        }
      : {}),
  };
}
