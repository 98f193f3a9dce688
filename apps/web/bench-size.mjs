// npm run bench:web: the JavaScript a first visit to `/` downloads (gzip), against the 150 KB budget.
// Counts the entry script, every module it preloads (index.html) and the chunks of the home route.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dir = new URL('../../dist/web/', import.meta.url).pathname;
const html = readFileSync(join(dir, 'index.html'), 'utf8');
const listed = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
const home = readdirSync(join(dir, 'assets')).filter((f) => /^(routes|HomePage|ChallengeCard|search)-.*\.js$/.test(f)).map((f) => `assets/${f}`);
const files = [...new Set([...listed, ...home])];
let total = 0;
for (const file of files) {
  const size = gzipSync(readFileSync(join(dir, file)), { level: 9 }).length;
  total += size;
  console.log(`${(size / 1024).toFixed(1).padStart(7)} KB  ${file}`);
}
const budget = 150;
console.log(`${(total / 1024).toFixed(1).padStart(7)} KB  first-load JavaScript of / (gzip; budget ${budget} KB)${total / 1024 > budget ? '  OVER BUDGET' : ''}`);
process.exitCode = total / 1024 > budget ? 1 : 0;
