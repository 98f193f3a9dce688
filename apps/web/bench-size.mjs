// npm run bench:web: against a running product (`npm start`; BENCH_URL, default http://127.0.0.1:3000)
// loads `/` and a challenge page in the system Chromium and prints the JavaScript each first load
// downloads (gzip, as the files would travel compressed; budget 150 KB for `/`), the time to first
// contentful paint, and the GraphQL requests the page makes.
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const base = process.env.BENCH_URL ?? 'http://127.0.0.1:3000';
const dist = new URL('../../dist/web/', import.meta.url).pathname;
const budgetKb = 150;

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
    if (url.pathname === '/graphql') graphql++;
  });
  await page.goto(`${base}${path}`, { waitUntil: 'networkidle' });
  await page.locator('main h1').first().waitFor();
  const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN);
  const js = [...scripts].reduce((sum, file) => sum + gzipSync(readFileSync(join(dist, file))).length, 0);
  await context.close();
  return { js, fcp, graphql, files: scripts.size };
}

const api = async (query) => (await (await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) })).json()).data;
const challenge = (await api('{ searchChallenges(query: "modrotisk", first: 1) { nodes { id } } }')).searchChallenges.nodes[0]?.id;
let over = false;
for (const [name, path] of [['/', '/'], ['challenge page', `/challenges/${challenge}`]]) {
  const runs = [];
  for (let i = 0; i < 3; i++) runs.push(await measure(path));
  const m = runs[runs.length - 1];
  const fcp = runs.map((r) => r.fcp).sort((a, b) => a - b)[1];
  const kb = m.js / 1024;
  if (name === '/' && kb > budgetKb) over = true;
  console.log(`${name.padEnd(15)} first-load JS ${kb.toFixed(1)} KB gzip in ${m.files} files${name === '/' ? ` (budget ${budgetKb} KB${kb > budgetKb ? ', OVER' : ''})` : ''} · first contentful paint ${fcp.toFixed(0)} ms (median of 3, fresh context each) · GraphQL requests ${m.graphql}`);
}
await browser.close();
process.exitCode = over ? 1 : 0;
