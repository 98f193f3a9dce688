import { defineConfig } from 'vite';
import { tanstackRouter } from '@tanstack/router-plugin/vite';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));
const api = `http://127.0.0.1:${process.env.API_PORT ?? '3000'}`;
/** Paths the API answers itself; everything else is the web app (see apps/api/src/http/web-app.ts). */
const apiPaths = ['/graphql', '/health', '/ready', '/auth/session', '/attachments', '/account/export', '/notifications/unsubscribe', '/reports'];

export default defineConfig({
  root,
  plugins: [
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
