import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { JobName, JobStatus, OnJob, type JobDataOf } from '@app/jobs';
import type { DataSource } from 'typeorm';
import { addToInbox, organisationEditors } from '../common/inbox.js';
import { MunicipalComplianceService } from './municipal-compliance.service.js';

export interface ReminderReport {
  year: number;
  /** false: before this year's MUNICIPAL_REMINDER_DATE, nothing was sent. */
  due: boolean;
  nonCompliant: number;
  organisationsReminded: number;
  newInboxRows: number;
  /** Non-compliant municipalities with no organisation (or no owner/editor) on the platform to remind. */
  unreachable: string[];
}

/** The calendar date in Ljubljana, as [year, month, day]. */
export function ljubljanaDate(now: Date): [number, number, number] {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Ljubljana', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now).split('-').map(Number);
  return [parts[0], parts[1], parts[2]];
}

/**
 * The yearly rule's reminder: from MUNICIPAL_REMINDER_DATE on, each municipality that has not
 * published a public-service challenge this year is reminded, once: one inbox row per owner and
 * editor of its organisations (then mailed by their preference). Scheduled every 6 hours.
 */
@Injectable()
export class MunicipalReminderHandler {
  private readonly logger = new Logger(MunicipalReminderHandler.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly compliance: MunicipalComplianceService,
  ) {}

  @OnJob(JobName.MunicipalYearlyReminder)
  async run(_data: JobDataOf<JobName.MunicipalYearlyReminder>): Promise<JobStatus> {
    const report = await this.remind(new Date());
    return report.newInboxRows > 0 ? JobStatus.Success : JobStatus.Skipped;
  }

  async remind(now: Date): Promise<ReminderReport> {
    const [year, month, day] = ljubljanaDate(now);
    const { month: fromMonth, day: fromDay } = this.config.compliance.reminderDate;
    const report: ReminderReport = { year, due: month > fromMonth || (month === fromMonth && day >= fromDay), nonCompliant: 0, organisationsReminded: 0, newInboxRows: 0, unreachable: [] };
    if (!report.due) return report;
    const board = await this.compliance.board(year, now);
    for (const row of board.rows.filter((r) => !r.compliant)) {
      report.nonCompliant += 1;
      let reached = false;
      for (const organisation of row.organisations) {
        const editors = await organisationEditors(this.dataSource.manager, organisation.id);
        if (editors.length === 0) continue;
        reached = true;
        report.organisationsReminded += 1;
        report.newInboxRows += await addToInbox(this.dataSource.manager, editors, {
          kind: 'municipal-yearly-reminder', subjectType: 'organisation', subjectId: organisation.id, idempotencyKey: `municipal-yearly-reminder:${year}:${organisation.id}`,
        });
      }
      if (!reached) report.unreachable.push(row.municipality.code);
    }
    if (report.newInboxRows > 0) this.logger.log(`yearly public-service challenge ${year}: reminded ${report.organisationsReminded} organisation(s); ${report.unreachable.length} municipalities not on the platform`);
    return report;
  }
}
