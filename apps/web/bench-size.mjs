// npm run bench:web (builds first): starts the product the way `npm start` does, in a throwaway data
// directory on its own ports (or measures a running one: BENCH_URL=http://127.0.0.1:3000), loads
// a few screens in the system Chromium, each BENCH_RUNS times (default 5) in a fresh context, and
// prints per screen: the JavaScript its first load downloads (gzip, as the files would travel
// compressed; budget 150 KB for `/`), the median time to first contentful paint, and the GraphQL
// POSTs it makes (one per screen is the aim: no waterfalls). Figures only: no timed assertion;
// the exit code is 1 when `/` is over its JS budget.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = new URL('../../dist/web/', import.meta.url).pathname;
const repo = new URL('../../', import.meta.url).pathname;
const budgetKb = 150;
const runs = Math.max(1, Math.min(15, Number(process.env.BENCH_RUNS ?? 5)));

/** The product, started like `npm start` when no BENCH_URL is given; stopped at the end. */
async function startProduct() {
  const port = Number(process.env.BENCH_PORT ?? 3390);
  const dataDir = mkdtempSync(join(tmpdir(), 'modrotisk-bench-web-'));
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['dist/scripts/start.js'], {
    cwd: repo,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      EMBEDDED_SEARCH_URL: `http://127.0.0.1:${port + 1}`,
      MAIL_CATCHER_PORT: String(port + 2),
      MAIL_CATCHER_WEB_PORT: String(port + 3),
      PUBLIC_URL: base,
      LOG_LEVEL: 'warn',
    },
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 30_000))]);
    rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 180_000;
  for (;;) {
    const ready = await fetch(`${base}/ready`).then((r) => r.ok, () => false);
    if (ready) break;
    if (Date.now() > deadline || child.exitCode !== null) {
      await stop();
      throw new Error(`the product did not get ready on ${base} within 180 s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return { base, stop };
}

const product = process.env.BENCH_URL ? { base: process.env.BENCH_URL, stop: async () => undefined } : await startProduct();
const { base } = product;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

async function measure(path) {
  const context = await browser.newContext({ locale: 'sl-SI' });
  const page = await context.newPage();
  const scripts = new Set();
  let graphql = 0;
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.endsWith('.js')) scripts.add(url.pathname);
    if (url.pathname === '/graphql' && request.method() === 'POST') graphql++;
  });
  await page.goto(`${base}${path}`, { waitUntil: 'networkidle' });
  await page.locator('main h1').first().waitFor();
  const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN);
  const files = [...scripts].map((file) => ({ file, gzip: gzipSync(readFileSync(join(dist, file))).length })).sort((a, b) => b.gzip - a.gzip);
  await context.close();
  return { js: files.reduce((sum, f) => sum + f.gzip, 0), files, fcp, graphql };
}

const api = async (query) => (await (await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) })).json()).data;
let over = false;
try {
  // The demo data is indexed in the background after the first start: wait for a challenge.
  let found;
  for (let i = 0; i < 60 && !found; i++) {
    found = (await api('{ searchChallenges(query: "modrotisk", first: 1) { nodes { id owner { id } } } }'))?.searchChallenges.nodes[0];
    if (!found) await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  if (!found) throw new Error('no demo challenge to measure (is SEED_DEMO_DATA off?)');
  const screens = [
    ['/', '/'],
    ['search results', '/?q=modrotisk'],
    ['challenge page', `/challenges/${found.id}`],
    ['organisation', `/organisations/${found.owner.id}`],
    ['sign-in', '/sign-in'],
  ];
  console.log(`against ${base}; ${runs} runs per screen, each in a fresh browser context (nothing cached)`);
  for (const [name, path] of screens) {
    const results = [];
    for (let i = 0; i < runs; i++) results.push(await measure(path));
    const m = results[results.length - 1];
    const fcps = results.map((r) => r.fcp).sort((a, b) => a - b);
    const median = fcps[Math.floor(fcps.length / 2)];
    const requests = [...new Set(results.map((r) => r.graphql))].join('/');
    const kb = m.js / 1024;
    if (name === '/' && kb > budgetKb) over = true;
    console.log(
      `${name.padEnd(15)} first-load JS ${kb.toFixed(1)} KB gzip in ${m.files.length} files${name === '/' ? ` (budget ${budgetKb} KB${kb > budgetKb ? ', OVER' : ''})` : ''}` +
        ` · first contentful paint ${median.toFixed(0)} ms (median of ${runs}; ${fcps[0].toFixed(0)}–${fcps[fcps.length - 1].toFixed(0)})` +
        ` · GraphQL POSTs ${requests}`,
    );
    if (name === '/') console.log(`${''.padEnd(15)} largest: ${m.files.slice(0, Number(process.env.BENCH_LIST ?? 5)).map((f) => `${f.file.replace('/assets/', '')} ${(f.gzip / 1024).toFixed(1)} KB`).join(', ')}`);
  }
} finally {
  await browser.close();
  await product.stop();
}
process.exitCode = over ? 1 : 0;
