import { defineConfig } from '@playwright/test';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Browser journeys against the product started the way `npm start` does (built app, embedded
 * PostgreSQL, search, mail catcher, worker, API), on 127.0.0.1 with its own DATA_DIR and ports.
 * System Chromium (Debian `chromium`); no browser download. `npm run test:browser` builds first.
 */
const port = Number(process.env.WEB_TEST_PORT ?? 3310);
export const ports = { api: port, search: port + 1, smtp: port + 2, mail: port + 3 };
const baseURL = `http://127.0.0.1:${ports.api}`;
const dataDir = path.join(os.tmpdir(), `modrotisk-web-e2e-${ports.api}`);
const repo = fileURLToPath(new URL('../..', import.meta.url));

export default defineConfig({
  testDir: './test',
  testMatch: '**/*.pw.ts',
  workers: 2,
  fullyParallel: true,
  retries: process.env.CI ? 1 : 0,
  timeout: 45_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: path.join(os.tmpdir(), 'modrotisk-web-e2e-results'),
  use: {
    baseURL,
    trace: 'retain-on-failure',
    video: 'off',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [
    { name: 'sl', use: { locale: 'sl-SI', timezoneId: 'Europe/Ljubljana' } },
    { name: 'en', use: { locale: 'en-GB', timezoneId: 'Europe/Ljubljana' } },
  ],
  webServer: {
    command: `rm -rf '${dataDir}' && exec node dist/scripts/start.js`,
    cwd: repo,
    url: `${baseURL}/ready`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: String(ports.api),
      DATA_DIR: dataDir,
      EMBEDDED_SEARCH_URL: `http://127.0.0.1:${ports.search}`,
      MAIL_CATCHER_PORT: String(ports.smtp),
      MAIL_CATCHER_WEB_PORT: String(ports.mail),
      PUBLIC_URL: baseURL,
      LOG_LEVEL: 'warn',
    },
  },
});
