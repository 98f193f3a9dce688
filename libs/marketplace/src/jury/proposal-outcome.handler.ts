import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { JobName, JobStatus, OnJob, OutboxStore, OutboxTopic, type JobDataOf } from '@app/jobs';
import type { DataSource } from 'typeorm';

/**
 * Worker side of award and shortlist decisions: one inbox item per author account of the proposal. The
 * (account, idempotency key) unique index makes a retried or redelivered job add nothing twice.
 * Email delivery and preferences come with the notifications pipeline (matching issue).
 */
@Injectable()
export class ProposalOutcomeHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxStore,
  ) {}

  @OnJob(JobName.NotifyProposalOutcome)
  async notify(data: JobDataOf<JobName.NotifyProposalOutcome>): Promise<JobStatus> {
    const inserted = (await this.dataSource.query(
      `INSERT INTO notification (account_id, kind, subject_type, subject_id, idempotency_key)
       SELECT cp.account_id,
              CASE WHEN p.outcome = 'AWARDED' THEN 'proposal-awarded'
                   WHEN p.outcome = 'NOT_AWARDED' THEN 'proposal-not-awarded'
                   WHEN p.shortlisted_at IS NOT NULL THEN 'proposal-shortlisted'
                   ELSE 'proposal-not-shortlisted' END,
              'proposal', p.id,
              CASE WHEN p.outcome IS NOT NULL THEN 'proposal-outcome:' ELSE 'proposal-shortlist:' END || p.id
         FROM proposal p
         JOIN challenge c ON c.id = p.challenge_id
         JOIN proposal_author pa ON pa.proposal_id = p.id
         JOIN creative_profile cp ON cp.id = pa.creative_profile_id
        WHERE p.id = $1 AND (p.outcome IS NOT NULL OR c.stage = 2) AND cp.account_id IS NOT NULL
       ON CONFLICT (account_id, idempotency_key) DO NOTHING
       RETURNING id`,
      [data.proposalId],
    )) as unknown[];
    await this.outbox.markProcessed(OutboxTopic.ProposalOutcome, 'proposal', data.proposalId, data.upToOutboxId);
    return inserted.length > 0 ? JobStatus.Success : JobStatus.Skipped;
  }
}
