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
 * (no stack trace), with exit code 0, and leave no process behind.
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

describe('npm start and Ctrl-C', () => {
  let dataDir: string;
  let launcher: ChildProcess | null = null;
  const pids = new Set<number>();

  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'modrotisk-ctrl-c-'));
  });

  afterAll(() => {
    // Whatever is still running (only if the test failed): stopped by pid.
    for (const pid of pids) if (alive(pid)) process.kill(pid, 'SIGKILL');
    if (launcher?.pid && alive(launcher.pid)) process.kill(launcher.pid, 'SIGKILL');
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('stops everything in order, without a stack trace, with exit code 0, when the whole process group gets SIGINT', async () => {
    const [api, search, smtp, mailWeb] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
    const env = childEnvironment({
      // test: a development API would rewrite apps/api/schema.gql in the working tree.
      NODE_ENV: 'test', HOST: '127.0.0.1', PORT: String(api), DATA_DIR: dataDir, LOG_FORMAT: 'json', LOG_LEVEL: 'info', QUEUE_BACKEND: 'postgres',
      SEARCH_BACKEND: 'embedded', EMBEDDED_SEARCH_URL: `http://127.0.0.1:${search}`, MAIL_CATCHER_PORT: String(smtp), MAIL_CATCHER_WEB_PORT: String(mailWeb),
    });
    delete env.DATABASE_URL;
    delete env.SMTP_URL;
    // detached: its own process group, as a shell puts a foreground job.
    const child = spawn('npm', ['start'], { cwd: root, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    launcher = child;
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

    const deadline = Date.now() + 100_000;
    for (;;) {
      const up = await fetch(`http://127.0.0.1:${api}/health`, { signal: AbortSignal.timeout(1000) }).then((r) => r.ok, () => false);
      if (up && /Modrotisk is up/.test(stdout)) break;
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`the product did not come up:\n${stdout.slice(-3000)}\n${stderr.slice(-3000)}`);
      await sleep(200);
    }
    const processes = JSON.parse(/processes (\{[^}]*\})/.exec(stdout)?.[1].replace(/\\"/g, '"') ?? '{}') as Record<string, number>;
    const postgresPid = Number(/embedded PostgreSQL on [^(]*\(pid (\d+)/.exec(stdout)?.[1]);
    for (const pid of [...Object.values(processes), postgresPid]) pids.add(pid);
    expect(Object.keys(processes).sort()).toEqual(['api', 'embedded-search', 'mail-catcher', 'worker']);
    expect(postgresPid).toBeGreaterThan(0);
    await sleep(1000);

    // Ctrl-C: SIGINT to the whole foreground process group at once.
    const sent = Date.now();
    process.kill(-(child.pid ?? 0), 'SIGINT');
    let timer: NodeJS.Timeout | undefined;
    const result = await Promise.race([exited, new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), 45_000)))]);
    clearTimeout(timer);
    const stopMs = Date.now() - sent;

    expect(result).toEqual({ code: 0, signal: null });
    expect(stderr).not.toMatch(/^\s+at /m);
    expect(stderr).not.toMatch(/Error|Unhandled|terminating connection/);
    expect(stdout).not.toMatch(/terminating connection due to administrator command/);
    expect(stdout).not.toMatch(/exited \(.*\); restarting/);
    expect(stdout).toMatch(/stopping \(SIGINT\)/);
    expect(stdout).toMatch(/"message":"stopped"/);
    // Nothing is left running: API, worker, search, mail catcher and PostgreSQL.
    for (const pid of pids) expect({ pid, alive: alive(pid) }).toEqual({ pid, alive: false });
    expect(stopMs).toBeLessThan(30_000);
  }, 150_000);
});
