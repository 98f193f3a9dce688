import { JobName } from './job-catalogue.js';
import type { JobHandlerFn } from './job-handler.decorator.js';

type AnyHandler = JobHandlerFn<JobName>;

/** Job name -> its one handler. Complete or the worker does not start. */
export class JobHandlerRegistry {
  private readonly handlers = new Map<JobName, { fn: AnyHandler; owner: string }>();

  register(name: JobName, fn: AnyHandler, owner: string): void {
    if (!Object.values(JobName).includes(name)) throw new Error(`${owner} handles '${String(name)}', which is not in the job catalogue`);
    const existing = this.handlers.get(name);
    if (existing) throw new Error(`job '${name}' has two handlers: ${existing.owner} and ${owner}`);
    this.handlers.set(name, { fn, owner });
  }

  /** Throws naming every catalogue job without a handler. */
  assertComplete(): void {
    const missing = Object.values(JobName).filter((name) => !this.handlers.has(name));
    if (missing.length > 0) throw new Error(`no handler for job(s): ${missing.join(', ')}; the worker refuses to start`);
  }

  get(name: string): AnyHandler | undefined {
    return this.handlers.get(name as JobName)?.fn;
  }
}
