/**
 * Chromium driven by playwright-core, never a browser downloaded at run time. Which Chromium, first found:
 * `CHROMIUM_PATH`, a system Chromium on PATH (Debian's `chromium`), else the one packaged in npm
 * (`@sparticuz/chromium`, a devDependency, so `npm ci` is the whole set-up). When none starts the tests
 * fail with the reason; they never skip. Playwright gives each launch a fresh profile.
 */
import {
  accessSync,
  constants,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';

const SYSTEM_NAMES = ['chromium', 'chromium-browser', 'google-chrome'];
const SYSTEM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface ChromiumChoice {
  executablePath: string;
  args: string[];
  source: 'CHROMIUM_PATH' | 'system' | 'npm';
}

function onPath(name: string, pathVariable: string): string | undefined {
  for (const folder of pathVariable.split(delimiter)) {
    if (!folder) continue;
    const candidate = join(folder, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this folder: try the next
    }
  }
  return undefined;
}

export async function chooseChromium(env: NodeJS.ProcessEnv = process.env): Promise<ChromiumChoice> {
  const configured = env.CHROMIUM_PATH?.trim();
  if (configured) {
    if (!existsSync(configured))
      throw new Error(`CHROMIUM_PATH is ${configured}, which does not exist: fix it or unset it.`);
    return { executablePath: configured, args: SYSTEM_ARGS, source: 'CHROMIUM_PATH' };
  }
  for (const name of SYSTEM_NAMES) {
    const found = onPath(name, env.PATH ?? '');
    if (found) return { executablePath: found, args: SYSTEM_ARGS, source: 'system' };
  }
  return { ...(await npmChromium()), source: 'npm' };
}

export async function launchChromium(): Promise<Browser> {
  const choice = await chooseChromium();
  try {
    return await chromium.launch({
      executablePath: choice.executablePath,
      args: choice.args,
      headless: true,
    });
  } catch (error) {
    throw new Error(
      `Chromium (${choice.source}: ${choice.executablePath}) did not start: ${(error as Error).message}. ` +
        'Run `npm ci` (it brings @sparticuz/chromium) or set CHROMIUM_PATH to a working Chromium.',
    );
  }
}

/**
 * @sparticuz/chromium unpacks its binary into os.tmpdir() with no locking, and test files run in parallel
 * processes. So each process unpacks into a folder of its own, then renames it into a shared versioned
 * folder: the first rename wins, the others use the winner's copy.
 */
async function npmChromium(): Promise<{ executablePath: string; args: string[] }> {
  const { default: Sparticuz } = await import('@sparticuz/chromium');
  Sparticuz.setGraphicsMode = false;
  const entry = createRequire(import.meta.url).resolve('@sparticuz/chromium');
  const { version } = JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8'));
  const shared = join(tmpdir(), `loa-phuong-chromium-${version}-${process.getuid?.() ?? 0}`);
  const binary = join(shared, 'chromium');
  if (!existsSync(binary)) {
    const own = `${shared}.${process.pid}.${Date.now()}`;
    mkdirSync(own, { recursive: true });
    const savedTmp = process.env.TMPDIR;
    process.env.TMPDIR = own; // where the package unpacks (it reads os.tmpdir() at call time)
    try {
      await Sparticuz.executablePath();
    } finally {
      if (savedTmp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = savedTmp;
    }
    try {
      renameSync(own, shared);
    } catch {
      rmSync(own, { recursive: true, force: true }); // another process won the race
    }
  }
  if (!statSync(binary).isFile()) throw new Error(`${binary} is not the unpacked Chromium`);
  // Not the package's Lambda flags (--single-process, --disable-web-security, ...): the same flags as a
  // system Chromium, so the tests see what a phone's browser would.
  return { executablePath: binary, args: SYSTEM_ARGS };
}
