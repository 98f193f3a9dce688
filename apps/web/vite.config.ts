import { defineConfig, type Plugin } from 'vite';
import { tanstackRouter } from '@tanstack/router-plugin/vite';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));
const api = `http://127.0.0.1:${process.env.API_PORT ?? '3000'}`;
/** Paths the API answers itself; everything else is the web app (see apps/api/src/http/web-app.ts). */
const apiPaths = ['/graphql', '/health', '/ready', '/auth/session', '/attachments', '/account/export', '/notifications/unsubscribe', '/reports'];

/**
 * The libraries every page runs (React, the router, i18next, urql) in one `core` chunk, and the
 * words every visit loads (shared catalogue + ALWAYS features of i18n/init.ts) in one chunk per
 * language: each file travels gzip-compressed on its own, so one file instead of a dozen saves a
 * few KB of a visitor's first load. react-aria stays split per route by the bundler.
 */
const CORE = /node_modules\/(react|react-dom|scheduler|@tanstack\/[^/]+|i18next|react-i18next|urql|@urql\/core|wonka|@0no-co\/graphql\.web|use-sync-external-store|gql\.tada)\//;
const ALWAYS_WORDS = /\/(?:i18n\/locales|features\/(?:account|search|challenges)\/i18n)\/(sl|en)\.json$/;
const wordsChunk = (id: string): string | null => {
  const language = ALWAYS_WORDS.exec(id)?.[1];
  return language ? `words-${language}` : null;
};

/**
 * react-aria ships its built-in strings (e.g. "Clear search") in 34 locales; the app speaks sl and
 * en, so every other locale's file resolves to an empty dictionary (what Adobe's
 * optimize-locales-plugin does, without its unplugin dependency).
 */
const KEPT_LOCALES = ['sl-SI', 'en-US'];
const EMPTY_LOCALE = '\0react-aria-empty-locale';
const reactAriaLocales: Plugin = {
  name: 'react-aria-locales',
  enforce: 'pre',
  resolveId(specifier, importer) {
    const locale = /\/([a-z]{2}-[A-Z]{2})\.m?js$/.exec(specifier)?.[1];
    if (!locale || KEPT_LOCALES.includes(locale) || !importer || !/[/\\]react-aria[/\\]dist[/\\]/.test(importer)) return null;
    return EMPTY_LOCALE;
  },
  load(id) {
    return id === EMPTY_LOCALE ? 'export default {};' : null;
  },
};

export default defineConfig({
  root,
  plugins: [
    reactAriaLocales,
    tanstackRouter({ target: 'react', autoCodeSplitting: true,
      // Each route's loader travels with its component (one chunk per route): the queries a page
      // needs, and the modules they import, stay out of the entry chunk.
      codeSplittingOptions: { defaultBehavior: [['loader', 'component'], ['errorComponent'], ['notFoundComponent'], ['pendingComponent']] },
      routesDirectory: `${root}src/routes`, generatedRouteTree: `${root}src/routeTree.gen.ts` }),
  ],
  // Vite 8 transforms JSX with Oxc (automatic runtime); no React plugin needed for the build.
  oxc: { jsx: { runtime: 'automatic' } },
  build: { outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)), emptyOutDir: true, sourcemap: false, assetsInlineLimit: 0,
    rolldownOptions: {
      output: { codeSplitting: { groups: [{ name: 'core', test: CORE }, { name: wordsChunk, debugName: 'words' }] } },
      // React Server Components directives in libraries mean nothing to a client-only bundle.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    host: '127.0.0.1',
    proxy: Object.fromEntries([
      ...apiPaths.map((p) => [p, { target: api }]),
      ['^/events/[^/]+/(agenda\\.ics|schedule\\.csv)$', { target: api }],
      ['^/(challenges|proposals)/[^/]+/attachments$', { target: api }],
    ]),
  },
  preview: { host: '127.0.0.1' },
});
