import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { type Job, UnrecoverableError, Worker } from 'bullmq';
import { JOB_QUEUE, JOB_SCHEDULES, JobName, JobStatus, QueueName } from './job-catalogue.js';
import { JobQueues, withTimeout } from './job-queues.js';
import { JOB_HANDLER_METADATA, type JobHandlerFn } from './job-handler.decorator.js';
import { JobHandlerRegistry } from './job-handler.registry.js';
import { JobRunCounters } from './job-run-counters.js';
import { queueBackend } from './queue-connection.js';

type WorkerConstructor = new (name: string, processor: (job: Job) => Promise<unknown>, opts: unknown, factory?: unknown) => Worker;

const SHUTDOWN_GRACE_MS = 10_000;

/** Mail is I/O-bound (SMTP round trips), so its queue runs wide; marketplace jobs are few and heavy. */
const CONCURRENCY: Readonly<Record<QueueName, number>> = { [QueueName.Search]: 4, [QueueName.Marketplace]: 1, [QueueName.Notifications]: 16, [QueueName.Events]: 1 };

/**
 * The consumer side: finds every `@OnJob` method, checks the catalogue is covered, then runs one
 * BullMQ worker per queue that dispatches by job name.
 */
@Injectable()
export class JobWorkers implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(JobWorkers.name);
  private readonly registry = new JobHandlerRegistry();
  private readonly workers: Worker[] = [];

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    private readonly queues: JobQueues,
    private readonly counters: JobRunCounters,
  ) {}

  onApplicationBootstrap(): void {
    this.discoverHandlers();
    this.registry.assertComplete();
    const backend = queueBackend(this.config);
    for (const queue of Object.values(QueueName)) {
      const worker = new (Worker as unknown as WorkerConstructor)(
        queue,
        (job) => this.process(job),
        backend.workerOptions(CONCURRENCY[queue]),
        backend.factory,
      );
      worker.on('completed', (job: Job) => this.counters.record(job.name, 'completed'));
      worker.on('failed', (job: Job | undefined, error: Error) => this.failed(job, error));
      worker.on('error', (error: Error) => this.logger.warn(`worker ${queue}: ${error.message}`));
      this.workers.push(worker);
    }
    this.logger.log(`consuming queues ${Object.values(QueueName).join(', ')} on the ${backend.kind} backend`);
    void this.upsertSchedules();
  }

  /** Idempotent: every worker upserts the same schedulers; BullMQ keeps one of each. */
  private async upsertSchedules(): Promise<void> {
    for (const schedule of JOB_SCHEDULES) {
      try {
        await this.queues.get(JOB_QUEUE[schedule.item.name]).upsertJobScheduler(schedule.id, { every: schedule.everyMs }, { name: schedule.item.name, data: schedule.item.data });
      } catch (error) {
        this.logger.warn(`could not schedule ${schedule.id} (retried at next start): ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }

  /**
   * Every failed attempt is counted per job name (read on the API's /metrics/jobs) and logged with
   * the name: at warn while BullMQ will retry, at error when it will not. Scheduled runs say so,
   * since nobody else is waiting for them to fail.
   */
  private failed(job: Job | undefined, error: Error): void {
    if (job) this.counters.record(job.name, 'failed');
    const final = !job || error instanceof UnrecoverableError || error.name === 'UnrecoverableError' || job.attemptsMade >= (job.opts.attempts ?? 1);
    const kind = job?.repeatJobKey ? 'scheduled job' : 'job';
    const message = `${kind} ${job?.name ?? '?'} ${job?.id ?? '?'} failed (attempt ${job?.attemptsMade ?? '?'}${final ? ', not retried' : ', retried'}): ${error.message}`;
    if (final) this.logger.error(message);
    else this.logger.warn(message);
  }

  private async process(job: Job): Promise<JobStatus> {
    const handler = this.registry.get(job.name);
    if (!handler) throw new UnrecoverableError(`no handler for job '${job.name}'`);
    const status = await handler(job.data, {
      jobId: job.id ?? '',
      attempt: job.attemptsMade + 1,
      updateProgress: (progress) => job.updateProgress(progress),
    });
    if (status === JobStatus.Failed) throw new UnrecoverableError(`${job.name} reported a permanent failure`);
    return status;
  }

  private discoverHandlers(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const instance: unknown = wrapper.instance;
      if (!instance || typeof instance !== 'object') continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const methodName of this.scanner.getAllMethodNames(prototype)) {
        const method = (instance as Record<string, unknown>)[methodName];
        if (typeof method !== 'function') continue;
        const name = this.reflector.get<JobName | undefined>(JOB_HANDLER_METADATA, method);
        if (!name) continue;
        const fn = (method as JobHandlerFn<JobName>).bind(instance);
        this.registry.register(name, fn, `${prototype.constructor.name}.${methodName}`);
      }
    }
  }

  /**
   * Lets active jobs finish (up to a grace period), then drops the connections. BullMQ's close()
   * never returns while its backend was never reachable; an abandoned job is retried elsewhere.
   */
  async onModuleDestroy(): Promise<void> {
    const closed = Promise.all(this.workers.map((w) => w.close())).then(() => true);
    const inTime = await Promise.race([closed, new Promise<false>((resolve) => setTimeout(() => resolve(false), SHUTDOWN_GRACE_MS).unref())]);
    if (!inTime) {
      this.logger.warn(`workers did not close within ${SHUTDOWN_GRACE_MS} ms; disconnecting`);
      await Promise.allSettled(this.workers.map((w) => withTimeout(w.disconnect(), 2000)));
    }
    // The runs counted while closing (the database closes after every module's destroy hook).
    await this.counters.flush();
  }
}
