import { gql } from './graphql-client.js';
import { PASSWORD } from './accounts-helpers.js';
import { startTestApp, type TestApp } from './test-app.js';

/**
 * Timing benchmark, not a test (it asserts nothing about time): can response times tell whether an
 * address has an account? Times N requests each for existing and unknown addresses through the
 * GraphQL API (in-process, supertest) and prints the medians, for requestPasswordReset and signUp.
 * Existing addresses are fresh accounts (one request each), so the per-account mail cap never
 * short-cuts the existing path. Requests come in pairs (existing/unknown, in alternating order) so
 * drift and ordering hit both alike.
 *
 *   npx jest --testRegex 'account-enumeration\.bench\.ts$' --maxWorkers=1 apps/api/test/account-enumeration.bench.ts
 */
const N = 40;
const RESET = `mutation($e: String!) { requestPasswordReset(email: $e) }`;
const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { message } }`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function timed(run: () => Promise<{ errors?: unknown }>): Promise<number> {
  const t0 = process.hrtime.bigint();
  const res = await run();
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return ms;
}

describe('account enumeration timing (benchmark)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ worker: false });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it(`prints medians of ${N} requests per path`, async () => {
    const signUp = (email: string) => gql(t.app, SIGN_UP, { input: { email, password: PASSWORD, displayName: 'Bench', locale: 'en' } });
    const existing = Array.from({ length: N }, (_, i) => `bench-existing-${i}@example.si`);
    for (const email of existing) await signUp(email);
    // Warm-up: the first requests pay for JIT and connection set-up.
    for (let i = 0; i < 5; i++) await gql(t.app, RESET, { e: `bench-warm-${i}@example.si` });

    // Pairs in alternating order, so neither path always runs first.
    const pair = async (i: number, a: () => Promise<number>, b: () => Promise<number>): Promise<[number, number]> => {
      if (i % 2) {
        const y = await b();
        return [await a(), y];
      }
      const x = await a();
      return [x, await b()];
    };
    const reset = { existing: [] as number[], unknown: [] as number[] };
    for (let i = 0; i < N; i++) {
      const [x, y] = await pair(i, () => timed(() => gql(t.app, RESET, { e: existing[i] })), () => timed(() => gql(t.app, RESET, { e: `bench-unknown-${i}@example.si` })));
      reset.existing.push(x);
      reset.unknown.push(y);
    }
    const signUps = { taken: [] as number[], free: [] as number[] };
    for (let i = 0; i < N; i++) {
      const [x, y] = await pair(i, () => timed(() => signUp(existing[i])), () => timed(() => signUp(`bench-free-${i}@example.si`)));
      signUps.taken.push(x);
      signUps.free.push(y);
    }
    const line = (label: string, a: number[], b: number[]) => `${label}: ${median(a).toFixed(2)} ms vs ${median(b).toFixed(2)} ms (ratio ${(median(a) / median(b)).toFixed(2)})`;
    process.stdout.write(`\n[bench N=${N}] ${line('requestPasswordReset existing vs unknown', reset.existing, reset.unknown)}\n`
      + `[bench N=${N}] ${line('signUp taken vs free', signUps.taken, signUps.free)}\n`);
    expect(reset.existing).toHaveLength(N);
  }, 600_000);
});
