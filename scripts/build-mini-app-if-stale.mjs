// Builds the mini app when its sources are newer than the last build, so `npm install && npm start`
// serves a fresh app without paying for a build on every start.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const appDir = join(root, 'mini-app');
const builtIndex = join(appDir, 'dist', 'index.html');
const sources = [
  join(appDir, 'src'),
  join(appDir, 'index.html'),
  join(appDir, 'vite.config.ts'),
  join(appDir, 'icons-plugin.ts'),
  join(appDir, 'precompress-plugin.ts'),
  join(appDir, 'public'),
  join(appDir, 'app-config.json'),
  join(root, 'shared', 'src'),
  // A change to how the app is built (this file) rebuilds it too.
  new URL(import.meta.url).pathname,
];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

if (!existsSync(join(appDir, 'index.html'))) process.exit(0);
if (!existsSync(join(root, 'node_modules', 'vite'))) process.exit(0);
const builtAt = existsSync(builtIndex) ? statSync(builtIndex).mtimeMs : 0;
if (builtAt > Math.max(...sources.map(newestMtime))) process.exit(0);

console.log('Đang dựng mini app (vite build)…');
// Always the production build. Vite bakes the inherited NODE_ENV into the app: run from vitest's global
// set-up (NODE_ENV=test) it built React's development bundle, 200 KB gzip instead of 130 KB, with
// jsxDEV and the machine's source paths in every screen.
const result = spawnSync('npm', ['run', 'build', '-w', 'mini-app', '--silent'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'production' },
});
process.exit(result.status ?? 1);
