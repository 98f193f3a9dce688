import { type ChildProcess, spawn } from 'node:child_process';

export interface ChildSpec {
  name: string;
  script: string;
  env: NodeJS.ProcessEnv;
}

type Log = (message: string) => void;

const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 60_000;
const STOP_TIMEOUT_MS = 15_000;

/**
 * Runs the product's processes as children with an IPC channel (they exit if the launcher
 * vanishes), restarts one that dies (at most 5 times a minute), and stops them all by pid.
 */
export class Supervisor {
  private readonly children = new Map<string, { spec: ChildSpec; child: ChildProcess; restarts: number[] }>();
  private stopping = false;

  constructor(
    private readonly log: Log,
    private readonly onGiveUp: (reason: string) => void,
  ) {}

  /** Starts a child; none once stopping began (a Ctrl-C during start-up). */
  start(spec: ChildSpec): ChildProcess | null {
    if (this.stopping) return null;
    const child = spawn(process.execPath, [spec.script], { env: spec.env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const entry = this.children.get(spec.name);
    this.children.set(spec.name, { spec, child, restarts: entry?.restarts ?? [] });
    child.on('exit', (code, signal) => this.exited(spec.name, child, code, signal));
    return child;
  }

  pids(): Record<string, number | undefined> {
    return Object.fromEntries([...this.children].map(([name, { child }]) => [name, child.pid]));
  }

  private exited(name: string, child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    const entry = this.children.get(name);
    if (this.stopping || !entry || entry.child !== child) return;
    const now = Date.now();
    entry.restarts = [...entry.restarts.filter((t) => now - t < RESTART_WINDOW_MS), now];
    if (code === 78) return this.onGiveUp(`${name} refused its configuration`);
    if (entry.restarts.length > MAX_RESTARTS) return this.onGiveUp(`${name} exited ${MAX_RESTARTS} times within a minute`);
    this.log(`${name} exited (${signal ?? `code ${code}`}); restarting`);
    setTimeout(() => {
      if (!this.stopping) this.start(entry.spec);
    }, 1000);
  }

  /** Stops children in the given order: SIGTERM, then SIGKILL after a timeout. */
  async stopAll(order: string[]): Promise<void> {
    this.stopping = true;
    for (const name of order) {
      const entry = this.children.get(name);
      if (entry) await stopChild(entry.child);
    }
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null || !child.pid) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
