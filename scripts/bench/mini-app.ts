/**
 * `npm run bench:mini-app`: the mini app's first render on a slow phone, as the real server serves
 * the built app: headless Chromium at 360 × 740 with 4× CPU throttling and Chrome's "Slow 3G" network
 * profile (500 kbps, 400 ms RTT ×5 as DevTools applies it). Measured: time from navigation to the
 * first screen's content, for Trang chủ (anyone) and for a team member's Nhiệm vụ (signed in), each
 * against a baseline in the same run (a bare HTML page with one script, served the same way and
 * throttled the same way), and the gzip size of the JavaScript the first screen loads.
 * Targets: ≤ 1.5 s and ≤ 150 KB. BENCH_RUNS (default 5) sets the runs per page. Prints one JSON line.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
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

function firstScreenJsGzipBytes(): number {
  const dist = join(root, 'mini-app', 'dist');
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  return scripts.reduce((sum, file) => sum + gzipSync(readFileSync(join(dist, file))).length, 0);
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

/** A bare page with one small script that writes its heading: the floor of this network and CPU. */
async function startBaseline(): Promise<{ url: string; close: () => void }> {
  const html =
    '<!doctype html><meta charset="utf-8"><title>x</title><div id="app"></div><script src="/a.js"></script>';
  const script = 'document.getElementById("app").innerHTML = "<h1 class=\\"ward-name\\">Phường</h1>";';
  const server = createServer((request, response) => {
    if (request.url === '/a.js') response.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    else response.writeHead(200, { 'content-type': 'text/html' }).end(html);
  });
  const port = await freePort();
  await new Promise<void>((done) => server.listen(port, 'localhost', done));
  return { url: `http://localhost:${port}`, close: () => server.close() };
}

async function throttled(browser: Browser, session?: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  if (session)
    await context.addInitScript((value) => window.localStorage.setItem('loa.session', value), session);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  return page;
}

/** Milliseconds from navigation start until `selector` is on the screen, in a fresh throttled context. */
async function firstRender(browser: Browser, url: string, selector: string, session?: string) {
  const page = await throttled(browser, session);
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForSelector(selector, { timeout: 60_000 });
  const ms = await page.evaluate(() => performance.now());
  await page.context().close();
  return ms;
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
  const runs = { baseline: [] as number[], home: [] as number[], tasks: [] as number[] };
  for (let i = 0; i < RUNS; i++) {
    runs.baseline.push(await firstRender(browser, baseline.url, '.ward-name'));
    runs.home.push(await firstRender(browser, server.url, '.ward-name'));
    runs.tasks.push(
      await firstRender(browser, `${server.url}/#/tasks`, '.card-button, .status-view p', session),
    );
  }
  const baselineMs = median(runs.baseline);
  const homeMs = median(runs.home);
  const tasksMs = median(runs.tasks);
  const jsGzipBytes = firstScreenJsGzipBytes();
  console.log(
    JSON.stringify({
      bench: 'mini-app',
      runs: RUNS,
      profile: { cpuThrottling: 4, network: 'slow-3g', viewport: '360x740' },
      baselineFirstRenderMs: Math.round(baselineMs),
      homeFirstRenderMs: Math.round(homeMs),
      tasksFirstRenderMs: Math.round(tasksMs),
      homeRatioToBaseline: Number((homeMs / baselineMs).toFixed(2)),
      tasksRatioToBaseline: Number((tasksMs / baselineMs).toFixed(2)),
      firstScreenJsGzipBytes: jsGzipBytes,
      targets: { firstRenderMs: 1500, firstScreenJsGzipBytes: 150 * 1024 },
      met: { home: homeMs <= 1500, tasks: tasksMs <= 1500, js: jsGzipBytes <= 150 * 1024 },
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
