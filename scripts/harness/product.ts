import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { freePort, runMigrations, startEmbeddedPostgres } from '@app/database';
import { Client } from 'pg';
import { launch, sleep, stop, waitFor } from './launcher';

/**
 * The whole product (launcher: API, worker, embedded search, mail catcher) on throwaway ports and
 * data with its own embedded PostgreSQL, in development mode so the demo data is seeded on start.
 * The launcher runs in the data directory, so a development API writes its schema file there and
 * not into the working tree.
 */
export interface Product {
  base: string;
  db: Client;
  dataDir: string;
  adminToken: string;
  /**
   * Stops the launcher and starts it again on the same data and PostgreSQL, with `env` added to
   * (or replacing) its environment (e.g. MATCH_WEIGHTS); resolves once it is ready again.
   */
  restart(env: Record<string, string>): Promise<void>;
  /** Stops the launcher (its children by pid) and PostgreSQL, removes the data. */
  stop(): Promise<void>;
}

/** `env`: more variables for the launcher (they win over the defaults here). */
export async function startProduct(options: { log?: (line: string) => void; seedDemoData?: boolean; env?: Record<string, string> } = {}): Promise<Product> {
  const log = options.log ?? (() => undefined);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'modrotisk-product-'));
  const postgres = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'pg'), persistent: false });
  const db = new Client({ connectionString: postgres.url });
  let launched: ReturnType<typeof launch> | null = null;
  const cleanup = async () => {
    if (launched) await stop(launched.launcher);
    await db.end().catch(() => undefined);
    await postgres.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await runMigrations(postgres.url);
    await db.connect();
    const [apiPort, searchPort, smtpPort, mailWebPort] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
    const adminToken = crypto.randomBytes(24).toString('base64url');
    const env: Record<string, string> = {
      DATABASE_URL: postgres.url, DATA_DIR: dataDir, PORT: String(apiPort), HOST: '127.0.0.1', NODE_ENV: 'development', LOG_LEVEL: 'warn', LOG_FORMAT: 'json',
      EMBEDDED_SEARCH_URL: `http://127.0.0.1:${searchPort}`, MAIL_CATCHER_PORT: String(smtpPort), MAIL_CATCHER_WEB_PORT: String(mailWebPort),
      SEED_DEMO_DATA: options.seedDemoData === false ? 'false' : 'true', ADMIN_API_TOKEN: adminToken, AUTH_TOKEN_SECRET: crypto.randomBytes(32).toString('base64url'),
      QUEUE_BACKEND: 'postgres',
    };
    launched = launch({ ...env, ...options.env }, { cwd: dataDir });
    const base = `http://127.0.0.1:${apiPort}`;
    await waitFor(async () => (await fetch(`${base}/ready`)).ok, 180_000, 'the product to become ready');
    const restart = async (extra: Record<string, string>) => {
      if (launched) await stop(launched.launcher);
      launched = launch({ ...env, ...options.env, ...extra }, { cwd: dataDir });
      await waitFor(async () => (await fetch(`${base}/ready`)).ok, 180_000, 'the product to become ready again');
    };
    if (options.seedDemoData !== false) {
      // The demo seed runs at API bootstrap; the demo event is the last thing it writes.
      await waitFor(async () => (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM event`)).rows[0].n > 0, 60_000, 'the demo data');
    }
    log(`product up on ${base} (data ${dataDir})`);
    return { base, db, dataDir, adminToken, restart, stop: cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

export interface HttpAnswer {
  status: number;
  text: string;
  ms: number;
}

/** One GraphQL request over HTTP; never throws for an HTTP status (network errors: status 0). */
export async function postGraphQL(base: string, body: string, token?: string, timeoutMs = 30_000): Promise<HttpAnswer> {
  const started = performance.now();
  for (let attempt = 1; ; attempt++) {
    try {
      const res = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
      return { status: res.status, text: await res.text(), ms: performance.now() - started };
    } catch (error) {
      const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
      const text = error instanceof Error ? `${error.name}: ${error.message}${cause}` : String(error);
      // A kept-alive connection the server closed just as it was reused never reached the server: once more on a new one.
      if (attempt === 1 && /other side closed|ECONNRESET|socket hang up/i.test(text)) continue;
      return { status: 0, text, ms: performance.now() - started };
    }
  }
}

export interface GraphQLResult<T> {
  data: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** A GraphQL call that must succeed (set-up steps); throws with the errors otherwise. */
export async function gqlOk<T = Record<string, unknown>>(base: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const answer = await postGraphQL(base, JSON.stringify({ query, variables }), token);
  const json = JSON.parse(answer.text) as GraphQLResult<T>;
  if (!json.data || json.errors) throw new Error(`${query.slice(0, 80)}: HTTP ${answer.status} ${answer.text.slice(0, 500)}`);
  return json.data;
}

export const PASSWORD = 'kozolec-na-polju-2026';

export interface SignedIn {
  email: string;
  accountId: string;
  token: string;
}

/** Signs up through GraphQL, follows the verification link the mail catcher stored, signs in. */
export async function signUpVerified(product: Pick<Product, 'base' | 'dataDir'>, email: string, displayName: string): Promise<SignedIn> {
  await gqlOk(product.base, `mutation($input: SignUpInput!) { signUp(input: $input) { message } }`, { input: { email, password: PASSWORD, displayName, locale: 'en' } });
  const mail = await mailTo(product.dataDir, email, 'verify-email');
  const match = /\/verify-email\?token=([0-9a-f-]{36}\.[A-Za-z0-9_-]{43})/.exec(mail);
  if (!match) throw new Error(`no verify-email link in the mail to ${email}`);
  await gqlOk(product.base, `mutation($token: String!) { verifyEmail(token: $token) }`, { token: match[1] });
  return signIn(product.base, email, PASSWORD);
}

export async function signIn(base: string, email: string, password: string): Promise<SignedIn> {
  const data = await gqlOk<{ login: { accessToken: string; account: { id: string } } }>(
    base, `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken account { id } } }`, { email, password },
  );
  return { email, accountId: data.login.account.id, token: data.login.accessToken };
}

/** The newest mail to `to` in <dataDir>/mail containing `marker`, soft line breaks and =3D decoded. */
async function mailTo(dataDir: string, to: string, marker: string): Promise<string> {
  const dir = path.join(dataDir, 'mail');
  const deadline = Date.now() + 30_000;
  const addressed = new RegExp(`^To: ${to.replace(/[.+]/g, '\\$&')}$`, 'mi');
  for (;;) {
    if (fs.existsSync(dir)) {
      for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.eml'))) {
        const text = fs.readFileSync(path.join(dir, file), 'utf8').replace(/=\r?\n/g, '').replace(/=3D/g, '=');
        if (addressed.test(text) && text.includes(marker)) return text;
      }
    }
    if (Date.now() > deadline) throw new Error(`no mail to ${to} containing ${marker} within 30 s`);
    await sleep(200);
  }
}

/**
 * Row count and md5 of every row's text per table of the public schema (sorted by the row text,
 * so the physical order does not matter). Tables in `skip` are left out.
 */
export async function tableChecksums(db: Client, skip: ReadonlySet<string> = new Set()): Promise<Map<string, string>> {
  const tables = (await db.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`)).rows.map((r) => r.name).filter((t) => !skip.has(t));
  const parts = tables.map((t) => `SELECT '${t}' AS name, (SELECT count(*) || ':' || coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '-') FROM "${t}" x) AS sum`);
  const rows = (await db.query<{ name: string; sum: string }>(parts.join(' UNION ALL '))).rows;
  return new Map(rows.map((r) => [r.name, r.sum]));
}

/** Tables whose checksum differs between two snapshots (or that appeared or disappeared). */
export function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((n) => before.get(n) !== after.get(n)).sort();
}
