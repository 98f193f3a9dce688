import { Injectable } from '@nestjs/common';
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

@Injectable()
export class MunicipalComplianceService {
  constructor(
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
}
