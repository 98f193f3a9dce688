import { type ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import { childEnvironment } from '@app/config';

/** Helpers for scripts that start the whole product with the launcher (dist/scripts/start.js). */

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts the launcher with the given environment; its stdout is parsed for the children's pids. */
export function launch(env: Record<string, string>, options: { cwd?: string } = {}): { launcher: ChildProcess; pids: { worker?: number } } {
  // `cwd`: where a development API writes its schema file (apps/api/schema.gql under it); default: this process's.
  const launcher = spawn(process.execPath, [path.join(__dirname, '..', 'start.js')], { env: childEnvironment(env), stdio: ['ignore', 'pipe', 'inherit'], cwd: options.cwd });
  return { launcher, pids: watchPids(launcher) };
}

/** The launcher logs its children's pids as JSON once up; restarts change them. */
export function watchPids(launcher: ChildProcess): { worker?: number } {
  const pids: { worker?: number } = {};
  let buffer = '';
  launcher.stdout?.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const match = /\\?"worker\\?":(\d+)/.exec(buffer);
    if (match) pids.worker = Number(match[1]);
    if (buffer.length > 100_000) buffer = buffer.slice(-10_000);
  });
  return pids;
}

/** SIGTERM, then SIGKILL after 30 s: the launcher stops its children by pid. */
export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await Promise.race([exited, sleep(30_000).then(() => child.kill('SIGKILL'))]);
}

export async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      // not yet
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(250);
  }
}
