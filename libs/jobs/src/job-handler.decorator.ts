import { SetMetadata } from '@nestjs/common';
import type { JobDataOf, JobName, JobStatus } from './job-catalogue.js';

export const JOB_HANDLER_METADATA = 'modrotisk:job-handler';

/** Context a handler gets besides its payload. */
export interface JobContext {
  jobId: string;
  /** 1 on the first run. */
  attempt: number;
  updateProgress(progress: number | Record<string, unknown>): Promise<void>;
}

/**
 * What the worker calls: `handler(payload, context)`, always with both. A handler may declare
 * fewer parameters, but its second one, if any, is the `JobContext` and nothing else: a handler
 * needing the time injects the `Clock` (from `@app/config`), it never takes `now` as a parameter.
 */
export type JobHandlerFn<N extends JobName> = (data: JobDataOf<N>, context: JobContext) => Promise<JobStatus>;

/** The parameter lists a handler may declare (checked exactly, so an optional `now?: Date` is refused). */
type HandlerParameters = [] | [unknown] | [unknown, JobContext];

/** Resolves to `unknown` for a valid handler, else to a type no descriptor has, naming the rule. */
type SecondParameterIsContext<T> = T extends (...args: infer P) => unknown
  ? P extends HandlerParameters
    ? unknown
    : { 'an @OnJob handler takes (data, context: JobContext); read the time from the injected Clock': never }
  : never;

/**
 * Marks a provider method as the handler of one job. The worker discovers them at boot and
 * refuses to start unless every job has exactly one. Typed: a method whose payload type is not
 * the job's, or whose second parameter is not `JobContext`, does not compile.
 */
export function OnJob<N extends JobName>(name: N) {
  return <T extends JobHandlerFn<N>>(target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<T> & SecondParameterIsContext<T>): void => {
    SetMetadata(JOB_HANDLER_METADATA, name)(target, key, descriptor);
  };
}
