import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@app/config';
import type { ChallengeEntity, OrganisationEntity } from '@app/database';
import { type Actor, canEditFor, canReviewFor, isOrganiser } from '@app/identity';
import { ChallengeRepository } from '../challenges/challenge.repository.js';
import { canSeeChallenge, ChallengesService } from '../challenges/challenges.service.js';
import { requireAccount } from '../common/access.js';
import { MarketplaceException } from '../common/marketplace.errors.js';
import { isUuid } from '../common/pagination.js';
import { OrganisationRepository } from '../organisations/organisation.repository.js';
import { MUNICIPALITIES, type Municipality, OrganisationKind } from '../reference/index.js';
import { MunicipalComplianceRepository } from './municipal-compliance.repository.js';
import { yearlyChallengeTemplate } from './yearly-challenge.template.js';

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

/** One municipality organisation's view of the rule for a year: its municipality's row and its drafts. */
export interface MunicipalComplianceStatus {
  year: number;
  organisation: OrganisationEntity;
  row: MunicipalComplianceRow;
  /** Its public-service challenges still in DRAFT, newest first (members only; empty for organisers). */
  drafts: ChallengeEntity[];
  /** The caller may start the year's challenge from the template (owners and editors). */
  canStart: boolean;
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
    private readonly challengeService: ChallengesService,
  ) {}

  /** The year the rule currently counts (Slovenian calendar). */
  currentYear(now = new Date()): number {
    return ljubljanaDate(now)[0];
  }

  /**
   * The rule for one municipality organisation: any of its members, and organisers. Challenges
   * the caller may not see (another organisation's invite-only ones) are left out of the row.
   */
  async status(actor: Actor, organisationId: string, year?: number | null, now = new Date()): Promise<MunicipalComplianceStatus> {
    const organisation = await this.municipalityOrganisation(actor, organisationId, (a, id) => canReviewFor(a, id) || isOrganiser(a));
    const target = year ?? this.currentYear(now);
    const board = await this.board(target, now);
    const found = board.rows.find((r) => r.municipality.code === organisation.municipality);
    if (!found) throw MarketplaceException.invalid('organisationId', `organisation ${organisation.id} is not in a Gorenjska municipality`);
    const row = { ...found, challenges: found.challenges.filter((c) => canSeeChallenge(actor, c)) };
    const drafts = canReviewFor(actor, organisation.id) ? await this.challenges.findByIds(await this.compliance.draftPublicServiceChallengeIds(organisation.id)) : [];
    drafts.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
    return { year: target, organisation, row, drafts, canStart: canEditFor(actor, organisation.id) };
  }

  /**
   * One click: a DRAFT public-service challenge for the municipality from the bilingual template
   * (owners and editors), for the municipality to complete and publish. When it already has a
   * public-service draft, that draft is returned instead of a second one.
   */
  async startYearlyChallenge(actor: Actor, organisationId: string, now = new Date()): Promise<{ challenge: ChallengeEntity; created: boolean }> {
    const organisation = await this.municipalityOrganisation(actor, organisationId, canEditFor);
    const [existing] = await this.compliance.draftPublicServiceChallengeIds(organisation.id);
    if (existing) {
      const draft = await this.challenges.findById(existing);
      if (draft) return { challenge: draft, created: false };
    }
    const challenge = await this.challengeService.create(actor, yearlyChallengeTemplate(organisation, this.currentYear(now)));
    return { challenge, created: true };
  }

  /** A municipality organisation the actor may act on; FORBIDDEN otherwise (organisations are public). */
  private async municipalityOrganisation(actor: Actor, organisationId: string, may: (actor: Actor, organisationId: string) => boolean): Promise<OrganisationEntity> {
    requireAccount(actor);
    const organisation = isUuid(organisationId) ? await this.organisations.findById(organisationId) : null;
    if (!organisation) throw MarketplaceException.notFound('Organisation', organisationId);
    if (!may(actor, organisation.id)) throw MarketplaceException.forbidden(`only members of organisation ${organisation.id} and organisers see its yearly challenge`);
    if (organisation.kind !== OrganisationKind.Municipality) throw MarketplaceException.invalid('organisationId', `organisation ${organisation.id} is not a municipality`);
    return organisation;
  }

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
