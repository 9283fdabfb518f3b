import { fileURLToPath } from 'node:url';
import type { DepOptimizationOptions, Plugin } from 'vite';

/** esbuild's plugin type as Vite's own esbuild declares it. */
type EsbuildPlugin = NonNullable<NonNullable<DepOptimizationOptions['esbuildOptions']>['plugins']>[number];

/**
 * Draws zmp-ui's icons from our own SVGs (src/icons/zaui-icons.tsx) and drops its @font-face, whose
 * font lives on Zalo's CDN: the app then loads nothing from another host. zmp-ui's Icon imports its
 * table of names as "./icons"; only that import is redirected.
 */
const ours = fileURLToPath(new URL('./src/icons/zaui-icons.tsx', import.meta.url));
const zmpIcon = /zmp-ui[\\/]esm[\\/]components[\\/]icon[\\/]index\.js$/;
const zauiCss = /zmp-ui[\\/]zaui(\.min)?\.css$/;

export function localZauiIcons(): Plugin {
  return {
    name: 'loa:local-zaui-icons',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === './icons' && importer && zmpIcon.test(importer)) return ours;
      return null;
    },
    transform(code, id) {
      if (!zauiCss.test(id.split('?')[0] ?? id)) return null;
      return { code: code.replace(/@font-face\s*\{[^}]*\}/g, ''), map: null };
    },
  };
}

/** The same redirect for the development server, which pre-bundles zmp-ui with esbuild. */
export function localZauiIconsForEsbuild(): EsbuildPlugin {
  return {
    name: 'loa:local-zaui-icons',
    setup(build) {
      build.onResolve({ filter: /^\.\/icons$/ }, (args) =>
        zmpIcon.test(args.importer) ? { path: ours } : undefined,
      );
    },
  };
}
