/**
 * `npm run bench:mini-app`: the mini app's first render on a slow phone, as the real server serves
 * the built app: headless Chromium at 360 × 740 with 4× CPU throttling and Chrome's "Slow 3G" network
 * profile (500 kbps, 400 ms RTT ×5 as DevTools applies it: 2 s per request, 50 KB/s). Measured: time
 * from navigation to the first screen's content, for Trang chủ (anyone) and for a team member's
 * Nhiệm vụ (signed in, its tasks on screen), each against a baseline in the same run (a bare HTML page
 * with one script, served the same way and throttled the same way), and the size of the JavaScript
 * the first screen loads.
 *
 * Each page is opened twice in one browser context: cold (nothing on the phone), then, once that
 * visit is done and the app is installed, again (a returning open). The ≤ 1.5 s target is checked on
 * the returning open: inside Zalo a mini app is an installed package, so only a person's very first
 * open ever downloads its code, and every later open loads only data. In a browser the service worker
 * plays that package (mini-app/src/offline). On this profile a cold visit cannot be 1.5 s: the page
 * alone costs a 2 s round trip. Cold figures are printed beside, with the bare page's.
 * Target ≤ 150 KB of gzipped JavaScript on the first screen. BENCH_RUNS (default 5) sets the runs
 * per page. Prints one JSON line.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { type Browser, chromium, type Page } from 'playwright-core';
import { freePort } from './free-port.js';

const root = new URL('../../', import.meta.url).pathname;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SLOW_3G = {
  offline: false,
  latency: 400 * 5,
  downloadThroughput: (500 * 1000 * 0.8) / 8,
  uploadThroughput: (500 * 1000 * 0.8) / 8,
};

/** The first screen's JavaScript (the page's scripts and module preloads): gzip, and brotli as sent. */
function firstScreenJsBytes(): { gzip: number; brotli: number } {
  const dist = join(root, 'mini-app', 'dist');
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const files = scripts.map((file) => readFileSync(join(dist, file)));
  return {
    gzip: files.reduce((sum, bytes) => sum + gzipSync(bytes).length, 0),
    brotli: files.reduce((sum, bytes) => sum + brotliCompressSync(bytes).length, 0),
  };
}

async function startServer(): Promise<{ url: string; child: ChildProcess; dataDir: string }> {
  const dataDir = mkdtempSync(join(root, '.data', 'tmp-bench-mini-app-'));
  const port = await freePort();
  const child = spawn('node', ['--import', 'tsx', 'server/src/server.ts', '--demo'], {
    cwd: root,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      EMBEDDED_PG_PORT: String(await freePort()),
      LOG_LEVEL: 'warn',
    },
    stdio: 'ignore',
  });
  const url = `http://localhost:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/health`)).status === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  return { url, child, dataDir };
}

/**
 * A bare page with one small script that writes its heading: the floor of this network and CPU. Cached
 * the way a plain web page at its best is (script kept for a year, page asked again each time), so its
 * returning open is the floor for a page without an installed app: one round trip.
 */
async function startBaseline(): Promise<{ url: string; close: () => void }> {
  const html =
    '<!doctype html><meta charset="utf-8"><title>x</title><div id="app"></div><script src="/a.js"></script>';
  const script = 'document.getElementById("app").innerHTML = "<h1 class=\\"ward-name\\">Phường</h1>";';
  const server = createServer((request, response) => {
    if (request.url === '/a.js')
      response
        .writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'public, max-age=31536000' })
        .end(script);
    else response.writeHead(200, { 'content-type': 'text/html', 'cache-control': 'no-cache' }).end(html);
  });
  const port = await freePort();
  await new Promise<void>((done) => server.listen(port, 'localhost', done));
  return { url: `http://localhost:${port}`, close: () => server.close() };
}

async function throttled(browser: Browser, session?: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  if (session)
    await context.addInitScript((value) => {
      // about:blank between the two opens has no storage of its own.
      if (window.location.protocol.startsWith('http')) window.localStorage.setItem('loa.session', value);
    }, session);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  return page;
}

/** Milliseconds from the navigation's start until `selector` is on the screen. */
async function renderTime(page: Page, url: string, selector: string): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForSelector(selector, { timeout: 120_000 });
  return page.evaluate(() => performance.now());
}

/**
 * Cold, then returning, in one throttled context. Between them the first visit finishes: the app is
 * installed (its service worker active, if the page has one) and the first screen's data is kept
 * (`kept`, a query key, in the phone's storage), as on a phone that opened the app before. The page then goes away
 * (about:blank) and the app is opened again, as a person does from Zalo.
 */
async function coldAndReturning(
  browser: Browser,
  url: string,
  selector: string,
  options: { session?: string; kept?: string } = {},
) {
  const page = await throttled(browser, options.session);
  try {
    const cold = await renderTime(page, url, selector);
    await page.waitForLoadState('load', { timeout: 120_000 });
    // Polled from here: waitForFunction takes a returned promise for a truthy answer.
    const installed = () =>
      page.evaluate(async (kept) => {
        // The bare page keeps nothing and installs nothing.
        if (!kept) return true;
        if (!window.localStorage.getItem('loa.last-known')?.includes(kept)) return false;
        const registration = await navigator.serviceWorker.getRegistration();
        return registration?.active?.state === 'activated';
      }, options.kept ?? '');
    const deadline = Date.now() + 300_000;
    while (!(await installed())) {
      if (Date.now() > deadline) throw new Error(`${url}: the app was not installed within 5 minutes`);
      await new Promise((done) => setTimeout(done, 250));
    }
    await page.goto('about:blank');
    const networkRequests: string[] = [];
    page.on('response', (response) => {
      if (!response.fromServiceWorker() && response.url().startsWith('http'))
        networkRequests.push(response.url());
    });
    const returning = await renderTime(page, url, selector);
    return { cold, returning, returningNetworkBeforeRender: networkRequests.length };
  } finally {
    await page.context().close();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function teamSession(url: string): Promise<string> {
  const people = (await (await fetch(`${url}/sim/api/people`)).json()) as {
    units: { unitName: string; people: { memberId: string | null; role: string }[] }[];
  };
  const member = people.units.flatMap((unit) => unit.people).find((person) => person.role === 'team_member');
  if (!member?.memberId) throw new Error('no team member in the demo ward');
  const tokens = (await (
    await fetch(`${url}/sim/api/people/${member.memberId}/tokens`, { method: 'POST' })
  ).json()) as {
    accessToken: string;
  };
  const reply = await fetch(`${url}/api/auth/zalo`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ accessToken: tokens.accessToken }),
  });
  const signedIn = (await reply.json()) as { token: string; member: unknown };
  return JSON.stringify({ token: signedIn.token, member: signedIn.member });
}

// The server serves mini-app/dist; build it when its sources changed (as npm start does).
await new Promise((done) =>
  spawn('node', ['scripts/build-mini-app-if-stale.mjs'], { cwd: root, stdio: 'inherit' }).once('exit', done),
);

const executablePath =
  process.env.CHROMIUM_PATH ??
  ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(existsSync);
if (!executablePath)
  throw new Error('Chromium is not installed: apt-get install -y chromium (or set CHROMIUM_PATH)');

const server = await startServer();
const baseline = await startBaseline();
const browser = await chromium.launch({
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
try {
  const session = await teamSession(server.url);
  type Measure = Awaited<ReturnType<typeof coldAndReturning>>;
  const runs = { baseline: [] as Measure[], home: [] as Measure[], tasks: [] as Measure[] };
  for (let i = 0; i < RUNS; i++) {
    runs.baseline.push(await coldAndReturning(browser, baseline.url, '.ward-name'));
    runs.home.push(await coldAndReturning(browser, server.url, '.ward-name', { kept: 'public-campaign' }));
    // The tasks themselves (or the "no tasks" text), not the loading spinner's text.
    runs.tasks.push(
      await coldAndReturning(
        browser,
        `${server.url}/#/tasks`,
        '.card-button, .status-view:not([role="status"]) p:not([role="alert"])',
        { session, kept: 'assignments' },
      ),
    );
  }
  const ms = (key: keyof typeof runs, open: 'cold' | 'returning') =>
    Math.round(median(runs[key].map((measure) => measure[open])));
  const cold = { baseline: ms('baseline', 'cold'), home: ms('home', 'cold'), tasks: ms('tasks', 'cold') };
  const returning = {
    baseline: ms('baseline', 'returning'),
    home: ms('home', 'returning'),
    tasks: ms('tasks', 'returning'),
  };
  const ratio = (a: number, b: number) => Number((a / b).toFixed(2));
  const js = firstScreenJsBytes();
  console.log(
    JSON.stringify({
      bench: 'mini-app',
      runs: RUNS,
      loadAverage: loadavg().map((value) => Number(value.toFixed(2))),
      profile: { cpuThrottling: 4, network: 'slow-3g', viewport: '360x740' },
      returningHomeMs: returning.home,
      returningTasksMs: returning.tasks,
      returningBaselineMs: returning.baseline,
      coldHomeMs: cold.home,
      coldTasksMs: cold.tasks,
      coldBaselineMs: cold.baseline,
      returningHomeRatioToBaseline: ratio(returning.home, returning.baseline),
      returningTasksRatioToBaseline: ratio(returning.tasks, returning.baseline),
      coldHomeRatioToBaseline: ratio(cold.home, cold.baseline),
      coldTasksRatioToBaseline: ratio(cold.tasks, cold.baseline),
      // Responses from the network (not the installed app) before the returning open painted, per page.
      returningNetworkBeforeRender: {
        home: median(runs.home.map((m) => m.returningNetworkBeforeRender)),
        tasks: median(runs.tasks.map((m) => m.returningNetworkBeforeRender)),
      },
      firstScreenJsGzipBytes: js.gzip,
      firstScreenJsBrotliBytes: js.brotli,
      targets: {
        firstRenderMs: 1500,
        firstRenderCheckedOn: 'returning',
        why: 'a Zalo mini app is an installed package: only the very first open downloads code; the service worker plays that package in a browser',
        firstScreenJsGzipBytes: 150 * 1024,
      },
      met: {
        home: returning.home <= 1500,
        tasks: returning.tasks <= 1500,
        js: js.gzip <= 150 * 1024,
      },
    }),
  );
} finally {
  await browser.close();
  baseline.close();
  const exited = new Promise((done) => server.child.once('exit', done));
  server.child.kill('SIGTERM');
  await exited;
  rmSync(server.dataDir, { recursive: true, force: true });
}
