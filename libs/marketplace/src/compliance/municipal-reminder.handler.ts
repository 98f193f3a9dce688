import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@app/config';
import { JobName, JobStatus, OnJob, type JobDataOf } from '@app/jobs';
import { MarketplaceErrorCode, MarketplaceException } from '../common/marketplace.errors.js';
import { MunicipalComplianceService, type ReminderReport } from './municipal-compliance.service.js';

/**
 * Worker side of the yearly rule's reminder, scheduled every 6 hours (JOB_SCHEDULES). Runs before
 * MUNICIPAL_REMINDER_DATE do nothing and later runs add nothing twice, so a worker that was down
 * on the day still reminds within hours, and nobody is told more than once.
 */
@Injectable()
export class MunicipalReminderHandler {
  private readonly logger = new Logger(MunicipalReminderHandler.name);

  constructor(
    private readonly compliance: MunicipalComplianceService,
    private readonly clock: Clock,
  ) {}

  @OnJob(JobName.MunicipalYearlyReminder)
  async run(data: JobDataOf<JobName.MunicipalYearlyReminder>): Promise<JobStatus> {
    let report: ReminderReport;
    try {
      report = await this.compliance.sendReminders(this.clock.now(), data.year);
    } catch (error) {
      // A year outside the board's range does not get better with retries.
      if (error instanceof MarketplaceException && error.code === MarketplaceErrorCode.InvalidInput) {
        this.logger.warn(`yearly public-service reminder not sent (${data.trigger}): ${error.message}`);
        return JobStatus.Failed;
      }
      throw error;
    }
    if (!report.due) return JobStatus.Skipped;
    const summary = `yearly public-service challenge ${report.year} (${data.trigger}): ${report.nonCompliant} municipalities without one, `
      + `${report.organisationsReminded} organisation(s) reminded, ${report.newInboxRows} new inbox row(s), `
      + `${report.unreachable.length} with nobody on the platform to remind (${report.unreachable.join(', ') || 'none'})`;
    // Every 6 hours until the year ends: only a run that added something is news.
    if (report.newInboxRows > 0) this.logger.log(summary);
    else this.logger.debug(summary);
    return report.newInboxRows > 0 ? JobStatus.Success : JobStatus.Skipped;
  }
}
