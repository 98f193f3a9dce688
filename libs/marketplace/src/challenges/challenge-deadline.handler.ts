import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@app/config';
import { JobName, JobStatus, OnJob, type JobDataOf } from '@app/jobs';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { expireDueCreativeInvitations } from '../creatives/creative-invitations.service.js';
import { ChallengesService } from './challenges.service.js';

/** Worker side of the deadline: scheduled every minute (JOB_SCHEDULES). Also erases expired import invitations. */
@Injectable()
export class ChallengeDeadlineHandler {
  private readonly logger = new Logger(ChallengeDeadlineHandler.name);

  constructor(
    private readonly challenges: ChallengesService,
    private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @OnJob(JobName.ChallengeDeadlineSweep)
  async sweep(data: JobDataOf<JobName.ChallengeDeadlineSweep>): Promise<JobStatus> {
    const closed = await this.challenges.closeDueSubmissions(this.clock.now());
    if (closed.length > 0) this.logger.log(`submissions closed at the deadline for ${closed.length} challenge(s) (${data.trigger})`);
    const expired = await expireDueCreativeInvitations(this.dataSource.manager);
    if (expired > 0) this.logger.log(`${expired} import invitation(s) expired: their personal data is erased (${data.trigger})`);
    return closed.length > 0 || expired > 0 ? JobStatus.Success : JobStatus.Skipped;
  }
}
