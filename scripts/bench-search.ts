import {
  EmbeddedHttpSearchAdapter,
  OramaSearchEngine,
  startEmbeddedSearchServer,
  type IndexDefinition,
  type SearchDocument,
  type SearchPort,
  type SearchQuery,
} from '@app/search';

/**
 * npm run bench:search [-- --docs 100000 --queries 200]
 * Latency of the embedded engine for what the matching asks: 10-word queries with
 * `matching: 'any'` and `limit: 300`, over N synthetic profiles (Zipf-distributed vocabulary of
 * already normalised words; title, place and a 30–60 word description). Measured in process and
 * through the embedded HTTP server (127.0.0.1, free port, stopped at the end), plus one
 * multiSearch of five such queries. Prints p50/p95/p99/max in ms; no assertions.
 */
const args = process.argv.slice(2);

function valueOf(flag: string): string | undefined {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
}

const DEFINITION: Omit<IndexDefinition, 'name'> = {
  searchableFields: ['title', 'place', 'description'],
  filterableFields: ['kind', 'municipality'],
  sortableFields: ['createdAt'],
};
const VOCABULARY_SIZE = 20_000;
const SYLLABLES = ['ka', 'ra', 'mo', 'dro', 'ti', 'sk', 'lo', 'ne', 'va', 'po', 'be', 'zi', 'tr', 'gu', 'ja', 'le', 'sn', 'ce', 'vo', 'pi'];

function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Distinct pseudo-words of 4–12 letters, index 0 the most frequent. */
function vocabulary(next: () => number): string[] {
  const words = new Set<string>();
  while (words.size < VOCABULARY_SIZE) {
    const parts = 2 + Math.floor(next() * 4);
    let word = '';
    for (let i = 0; i < parts; i++) word += SYLLABLES[Math.floor(next() * SYLLABLES.length)];
    words.add(word);
  }
  return [...words];
}

/** A Zipf(1) sampler over `n` ranks. */
function zipf(n: number, next: () => number): () => number {
  const cumulative = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) cumulative[i] = sum += 1 / (i + 1);
  return () => {
    const x = next() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function report(label: string, timings: number[], totals: number[]): void {
  const sorted = [...timings].sort((a, b) => a - b);
  const mean = totals.reduce((a, b) => a + b, 0) / Math.max(1, totals.length);
  console.log(
    `${label.padEnd(46)} p50 ${percentile(sorted, 50).toFixed(1)} ms  p95 ${percentile(sorted, 95).toFixed(1)} ms  ` +
      `p99 ${percentile(sorted, 99).toFixed(1)} ms  max ${sorted[sorted.length - 1].toFixed(1)} ms  (mean total ${mean.toFixed(0)})`,
  );
}

async function measure(label: string, runs: number, warmup: number, once: (i: number) => Promise<number>): Promise<void> {
  for (let i = 0; i < warmup; i++) await once(i);
  const timings: number[] = [];
  const totals: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    totals.push(await once(warmup + i));
    timings.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  report(label, timings, totals);
}

export async function benchSearch(docCount: number, queryCount: number): Promise<void> {
  if (!Number.isInteger(docCount) || docCount < 1 || docCount > 500_000) throw new Error('--docs must be 1..500000');
  if (!Number.isInteger(queryCount) || queryCount < 1 || queryCount > 10_000) throw new Error('--queries must be 1..10000');
  const next = random(13);
  const words = vocabulary(next);
  const rank = zipf(words.length, next);
  const text = (min: number, max: number) => Array.from({ length: min + Math.floor(next() * (max - min + 1)) }, () => words[rank()]).join(' ');
  const places = words.slice(500, 700);

  const engine = new OramaSearchEngine();
  const name = 'bench_profiles';
  await engine.ensureIndex({ name, ...DEFINITION });
  const t0 = Date.now();
  const batch: SearchDocument[] = [];
  for (let i = 0; i < docCount; i++) {
    batch.push({
      id: `p${i}`,
      title: text(3, 6),
      place: places[Math.floor(next() * places.length)],
      description: text(30, 60),
      kind: next() < 0.8 ? 'creative' : 'studio',
      municipality: `m${Math.floor(next() * 60)}`,
      createdAt: i,
    });
    if (batch.length === 5_000) await engine.upsert(name, batch.splice(0));
  }
  if (batch.length > 0) await engine.upsert(name, batch.splice(0));
  console.log(`indexed ${docCount} documents in ${((Date.now() - t0) / 1000).toFixed(1)} s (heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB)`);

  // Queries as the matching sends them: ten words of a brief, common and rare ones mixed.
  const queries: SearchQuery[] = Array.from({ length: queryCount + 20 }, () => ({
    text: Array.from({ length: 10 }, () => words[next() < 0.5 ? rank() : Math.floor(next() * words.length)]).join(' '),
    matching: 'any',
    limit: 300,
  }));
  const run = (port: SearchPort, index: string) => async (i: number) => (await port.search(index, queries[i % queries.length])).total;

  await measure(`in process, 'any', 10 words, limit 300`, queryCount, 20, run(engine, name));
  await measure(`in process, 'all', 10 words, limit 300`, queryCount, 20, (i) =>
    engine.search(name, { ...queries[i % queries.length], matching: 'all' }).then((r) => r.total),
  );
  await measure(`in process, 'any', 3 words, limit 300`, queryCount, 20, (i) =>
    engine.search(name, { ...queries[i % queries.length], text: queries[i % queries.length].text?.split(' ').slice(0, 3).join(' ') }).then((r) => r.total),
  );

  const server = await startEmbeddedSearchServer({ host: '127.0.0.1', port: 0 });
  try {
    const http = new EmbeddedHttpSearchAdapter({ url: server.url, timeoutMs: 60_000 });
    const remote = 'bench_profiles_http';
    await http.ensureIndex({ name: remote, ...DEFINITION });
    // The server has its own engine: fill it through HTTP (same distribution, other draws).
    await fillOver(http, remote, docCount, text, places, next);
    await measure(`over HTTP, 'any', 10 words, limit 300`, queryCount, 20, run(http, remote));
    await measure(`over HTTP, multiSearch of 5 × ('any', 10 words, 300)`, Math.max(1, Math.floor(queryCount / 5)), 4, (i) =>
      http
        .multiSearch(Array.from({ length: 5 }, (_, k) => ({ index: remote, query: queries[(i * 5 + k) % queries.length] })))
        .then((results) => results.reduce((n, r) => n + r.total, 0)),
    );
  } finally {
    await server.close();
  }
}

async function fillOver(
  port: SearchPort,
  index: string,
  docCount: number,
  text: (min: number, max: number) => string,
  places: readonly string[],
  next: () => number,
): Promise<void> {
  for (let i = 0; i < docCount; i += 5_000) {
    const docs: SearchDocument[] = Array.from({ length: Math.min(5_000, docCount - i) }, (_, n) => ({
      id: `p${i + n}`,
      title: text(3, 6),
      place: places[Math.floor(next() * places.length)],
      description: text(30, 60),
      kind: next() < 0.8 ? 'creative' : 'studio',
      municipality: `m${Math.floor(next() * 60)}`,
      createdAt: i + n,
    }));
    await port.upsert(index, docs);
  }
}

if (require.main === module) {
  benchSearch(Number(valueOf('--docs') ?? 100_000), Number(valueOf('--queries') ?? 200)).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
