/**
 * Import rules, checked by `npm run lint` (dependency-cruiser). Why each one:
 * - no cycles: a cycle makes load order matter and hides which module is the lower layer;
 * - a feature's `*sql.ts` is its own: another feature calls that feature's service, so each table
 *   keeps one owner (test/server/table-owners.test.ts checks the SQL itself);
 * - the mini app runs in the resident's phone: it may import shared/, never the server.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import cycle: move what both sides need into the lower module (e.g. types.ts) or inject it.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-foreign-sql',
      severity: 'error',
      comment: "A feature imports another feature's service, never its SQL (one owner per table).",
      from: { path: '^server/src/([^/]+)/' },
      to: { path: '^server/src/[^/]+/.*sql[.]ts$', pathNot: '^server/src/$1/' },
    },
    {
      name: 'no-feature-sql-at-top',
      severity: 'error',
      comment:
        "app.ts and the other top-level files wire features together: they call a feature's service or plugin, never its SQL.",
      from: { path: '^server/src/[^/]+[.]ts$' },
      to: { path: '^server/src/[^/]+/.*sql[.]ts$' },
    },
    {
      name: 'mini-app-not-server',
      severity: 'error',
      comment: 'The mini app ships to phones: it shares types and rules through shared/, never server code.',
      from: { path: '^mini-app/' },
      to: { path: '^server/' },
    },
    {
      name: 'shared-stands-alone',
      severity: 'error',
      comment: 'shared/ is imported by both sides, so it imports neither.',
      from: { path: '^shared/' },
      to: { path: '^(?:server|mini-app)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(?:^|/)(?:dist|www|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    // `@loa/shared` resolves through its package.json `exports` to shared/src (a workspace link).
    enhancedResolveOptions: {
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
      exportsFields: ['exports'],
      conditionNames: ['import', 'default'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
