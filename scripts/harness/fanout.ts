import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { freePort, runMigrations, startEmbeddedPostgres } from '@app/database';
import { Client } from 'pg';
import { launch, sleep, stop, waitFor } from './launcher';

export type QueueBackendName = 'postgres' | 'redis';

export interface FanOutRun {
  backend: QueueBackendName;
  /** Creatives the challenge matches (each gets one inbox row and one instant mail). */
  recipients: number;
  /** SIGKILL the worker once this share of the mails is out (the launcher restarts it); null: no kill. */
  killAt: number | null;
  log?: (line: string) => void;
}

export interface FanOutResult {
  backend: QueueBackendName;
  recipients: number;
  killed: boolean;
  /** Publication to every inbox row written, and to every mail marked sent. */
  persistedMs: number;
  mailedMs: number;
  inboxRows: number;
  /** Recipients with more than one inbox row for the event (the unique key forbids it). */
  duplicateInboxRows: number;
  /** Distinct messages (by Message-ID) the SMTP sink received. */
  delivered: number;
  /** Further copies of a Message-ID already received: resent after the kill, deduplicated by receivers. */
  resentCopies: number;
  lost: number;
  /** Creatives who must hear nothing (no consent, or no match) but got a row. */
  wrongRecipients: number;
  mailsPerSecond: number;
}

/**
 * Publishes one challenge that matches `recipients` consenting creatives (plus 100 who did not
 * agree to be matched and 100 who do not match), on the whole product started by the launcher on
 * throwaway ports and data (own embedded PostgreSQL; Redis when asked), with mail going to the
 * local mail catcher over SMTP. Optionally SIGKILLs the worker mid-way. Measures what arrived.
 */
export async function runFanOut(run: FanOutRun): Promise<FanOutResult> {
  const log = run.log ?? (() => undefined);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'modrotisk-fanout-'));
  const postgres = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'pg'), persistent: false });
  let redis: ChildProcess | null = null;
  let launched: ReturnType<typeof launch> | null = null;
  const db = new Client({ connectionString: postgres.url });
  try {
    await runMigrations(postgres.url);
    await db.connect();
    const [apiPort, searchPort, smtpPort, mailWebPort, redisPort] = await Promise.all([freePort(), freePort(), freePort(), freePort(), freePort()]);
    const env: Record<string, string> = {
      DATABASE_URL: postgres.url, DATA_DIR: dataDir, PORT: String(apiPort), HOST: '127.0.0.1', NODE_ENV: 'development', LOG_LEVEL: 'info', LOG_FORMAT: 'json',
      EMBEDDED_SEARCH_URL: `http://127.0.0.1:${searchPort}`, MAIL_CATCHER_PORT: String(smtpPort), MAIL_CATCHER_WEB_PORT: String(mailWebPort),
      SEED_DEMO_DATA: 'false', ADMIN_API_TOKEN: crypto.randomBytes(24).toString('base64url'), AUTH_TOKEN_SECRET: crypto.randomBytes(32).toString('base64url'),
      QUEUE_BACKEND: run.backend,
    };
    if (run.backend === 'redis') {
      redis = spawn(redisBinary(), ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
      env.REDIS_URL = `redis://127.0.0.1:${redisPort}`;
    }
    await seed(db, run.recipients);
    launched = launch(env);
    const base = `http://127.0.0.1:${apiPort}`;
    await waitFor(async () => (await fetch(`${base}/ready`)).ok, 120_000, 'the product to become ready');
    const gql = async (query: string, variables: Record<string, unknown> = {}) => {
      const res = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${env.ADMIN_API_TOKEN}` }, body: JSON.stringify({ query, variables }) });
      const json = (await res.json()) as { data?: Record<string, { id: string }>; errors?: unknown[] };
      if (!json.data) throw new Error(JSON.stringify(json.errors));
      return json.data;
    };
    const org = (await gql(`mutation { createOrganisation(input: { kind: COMPANY, name: "Fan-out d.o.o.", municipality: "ziri" }) { id } }`)).createOrganisation.id;
    const challenge = (await gql(`mutation($o: ID!) { createChallenge(input: { ownerOrganisationId: $o, title: { sl: "Modrotisk na usnju (fan-out)" }, brief: { sl: "Modrotisk na usnju." }, domains: ["design-visual-arts"], techniques: ["blueprint"], materials: ["leather"], deadline: "2099-01-01T00:00:00Z" }) { id } }`, { o: org })).createChallenge.id;
    log(`${run.backend}: product up; publishing a challenge that matches ${run.recipients} creatives${run.killAt === null ? '' : `, SIGKILL to the worker at ${Math.round(run.killAt * 100)} % of the mails`}`);
    const t0 = Date.now();
    await gql(`mutation($id: ID!) { publishChallenge(id: $id) { id } }`, { id: challenge });

    const counts = async () => (await db.query<{ rows: number; sent: number }>(
      `SELECT count(*)::int AS rows, (count(*) FILTER (WHERE email_state = 'sent'))::int AS sent FROM notification WHERE subject_id = $1`, [challenge],
    )).rows[0];
    let killed = false;
    let persistedMs = -1;
    const deadline = Date.now() + Math.max(300_000, run.recipients * 30);
    for (;;) {
      const c = await counts();
      if (persistedMs < 0 && c.rows >= run.recipients) persistedMs = Date.now() - t0;
      if (run.killAt !== null && !killed && c.sent >= run.recipients * run.killAt && launched.pids.worker) {
        process.kill(launched.pids.worker, 'SIGKILL');
        killed = true;
        log(`${run.backend}: SIGKILL sent to the worker (pid ${launched.pids.worker}) with ${c.sent} of ${run.recipients} mails out; the launcher restarts it`);
      }
      if (c.sent >= run.recipients && c.rows >= run.recipients) break;
      if (Date.now() > deadline) {
        const states = (await db.query(`SELECT email_state, email_attempts, count(*)::int AS n FROM notification WHERE subject_id = $1 GROUP BY 1, 2`, [challenge])).rows;
        log(`${run.backend}: gave up waiting with ${c.rows} inbox rows and ${c.sent} mails sent; mail states ${JSON.stringify(states)}`);
        break;
      }
      await sleep(100);
    }
    const mailedMs = Date.now() - t0;
    await sleep(1500);
    const mails = fs.readdirSync(path.join(dataDir, 'mail')).filter((f) => f.startsWith('notification-') && f.endsWith('.eml'));
    const delivered = mails.filter((f) => !/\.dup-\d+\.eml$/.test(f)).length;
    const rows = await db.query<{ rows: number; accounts: number; wrong: number }>(
      `SELECT count(*)::int AS rows, count(DISTINCT n.account_id)::int AS accounts,
              (count(*) FILTER (WHERE a.email NOT LIKE 'match-%'))::int AS wrong
         FROM notification n JOIN account a ON a.id = n.account_id WHERE n.subject_id = $1`,
      [challenge],
    );
    const r = rows.rows[0];
    return {
      backend: run.backend, recipients: run.recipients, killed, persistedMs, mailedMs, inboxRows: r.rows, duplicateInboxRows: r.rows - r.accounts,
      delivered, resentCopies: mails.length - delivered, lost: run.recipients - delivered, wrongRecipients: r.wrong,
      mailsPerSecond: Math.round((delivered / (mailedMs / 1000)) * 10) / 10,
    };
  } finally {
    if (launched) await stop(launched.launcher);
    await db.end().catch(() => undefined);
    redis?.kill('SIGTERM');
    await postgres.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** `recipients` matching, consenting creatives with accounts (instant mail), and 200 who must hear nothing. */
async function seed(db: Client, recipients: number): Promise<void> {
  const creatives = async (prefix: string, count: number, consent: boolean, codes: { t: string; m: string }) => {
    await db.query(
      `WITH a AS (
         INSERT INTO account (email, password_hash, display_name, locale, email_verified_at, password_changed_at)
         SELECT $1 || g || '@bench.example', 'not-a-password-hash', $1 || g, 'sl', now(), now() FROM generate_series(1, $2) AS g
         RETURNING id, display_name)
       INSERT INTO creative_profile (kind, display_name, domains, techniques, materials, municipality, languages, account_id, matching_consent_at)
       SELECT 'INDIVIDUAL', display_name, '{design-visual-arts}', ARRAY[$3], ARRAY[$4], 'ziri', '{sl}', id, CASE WHEN $5 THEN now() END FROM a`,
      [prefix, count, codes.t, codes.m, consent],
    );
  };
  await creatives('match-', recipients, true, { t: 'blueprint', m: 'leather' });
  await creatives('no-consent-', 100, false, { t: 'blueprint', m: 'leather' });
  await creatives('other-', 100, true, { t: 'wheel-throwing', m: 'clay' });
  await db.query(`UPDATE creative_profile SET domains = '{music}' WHERE display_name LIKE 'other-%'`);
  await db.query(`INSERT INTO notification_preference (account_id, category, mode) SELECT id, 'MATCHES', 'INSTANT' FROM account WHERE email LIKE '%@bench.example'`);
}

export function redisAvailable(): boolean {
  try {
    redisBinary();
    return true;
  } catch {
    return false;
  }
}

function redisBinary(): string {
  for (const candidate of ['/usr/bin/redis-server', '/usr/local/bin/redis-server']) if (fs.existsSync(candidate)) return candidate;
  try {
    return execFileSync('which', ['redis-server'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('redis-server is not installed (apt-get install redis-server), so the Redis backend cannot run');
  }
}
