import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import zaloMiniApp from 'zmp-vite-plugin';
import appConfig from './app-config.json';
import { localZauiIcons, localZauiIconsForEsbuild } from './icons-plugin';

// Anchored to this file so `vite build mini-app` from the repo root and `npm run build -w mini-app`
// produce the same output.
// JSON imports widen literal unions ("white") to string; the plugin's option type is the schema.
type ZaloMiniAppOptions = NonNullable<Parameters<typeof zaloMiniApp>[0]>;

const appRoot = fileURLToPath(new URL('.', import.meta.url));
const apiServer = 'http://localhost:3000';

export default defineConfig({
  root: appRoot,
  plugins: [
    // Passing the config explicitly: without options the plugin reads ./app-config.json from the
    // process's working directory, which is the repo root when built from there.
    // It writes the Zalo deploy manifest (app-config.json) next to the build output.
    zaloMiniApp(appConfig as ZaloMiniAppOptions),
    localZauiIcons(),
    react(),
  ],
  optimizeDeps: { esbuildOptions: { jsx: 'automatic', plugins: [localZauiIconsForEsbuild()] } },
  build: {
    // Served by our own server at `/`; the plugin keeps `base: './'`, so assets stay relative.
    outDir: 'dist',
    emptyOutDir: true,
  },
  server: {
    // Dev runs on `localhost` on purpose: zmp-sdk only returns its canned values on that host.
    proxy: {
      '/api': apiServer,
      '/sim': apiServer,
      '/health': apiServer,
      '/docs': apiServer,
    },
  },
});
