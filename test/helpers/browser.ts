/**
 * Debian's Chromium driven by playwright-core. Never a downloaded browser. When Chromium is missing the
 * tests fail with the install command; they never skip. Playwright gives each launch a fresh profile.
 */
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? CANDIDATES.find((path) => existsSync(path));
  if (!executablePath) {
    throw new Error(
      'Chromium is not installed: run `apt-get update && apt-get install -y chromium` (or set CHROMIUM_PATH).',
    );
  }
  return chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
