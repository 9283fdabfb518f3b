import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, SIMULATOR_APP } from '../../server/src/config.js';

describe('Zalo configuration', () => {
  it('runs the simulator under this server’s /sim when asked for', () => {
    const { zalo } = loadConfig({ PORT: '3100', ZALO_MODE: 'simulator' });
    expect(zalo.mode).toBe('simulator');
    expect(zalo.appId).toBe(SIMULATOR_APP.appId);
    expect(zalo.urls).toEqual({
      openapi: 'http://localhost:3100/sim/openapi',
      graph: 'http://localhost:3100/sim/graph',
      oauth: 'http://localhost:3100/sim/oauth',
      business: 'http://localhost:3100/sim/business',
    });
  });

  it('talks to Zalo itself when the app credentials are set, signing webhooks with the app secret unless told', () => {
    const { zalo } = loadConfig({ ZALO_APP_ID: '123', ZALO_APP_SECRET: 'app-secret' });
    expect(zalo.mode).toBe('live');
    expect(zalo.urls.openapi).toBe('https://openapi.zalo.me');
    expect(zalo.urls.business).toBe('https://business.openapi.zalo.me');
    expect(zalo.webhookSecret).toBe('app-secret');
    const own = loadConfig({
      ZALO_APP_ID: '123',
      ZALO_APP_SECRET: 'a',
      ZALO_WEBHOOK_SECRET: 'oa-secret-key',
    });
    expect(own.zalo.webhookSecret).toBe('oa-secret-key');
  });

  it('refuses live mode without credentials, naming the variables to set', () => {
    expect(() => loadConfig({ ZALO_MODE: 'live' })).toThrow(ConfigError);
    expect(() => loadConfig({ ZALO_MODE: 'live' })).toThrow(/ZALO_APP_ID và ZALO_APP_SECRET/);
    expect(() => loadConfig({ ZALO_WEBHOOK_ID_TERM: 'user_id' })).toThrow(/ZALO_WEBHOOK_ID_TERM/);
  });

  it('searches a listed group message’s `message` and `description` for our text unless told otherwise', () => {
    expect(loadConfig({ ZALO_MODE: 'simulator' }).zalo.groupMessageTextFields).toEqual([
      'message',
      'description',
    ]);
    const only = loadConfig({
      ZALO_MODE: 'simulator',
      ZALO_GROUP_MESSAGE_TEXT_FIELDS: ' caption , message ',
    });
    expect(only.zalo.groupMessageTextFields).toEqual(['caption', 'message']);
    expect(() => loadConfig({ ZALO_GROUP_MESSAGE_TEXT_FIELDS: 'message,data.text' })).toThrow(
      /ZALO_GROUP_MESSAGE_TEXT_FIELDS.*tên trường/,
    );
    expect(loadConfig({ ZALO_MODE: 'simulator' }).zalo.simGroupImageCaptionField).toBe('description');
    expect(() => loadConfig({ SIM_GROUP_IMAGE_CAPTION_FIELD: 'caption' })).toThrow(
      /SIM_GROUP_IMAGE_CAPTION_FIELD/,
    );
  });

  it('does not open the simulator (which signs anyone in) in production unless asked to', () => {
    const secret = 'x'.repeat(32);
    expect(() => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: secret })).toThrow(
      /ZALO_MODE=simulator/,
    );
    expect(
      loadConfig({ NODE_ENV: 'production', SESSION_SECRET: secret, ZALO_MODE: 'simulator' }).zalo.mode,
    ).toBe('simulator');
  });
});
