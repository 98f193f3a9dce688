import { type ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { childEnvironment } from '@app/config';

/**
 * `npm start` and a terminal's Ctrl-C: the terminal sends SIGINT to every process of its
 * foreground process group at once (npm, its shell, the launcher, and whatever they started in
 * that group). `npm start` (which builds first) runs in a process group of its own, like a
 * shell's foreground job, and the whole group gets SIGINT. Everything must stop in order, quietly
 * (no stack trace), with exit code 0, and leave no process behind: once up, and during start-up.
 */
const root = path.resolve(__dirname, '..');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

interface Run {
  child: ChildProcess;
  out: () => string;
  err: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  api: number;
}

describe('npm start and Ctrl-C', () => {
  const dataDirs: string[] = [];
  const started: ChildProcess[] = [];
  const pids = new Set<number>();

  afterAll(() => {
    // Whatever is still running (only if a test failed): stopped by pid.
    for (const pid of pids) if (alive(pid)) process.kill(pid, 'SIGKILL');
    for (const child of started) if (child.pid && alive(child.pid)) process.kill(child.pid, 'SIGKILL');
    for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Starts `command` in a process group of its own (detached), as a shell starts a foreground job, on a throwaway DATA_DIR and free ports. */
  async function launch(command: string, args: string[]): Promise<Run> {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'modrotisk-ctrl-c-'));
    dataDirs.push(dataDir);
    const [api, search, smtp, mailWeb] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
    const env = childEnvironment({
      // test: a development API would rewrite apps/api/schema.gql in the working tree.
      NODE_ENV: 'test', HOST: '127.0.0.1', PORT: String(api), DATA_DIR: dataDir, LOG_FORMAT: 'json', LOG_LEVEL: 'info', QUEUE_BACKEND: 'postgres',
      SEARCH_BACKEND: 'embedded', EMBEDDED_SEARCH_URL: `http://127.0.0.1:${search}`, MAIL_CATCHER_PORT: String(smtp), MAIL_CATCHER_WEB_PORT: String(mailWeb),
    });
    delete env.DATABASE_URL;
    delete env.SMTP_URL;
    const child = spawn(command, args, { cwd: root, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    started.push(child);
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<Run['exited'] extends Promise<infer R> ? R : never>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    return { child, out: () => stdout, err: () => stderr, exited, api };
  }

  async function until(run: Run, ready: () => Promise<boolean> | boolean, timeoutMs: number, what: string): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await ready())) {
      if (Date.now() > deadline || run.child.exitCode !== null) throw new Error(`${what} did not happen:\n${run.out().slice(-3000)}\n${run.err().slice(-3000)}`);
      await sleep(100);
    }
  }

  /** Ctrl-C: SIGINT to the whole process group at once; then the exit and the output are checked. */
  async function ctrlC(run: Run): Promise<number> {
    const postgresPid = Number(/embedded PostgreSQL on [^(]*\(pid (\d+)/.exec(run.out())?.[1] ?? 0);
    if (postgresPid) pids.add(postgresPid);
    const sent = Date.now();
    process.kill(-(run.child.pid ?? 0), 'SIGINT');
    let timer: NodeJS.Timeout | undefined;
    const result = await Promise.race([run.exited, new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), 45_000)))]);
    clearTimeout(timer);
    expect(result).toEqual({ code: 0, signal: null });
    expect(run.err()).not.toMatch(/^\s+at /m);
    expect(run.err()).not.toMatch(/Error|Unhandled|terminating connection/);
    expect(run.out()).not.toMatch(/terminating connection due to administrator command|Migration "[^"]*" failed/);
    expect(run.out()).not.toMatch(/exited \(.*\); restarting/);
    expect(run.out()).toMatch(/stopping \(SIGINT\)/);
    expect(run.out()).toMatch(/"message":"stopped"/);
    // Nothing is left running: API, worker, search, mail catcher and PostgreSQL.
    for (const pid of pids) expect({ pid, alive: alive(pid) }).toEqual({ pid, alive: false });
    return Date.now() - sent;
  }

  it('stops everything in order, without a stack trace, with exit code 0, when the whole process group of npm start gets SIGINT', async () => {
    const run = await launch('npm', ['start']);
    await until(run, async () => /Modrotisk is up/.test(run.out()) && (await fetch(`http://127.0.0.1:${run.api}/health`, { signal: AbortSignal.timeout(1000) }).then((r) => r.ok, () => false)), 100_000, 'start-up');
    const processes = JSON.parse(/processes (\{[^}]*\})/.exec(run.out())?.[1].replace(/\\"/g, '"') ?? '{}') as Record<string, number>;
    for (const pid of Object.values(processes)) pids.add(pid);
    expect(Object.keys(processes).sort()).toEqual(['api', 'embedded-search', 'mail-catcher', 'worker']);
    await sleep(1000);
    expect(await ctrlC(run)).toBeLessThan(30_000);
  }, 150_000);

  it('stops as quietly when Ctrl-C comes during start-up, while migrations run (PostgreSQL included)', async () => {
    // The first test built dist/ (npm start builds).
    const run = await launch(process.execPath, [path.join(root, 'dist', 'scripts', 'start.js')]);
    await until(run, () => /embedded PostgreSQL on/.test(run.out()), 60_000, 'PostgreSQL start');
    expect(await ctrlC(run)).toBeLessThan(30_000);
    expect(run.out()).not.toMatch(/Modrotisk is up/);
  }, 90_000);
});
