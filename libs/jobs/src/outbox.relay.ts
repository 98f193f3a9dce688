import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { type AccountEmailKind, JOB_QUEUE, JobName, type JobItem, OutboxTopic, type ProposalActivity, SearchableType } from './job-catalogue.js';
import { JobQueues, type QueuedJob, withTimeout } from './job-queues.js';
import { OutboxStore, type PendingOutboxGroup } from './outbox.store.js';

const BATCH = 500;
/** An unprocessed group is looked at again after this long (its job may have failed for good). */
export const REDELIVER_AFTER_MS = 60_000;
const DISPATCH_TIMEOUT_MS = 5_000;
/** Processed events are kept a week for diagnosis, then deleted (checked hourly). */
export const PROCESSED_RETENTION_MS = 7 * 24 * 3600 * 1000;
const PURGE_EVERY_MS = 3600 * 1000;
const LIVE_STATES = new Set(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children']);

/**
 * Moves committed outbox events into the queue. Runs in the worker. If the queue is down the
 * events stay pending and the next pass retries, so a committed change is never lost.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;
  private lastError: string | undefined;
  private lastPurge = 0;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly store: OutboxStore,
    private readonly queues: JobQueues,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  /** One pass; returns how many groups were handed to the queue. Public for tests and tooling. */
  async relayOnce(): Promise<number> {
    return this.store.dispatchPending(BATCH, REDELIVER_AFTER_MS, (groups) => this.dispatch(groups));
  }

  private async dispatch(groups: PendingOutboxGroup[]): Promise<PendingOutboxGroup[]> {
    const jobs: QueuedJob[] = [];
    const handedOver: PendingOutboxGroup[] = [];
    for (const group of groups) {
      const item = toJob(group);
      if (group.everDispatched) {
        // Redelivery: skip if the job from the last dispatch is still alive in the queue.
        const state = await this.queues.jobState(JOB_QUEUE[item.name], jobIdFor(group, group.dispatchCount - 1));
        if (LIVE_STATES.has(state)) continue;
      }
      jobs.push({ item, jobId: jobIdFor(group, group.dispatchCount) });
      handedOver.push(group);
    }
    // Bounded, so an unreachable queue cannot hold the outbox lock: the pass fails and is retried.
    await withTimeout(this.queues.queueAll(jobs), DISPATCH_TIMEOUT_MS);
    return handedOver;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.pass().finally(() => (this.running = undefined));
    }, delayMs);
  }

  private async pass(): Promise<void> {
    let relayed = 0;
    try {
      relayed = await this.relayOnce();
      if (Date.now() - this.lastPurge > PURGE_EVERY_MS) {
        this.lastPurge = Date.now();
        const purged = await this.store.purgeProcessed(PROCESSED_RETENTION_MS);
        if (purged > 0) this.logger.log(`purged ${purged} processed outbox events older than 7 days`);
      }
      if (this.lastError) this.logger.log('outbox relay recovered');
      this.lastError = undefined;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (message !== this.lastError) this.logger.warn(`outbox relay pass failed, will retry: ${message}`);
      this.lastError = message;
    }
    // A full batch means more is waiting: go again at once.
    this.schedule(relayed >= BATCH ? 0 : this.config.outbox.pollMs);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }
}

function toJob(group: PendingOutboxGroup): JobItem {
  switch (group.topic) {
    case OutboxTopic.SearchSync:
      return {
        name: JobName.SearchSyncDocument,
        data: { type: group.aggregateType as SearchableType, id: group.aggregateId, upToOutboxId: group.upToId },
      };
    case OutboxTopic.AccountEmail:
      return { name: JobName.SendAccountEmail, data: { kind: group.aggregateType as AccountEmailKind, id: group.aggregateId, upToOutboxId: group.upToId } };
    case OutboxTopic.ProposalOutcome:
      return { name: JobName.NotifyProposalOutcome, data: { proposalId: group.aggregateId, upToOutboxId: group.upToId } };
    case OutboxTopic.ProposalReceived:
      return { name: JobName.NotifyProposalReceived, data: { proposalId: group.aggregateId, activity: group.aggregateType as ProposalActivity, upToOutboxId: group.upToId } };
    case OutboxTopic.ChallengePublished:
      return { name: JobName.FanOutChallengeMatches, data: { id: group.aggregateId, upToOutboxId: group.upToId } };
    case OutboxTopic.NeedPublished:
      return { name: JobName.FanOutNeedMatches, data: { id: group.aggregateId, upToOutboxId: group.upToId } };
    case OutboxTopic.ScheduleRequested:
      return { name: JobName.ScheduleEventMeetings, data: { runId: group.aggregateId, upToOutboxId: group.upToId } };
    case OutboxTopic.EventParticipantChanged:
      return { name: JobName.SyncEventParticipant, data: { participantId: group.aggregateId, upToOutboxId: group.upToId } };
    case OutboxTopic.SupportMeasurePublished:
      return { name: JobName.FanOutSupportMeasureMatches, data: { id: group.aggregateId, upToOutboxId: group.upToId } };
  }
}

/** Same pending state, same id: a relay that dies after enqueueing cannot double-enqueue. */
export function jobIdFor(group: PendingOutboxGroup, dispatchCount: number): string {
  return `${group.topic}.${group.aggregateType}.${group.aggregateId}.${group.upToId}.${dispatchCount}`;
}
