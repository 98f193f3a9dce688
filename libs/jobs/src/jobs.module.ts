import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { JobQueues } from './job-queues.js';
import { JobRunCounters } from './job-run-counters.js';
import { JobWorkers } from './job-workers.js';
import { OutboxRelay } from './outbox.relay.js';
import { OutboxStore } from './outbox.store.js';

/** Producer side, for every app: add jobs, write outbox events, read the job counters. */
@Global()
@Module({
  providers: [JobQueues, OutboxStore, JobRunCounters],
  exports: [JobQueues, OutboxStore, JobRunCounters],
})
export class JobsModule {}

/** Consumer side, for the worker only: runs the handlers and the outbox relay. */
@Module({
  imports: [DiscoveryModule],
  providers: [JobWorkers, OutboxRelay],
  exports: [OutboxRelay],
})
export class JobsWorkerModule {}
