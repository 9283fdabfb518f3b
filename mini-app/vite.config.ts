import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import zaloMiniApp from 'zmp-vite-plugin';
import appConfig from './app-config.json';
import { localZauiIcons, localZauiIconsForEsbuild } from './icons-plugin';
import { precompress } from './precompress-plugin';

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
    // In a browser, the app is "installed" the way Zalo installs a mini app's package: a service
    // worker keeps the page and every hashed file, so opening it again loads no code over the network
    // (src/lib/offline-app.ts registers it). Only the app's own page is answered from the cache:
    // /api, /sim, /docs and the ward's web pages (/w/...) always go to the server.
    VitePWA({
      injectRegister: false,
      manifest: false,
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg}'],
        navigateFallback: 'index.html',
        navigateFallbackAllowlist: [/^\/(?:index\.html)?(?:\?.*)?$/],
        // A new build takes over at once; an open page keeps its files until it reloads.
        skipWaiting: true,
        clientsClaim: false,
      },
    }),
    precompress(),
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
