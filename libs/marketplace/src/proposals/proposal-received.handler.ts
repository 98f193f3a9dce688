import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { JobName, JobStatus, OnJob, OutboxStore, OutboxTopic, type JobDataOf } from '@app/jobs';
import type { DataSource } from 'typeorm';
import { addToInboxWithReasons, organisationMembers } from '../common/inbox.js';
import { ProposalRepository } from './proposal.repository.js';
import { ProposalStatus } from './proposal.rules.js';

const REASON = {
  sl: 'Ste član organizacije, ki je objavila ta izziv.',
  en: 'You are a member of the organisation that posted this challenge.',
};

/**
 * Worker side of a proposal submitted or withdrawn: one inbox row per member of the challenge's
 * organisation (owners, editors and reviewers: all of them read proposals). The mail follows from
 * the inbox row through the dispatch sweep, by each member's preference for RECEIVED. The job
 * re-reads the proposal: a withdrawal is only told for a proposal the organisation could see
 * (submitted before). (account, idempotency key) is unique, so a retried job adds nothing.
 */
@Injectable()
export class ProposalReceivedHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly proposals: ProposalRepository,
    private readonly outbox: OutboxStore,
  ) {}

  @OnJob(JobName.NotifyProposalReceived)
  async notify(data: JobDataOf<JobName.NotifyProposalReceived>): Promise<JobStatus> {
    const added = await this.dataSource.transaction(async (manager) => {
      const proposal = await this.proposals.findById(data.proposalId, manager);
      if (!proposal || proposal.submittedAt === null) return 0;
      if (data.activity === 'withdrawn' && proposal.status !== ProposalStatus.Withdrawn) return 0;
      const [challenge] = (await manager.query(`SELECT owner_organisation_id FROM challenge WHERE id = $1`, [proposal.challengeId])) as { owner_organisation_id: string }[];
      if (!challenge) return 0;
      const members = await organisationMembers(manager, challenge.owner_organisation_id);
      return addToInboxWithReasons(manager, members.map((accountId) => ({ accountId, reason: REASON })), {
        kind: `proposal-${data.activity}`, subjectType: 'proposal', subjectId: proposal.id, idempotencyKey: `proposal-${data.activity}:${proposal.id}`,
      });
    });
    await this.outbox.markProcessed(OutboxTopic.ProposalReceived, data.activity, data.proposalId, data.upToOutboxId);
    return added > 0 ? JobStatus.Success : JobStatus.Skipped;
  }
}
