import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@app/config';
import type { ChallengeEntity, OrganisationEntity } from '@app/database';
import { ChallengeRepository } from '../challenges/challenge.repository.js';
import { MarketplaceException } from '../common/marketplace.errors.js';
import { OrganisationRepository } from '../organisations/organisation.repository.js';
import { MUNICIPALITIES, type Municipality } from '../reference/index.js';
import { MunicipalComplianceRepository } from './municipal-compliance.repository.js';

/** The rule from the regional CCI policy: each municipality publishes at least one per year. */
export const FIRST_COMPLIANCE_YEAR = 2022;

export interface MunicipalComplianceRow {
  municipality: Municipality;
  /** The municipality's organisations on the platform (none: it has not joined yet). */
  organisations: OrganisationEntity[];
  /** Public-service challenges it published that year. */
  challenges: ChallengeEntity[];
  compliant: boolean;
  /** When its organisations were first reminded this year (null: not reminded). */
  remindedAt: Date | null;
}

export interface MunicipalComplianceBoard {
  year: number;
  rows: MunicipalComplianceRow[];
  compliantCount: number;
}

/** What one reminder run did; codes and counts only, so it can be logged as is. */
export interface ReminderReport {
  year: number;
  /** false: before the year's MUNICIPAL_REMINDER_DATE (or a future year), nothing was sent. */
  due: boolean;
  nonCompliant: number;
  /** Non-compliant municipalities' organisations with an owner or editor to remind. */
  organisationsReminded: number;
  /** Inbox rows this run added (0 when everyone had been reminded before). */
  newInboxRows: number;
  /** Non-compliant municipalities with no organisation (or no owner/editor) on the platform to remind. */
  unreachable: string[];
}

/** The calendar date in Ljubljana, as [year, month, day]: the rule's year is Slovenian. */
function ljubljanaDate(now: Date): [number, number, number] {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Ljubljana', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now).split('-').map(Number);
  return [parts[0], parts[1], parts[2]];
}

@Injectable()
export class MunicipalComplianceService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly compliance: MunicipalComplianceRepository,
    private readonly organisations: OrganisationRepository,
    private readonly challenges: ChallengeRepository,
  ) {}

  /** Every Gorenjska municipality for the year: compliant or not, with which challenges. */
  async board(year: number, now = new Date()): Promise<MunicipalComplianceBoard> {
    const latest = now.getUTCFullYear() + 1;
    if (!Number.isInteger(year) || year < FIRST_COMPLIANCE_YEAR || year > latest) {
      throw MarketplaceException.invalid('year', `year must be from ${FIRST_COMPLIANCE_YEAR} to ${latest}`);
    }
    const found = await this.compliance.publicServiceChallenges(year, MUNICIPALITIES.map((m) => m.code));
    const [organisations, challenges, reminded] = await Promise.all([
      this.organisations.findByIds([...new Set(found.map((r) => r.organisationId))]),
      this.challenges.findByIds([...new Set(found.flatMap((r) => (r.challengeId ? [r.challengeId] : [])))]),
      this.compliance.remindedAt(year, [...new Set(found.map((r) => r.organisationId))]),
    ]);
    const rows = MUNICIPALITIES.map((municipality) => {
      const mine = found.filter((r) => r.municipality === municipality.code);
      const ids = new Set(mine.map((r) => r.challengeId));
      const orgIds = new Set(mine.map((r) => r.organisationId));
      const published = challenges.filter((c) => ids.has(c.id));
      const times = [...orgIds].flatMap((id) => (reminded.has(id) ? [reminded.get(id) as Date] : []));
      const remindedAt = times.length ? new Date(Math.min(...times.map((t) => t.getTime()))) : null;
      return { municipality, organisations: organisations.filter((o) => orgIds.has(o.id)), challenges: published, compliant: published.length > 0, remindedAt };
    });
    return { year, rows, compliantCount: rows.filter((r) => r.compliant).length };
  }

  /**
   * From MUNICIPAL_REMINDER_DATE on, reminds every municipality without a public-service challenge
   * in the year (default: the current one) through its organisations' owners and editors. A past
   * year is due at once, a future one not yet. Safe to repeat: each organisation hears it once a year.
   */
  async sendReminders(now: Date, year?: number): Promise<ReminderReport> {
    const [thisYear, month, day] = ljubljanaDate(now);
    const target = year ?? thisYear;
    const from = this.config.compliance.reminderDate;
    const reached = month > from.month || (month === from.month && day >= from.day);
    const report: ReminderReport = { year: target, due: target < thisYear || (target === thisYear && reached), nonCompliant: 0, organisationsReminded: 0, newInboxRows: 0, unreachable: [] };
    if (!report.due) return report;
    const board = await this.board(target, now);
    for (const row of board.rows.filter((r) => !r.compliant)) {
      report.nonCompliant += 1;
      let anyone = false;
      for (const organisation of row.organisations) {
        const { recipients, added } = await this.compliance.remind(target, organisation.id);
        if (recipients === 0) continue;
        anyone = true;
        report.organisationsReminded += 1;
        report.newInboxRows += added;
      }
      if (!anyone) report.unreachable.push(row.municipality.code);
    }
    return report;
  }
}
