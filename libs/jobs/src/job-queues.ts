import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { Queue, type JobState } from 'bullmq';
import { JOB_QUEUE, type JobItem, QueueName } from './job-catalogue.js';
import { queueBackend, type QueueBackend } from './queue-connection.js';

export interface QueuedJob {
  item: JobItem;
  /** Deduplication key: a job whose id is already in the queue is not added again. No ':'. */
  jobId?: string;
}

type QueueConstructor = new (name: string, opts: unknown, factory?: unknown) => Queue;

/** The producer side: the only place jobs are added. `queue()` only accepts catalogue items. */
@Injectable()
export class JobQueues implements OnModuleDestroy {
  private readonly logger = new Logger(JobQueues.name);
  private readonly backend: QueueBackend;
  private readonly queues = new Map<QueueName, Queue>();

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.backend = queueBackend(config);
  }

  get backendKind(): QueueBackend['kind'] {
    return this.backend.kind;
  }

  async queue(item: JobItem, jobId?: string): Promise<void> {
    await this.queueAll([{ item, jobId }]);
  }

  async queueAll(jobs: readonly QueuedJob[]): Promise<void> {
    const byQueue = new Map<QueueName, QueuedJob[]>();
    for (const job of jobs) {
      const name = JOB_QUEUE[job.item.name];
      const group = byQueue.get(name);
      if (group) group.push(job);
      else byQueue.set(name, [job]);
    }
    for (const [name, group] of byQueue) {
      await this.get(name).addBulk(
        group.map(({ item, jobId }) => ({ name: item.name, data: item.data, opts: jobId ? { jobId } : {} })),
      );
    }
  }

  /** State of a job by id, or 'unknown' if the queue no longer has it. */
  async jobState(name: QueueName, jobId: string): Promise<JobState | 'unknown'> {
    return this.get(name).getJobState(jobId);
  }

  async counts(name: QueueName): Promise<Record<string, number>> {
    return this.get(name).getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed');
  }

  /** For /ready: the backend answers within the timeout. */
  async isHealthy(timeoutMs = 2000): Promise<boolean> {
    try {
      await withTimeout(this.counts(QueueName.Search), timeoutMs);
      return true;
    } catch (error) {
      this.logger.warn(`queue backend not ready: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
  }

  /** Queue instance for admin tooling and tests (e.g. obliterate, getJobs). */
  get(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new (Queue as unknown as QueueConstructor)(name, this.backend.queueOptions(), this.backend.factory);
      queue.on('error', (error: Error) => this.logger.warn(`queue ${name}: ${error.message}`));
      this.queues.set(name, queue);
    }
    return queue;
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    this.queues.clear();
  }
}

export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error: unknown) => (clearTimeout(timer), reject(error instanceof Error ? error : new Error(String(error)))),
    );
  });
}
