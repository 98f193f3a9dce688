import { spawn } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { childEnvironment } from '@app/config';
import { sleep, stop, waitFor, watchPids } from './harness/launcher';
import { freePort } from '@app/database';

/**
 * npm run bench:index [-- --count 1000 --kill-worker]
 * Starts the whole product on embedded defaults in a throwaway data directory (127.0.0.1, free
 * ports), creates N creative profiles through GraphQL, and polls GraphQL search until every one
 * is found. Prints time to all searchable, commit-to-searchable p50/p95/max and the number missing.
 * --kill-worker sends SIGKILL to the worker after a third of the profiles (the launcher restarts it).
 */
const args = process.argv.slice(2);
const COUNT = Number(valueOf('--count') ?? 1000);
const KILL_WORKER = args.includes('--kill-worker');
const CONCURRENCY = 8;
const POLL_MS = 200;
const SEARCH_TIMEOUT_MS = 180_000;

function valueOf(flag: string): string | undefined {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(): Promise<void> {
  if (!Number.isInteger(COUNT) || COUNT < 1 || COUNT > 20_000) throw new Error('--count must be 1..20000');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'modrotisk-bench-'));
  const [apiPort, searchPort, smtpPort, mailWebPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
  const token = crypto.randomBytes(24).toString('base64url');
  const base = `http://127.0.0.1:${apiPort}`;
  const launcher = spawn(process.execPath, [path.join(__dirname, 'start.js')], {
    env: childEnvironment({
      DATA_DIR: dataDir, PORT: String(apiPort), HOST: '127.0.0.1', EMBEDDED_SEARCH_URL: `http://127.0.0.1:${searchPort}`,
      ADMIN_API_TOKEN: token, SEED_DEMO_DATA: 'false', LOG_LEVEL: 'info', NODE_ENV: 'development',
      MAIL_CATCHER_PORT: String(smtpPort), MAIL_CATCHER_WEB_PORT: String(mailWebPort),
    }),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const pids = watchPids(launcher);
  try {
    await waitFor(async () => (await fetch(`${base}/ready`)).ok, 120_000, 'the product to become ready');
    const run = crypto.randomBytes(3).toString('hex');
    const marker = `benchmark${run}`;
    console.log(`started on ${base}; creating ${COUNT} profiles (marker "${marker}", concurrency ${CONCURRENCY})${KILL_WORKER ? ', will SIGKILL the worker' : ''}`);

    const committedAt = new Map<string, number>();
    const t0 = Date.now();
    let next = 0;
    let killed = false;
    const workers = Array.from({ length: CONCURRENCY }, async () => {
      while (next < COUNT) {
        const n = next++;
        if (KILL_WORKER && !killed && n >= Math.floor(COUNT / 3) && pids.worker) {
          killed = true;
          process.kill(pids.worker, 'SIGKILL');
          console.log(`SIGKILL sent to the worker (pid ${pids.worker}) after ${n} profiles`);
        }
        const id = await createProfile(base, token, n, marker);
        committedAt.set(id, Date.now());
      }
    });
    await Promise.all(workers);
    const createdS = (Date.now() - t0) / 1000;
    console.log(`created ${committedAt.size} profiles in ${createdS.toFixed(1)} s (${(committedAt.size / createdS).toFixed(0)}/s)`);

    const seenAt = new Map<string, number>();
    const deadline = Date.now() + SEARCH_TIMEOUT_MS;
    while (seenAt.size < committedAt.size && Date.now() < deadline) {
      for (const id of await searchAll(base, marker)) if (!seenAt.has(id)) seenAt.set(id, Date.now());
      if (seenAt.size < committedAt.size) await sleep(POLL_MS);
    }
    // Every outbox event processed, not only every document found (a restarted worker may also reindex).
    let outboxPending = -1;
    const drainDeadline = Date.now() + 150_000;
    while (Date.now() < drainDeadline) {
      const ready = (await (await fetch(`${base}/ready`)).json()) as { checks: { database: { detail?: string } } };
      outboxPending = Number(/outbox pending (\d+)/.exec(ready.checks.database.detail ?? '')?.[1] ?? -1);
      if (outboxPending === 0) break;
      await sleep(500);
    }
    const outboxDrainedS = (Date.now() - t0) / 1000;
    const lags = [...committedAt].filter(([id]) => seenAt.has(id)).map(([id, t]) => (seenAt.get(id) as number) - t).sort((a, b) => a - b);
    const allSearchableS = seenAt.size ? (Math.max(...seenAt.values()) - t0) / 1000 : NaN;
    console.log(JSON.stringify({
      profiles: COUNT,
      workerKilled: killed,
      createSeconds: round(createdS),
      secondsUntilAllSearchable: round(allSearchableS),
      commitToSearchableMs: { p50: pct(lags, 0.5), p95: pct(lags, 0.95), max: lags.at(-1) ?? null, pollResolutionMs: POLL_MS },
      missing: committedAt.size - seenAt.size,
      outboxPendingAtEnd: outboxPending,
      secondsUntilOutboxDrained: outboxPending === 0 ? round(outboxDrainedS) : null,
    }, null, 2));
  } finally {
    await stop(launcher);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function createProfile(base: string, token: string, n: number, marker: string): Promise<string> {
  const towns = ['kranj', 'skofja-loka', 'trzic', 'jesenice', 'radovljica', 'ziri', 'bled'];
  const body = JSON.stringify({
    query: `mutation($input: CreateCreativeProfileInput!) { createCreativeProfile(input: $input) { id } }`,
    variables: { input: {
      kind: 'INDIVIDUAL', displayName: `Bench ${n}`, municipality: towns[n % towns.length], languages: ['sl', 'en'],
      bio: { sl: `Testni profil ${n} ${marker}: oblikovanje usnja in tekstila.`, en: `Benchmark profile ${n}.` },
    } },
  });
  for (let attempt = 1; ; attempt++) {
    try {
      const res = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
      const json = (await res.json()) as { data?: { createCreativeProfile: { id: string } }; errors?: unknown[] };
      if (json.data) return json.data.createCreativeProfile.id;
      throw new Error(JSON.stringify(json.errors));
    } catch (error) {
      if (attempt >= 5) throw error;
      await sleep(200 * attempt);
    }
  }
}

async function searchAll(base: string, marker: string): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (let page = 0; page < 500; page++) {
    const res = await fetch(`${base}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `query($q: String, $after: String) { searchCreatives(query: $q, first: 50, after: $after) { nodes { id } pageInfo { endCursor hasNextPage } } }`, variables: { q: marker, after } }),
    });
    const json = (await res.json()) as { data?: { searchCreatives: { nodes: { id: string }[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } } } };
    const result = json.data?.searchCreatives;
    if (!result) return ids;
    ids.push(...result.nodes.map((n) => n.id));
    if (!result.pageInfo.hasNextPage) return ids;
    after = result.pageInfo.endCursor;
  }
  return ids;
}

const pct = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] : null);
const round = (x: number) => Math.round(x * 10) / 10;

main().catch((error: unknown) => {
  console.error(`bench:index failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
