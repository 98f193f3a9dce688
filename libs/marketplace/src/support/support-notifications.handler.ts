import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock } from '@app/config';
import { JobName, JobQueues, JobStatus, OnJob, OutboxStore, OutboxTopic, type JobDataOf } from '@app/jobs';
import type { DataSource } from 'typeorm';
import { addToInboxWithReasons } from '../common/inbox.js';
import { SupportMatchingService } from './support-matching.service.js';
import { SupportMeasureRepository } from './support-measure.repository.js';
import { SupportMeasureStatus } from './support-measure.rules.js';
import { SupportMeasuresService } from './support-measures.service.js';

const FAN_OUT_BATCH = 1000;

/**
 * Support measures in the notification pipeline (worker side). Published: one inbox row per
 * eligible person ('support-measure-match', the SUPPORT category: a daily digest by default).
 * Every hour: measures past their deadline close, and those told about a measure hear again 7
 * days and 1 day before its deadline ('support-measure-deadline-7d' / '-1d', DEADLINES). Each row
 * has an idempotency key per (recipient, event): a retried job adds nothing twice.
 */
@Injectable()
export class SupportNotificationsHandler {
  private readonly logger = new Logger(SupportNotificationsHandler.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly measures: SupportMeasureRepository,
    private readonly service: SupportMeasuresService,
    private readonly matching: SupportMatchingService,
    private readonly outbox: OutboxStore,
    private readonly queues: JobQueues,
    private readonly clock: Clock,
  ) {}

  @OnJob(JobName.FanOutSupportMeasureMatches)
  async published(data: JobDataOf<JobName.FanOutSupportMeasureMatches>): Promise<JobStatus> {
    const measure = await this.measures.findById(data.id);
    let added = 0;
    if (measure && measure.status === SupportMeasureStatus.Published && (!measure.deadline || measure.deadline > this.clock.now())) {
      const audience = await this.matching.audience(measure);
      for (let from = 0; from < audience.length; from += FAN_OUT_BATCH) {
        added += await addToInboxWithReasons(this.dataSource.manager, audience.slice(from, from + FAN_OUT_BATCH), {
          kind: 'support-measure-match', subjectType: 'support-measure', subjectId: measure.id, idempotencyKey: `support-measure-match:${measure.id}`,
        });
      }
      this.logger.log(`support measure ${measure.id}: ${audience.length} eligible account(s), ${added} new inbox row(s)`);
      if (added > 0) await this.queues.queue({ name: JobName.NotificationDispatch, data: { trigger: 'manual' } });
    }
    await this.outbox.markProcessed(OutboxTopic.SupportMeasurePublished, 'support-measure', data.id, data.upToOutboxId);
    return added > 0 ? JobStatus.Success : JobStatus.Skipped;
  }

  @OnJob(JobName.SupportMeasureReminders)
  async reminders(data: JobDataOf<JobName.SupportMeasureReminders>): Promise<JobStatus> {
    const now = this.clock.now();
    const closed = await this.service.closeDue(now);
    if (closed.length > 0) this.logger.log(`${closed.length} support measure(s) closed at their deadline (${data.trigger})`);
    let added = 0;
    for (const r of await this.measures.dueReminders(now)) {
      const kind = r.lastDay ? 'support-measure-deadline-1d' : 'support-measure-deadline-7d';
      added += await addToInboxWithReasons(this.dataSource.manager, [{ accountId: r.accountId, reason: null }], {
        kind, subjectType: 'support-measure', subjectId: r.measureId, idempotencyKey: `${kind}:${r.measureId}`,
      });
    }
    if (added > 0) await this.queues.queue({ name: JobName.NotificationDispatch, data: { trigger: 'manual' } });
    return added > 0 || closed.length > 0 ? JobStatus.Success : JobStatus.Skipped;
  }
}
