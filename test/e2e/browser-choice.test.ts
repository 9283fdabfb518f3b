import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../server/src/config.js';
import { chooseChromium, launchChromium } from '../helpers/browser.js';

/** A machine with Node and nothing else: the browser tests still get a Chromium, or fail saying why. */
describe('the browser the tests use', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env.CHROMIUM_PATH = saved.CHROMIUM_PATH;
    if (saved.CHROMIUM_PATH === undefined) delete process.env.CHROMIUM_PATH;
  });

  it('comes from npm when there is no system Chromium and CHROMIUM_PATH is empty', async () => {
    const choice = await chooseChromium({ PATH: '', CHROMIUM_PATH: '' });
    expect(choice.source).toBe('npm');
    expect(choice.args).not.toContain('--disable-web-security');
    expect(choice.args).not.toContain('--single-process');
  });

  it('fails, naming the variable, when CHROMIUM_PATH points at nothing', async () => {
    process.env.CHROMIUM_PATH = join(REPO_ROOT, '.data', 'no-such-chromium');
    await expect(launchChromium()).rejects.toThrow(/CHROMIUM_PATH .*does not exist/);
  });

  it('fails, saying how to fix it, when the chosen file is not a browser', async () => {
    const fake = join(REPO_ROOT, '.data', 'not-a-browser.sh');
    writeFileSync(fake, '#!/bin/sh\nexit 1\n', { mode: 0o755 });
    process.env.CHROMIUM_PATH = fake;
    await expect(launchChromium()).rejects.toThrow(/did not start.*npm ci/s);
  });
});
