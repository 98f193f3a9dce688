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

export type JobHandlerFn<N extends JobName> = (data: JobDataOf<N>, context: JobContext) => Promise<JobStatus>;

/**
 * Marks a provider method as the handler of one job. The worker discovers them at boot and
 * refuses to start unless every job has exactly one.
 */
export const OnJob = (name: JobName): MethodDecorator => SetMetadata(JOB_HANDLER_METADATA, name);
