export * from './job-catalogue.js';
export { DEFAULT_JOB_OPTIONS, queueBackend, type QueueBackend } from './queue-connection.js';
export { JobQueues, withTimeout, type QueuedJob } from './job-queues.js';
export { OnJob, type JobContext, type JobHandlerFn } from './job-handler.decorator.js';
export { JobHandlerRegistry } from './job-handler.registry.js';
export { OutboxStore, type OutboxEventInput, type PendingOutboxGroup } from './outbox.store.js';
export { OutboxRelay, jobIdFor, REDELIVER_AFTER_MS } from './outbox.relay.js';
export { JobsModule, JobsWorkerModule } from './jobs.module.js';
export { JobRunCounters, COUNTER_FLUSH_MS, type JobOutcome, type JobRunCount } from './job-run-counters.js';
