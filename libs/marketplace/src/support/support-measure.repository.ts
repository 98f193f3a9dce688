import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SupportMeasureEntity } from '@app/database';
import type { DataSource, EntityManager } from 'typeorm';
import { CatalogueRepository } from '../common/catalogue.repository.js';
import { SupportMeasureStatus } from './support-measure.rules.js';

/** Support measures; the only place that reads or writes the support_measure table. */
@Injectable()
export class SupportMeasureRepository extends CatalogueRepository<SupportMeasureEntity> {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource, SupportMeasureEntity);
  }

  /** Every measure of these providers, newest first (the organisers' editor list). */
  byProviders(providerIds: readonly string[] | 'all'): Promise<SupportMeasureEntity[]> {
    const qb = this.repo().createQueryBuilder('row').orderBy('row.created_at', 'DESC').addOrderBy('row.id', 'DESC').take(200);
    if (providerIds !== 'all') {
      if (providerIds.length === 0) return Promise.resolve([]);
      qb.where('row.provider_organisation_id IN (:...providerIds)', { providerIds });
    }
    return qb.getMany();
  }

  /**
   * Open published measures someone of these kinds may apply for (deadline after `now`, or none).
   * Small by nature (a region's calls): read whole, ranked by the caller.
   */
  openFor(creativeKind: string | null, organisationKinds: readonly string[], now: Date): Promise<SupportMeasureEntity[]> {
    if (!creativeKind && organisationKinds.length === 0) return Promise.resolve([]);
    return this.repo().createQueryBuilder('row')
      .where('row.status = :published', { published: SupportMeasureStatus.Published })
      .andWhere('(row.deadline IS NULL OR row.deadline > :now)', { now })
      .andWhere('(:creativeKind::text = ANY(row.eligible_creative_kinds) OR row.eligible_organisation_kinds && :organisationKinds::text[])', { creativeKind: creativeKind ?? '', organisationKinds: [...organisationKinds] })
      .orderBy('row.deadline', 'ASC', 'NULLS LAST')
      .addOrderBy('row.id', 'ASC')
      .take(500)
      .getMany();
  }

  /** PUBLISHED with a deadline not after `now` → CLOSED in one statement; returns the ids. */
  async closeDue(manager: EntityManager, now: Date): Promise<string[]> {
    const result = (await manager.query(
      `UPDATE support_measure SET status = 'CLOSED', closed_at = $1, updated_at = now()
        WHERE status = 'PUBLISHED' AND deadline <= $1 RETURNING id`,
      [now],
    )) as [{ id: string }[], number];
    return result[0].map((r) => r.id);
  }

  /** Consenting creatives with an account whose profile kind may apply (the fan-out's candidates). */
  async eligibleCreatives(kinds: readonly string[]): Promise<string[]> {
    if (kinds.length === 0) return [];
    const rows = (await this.dataSource.query(
      `SELECT id FROM creative_profile
        WHERE kind = ANY($1::text[]) AND account_id IS NOT NULL AND matching_consent_at IS NOT NULL AND erased_at IS NULL
        ORDER BY id LIMIT 20000`,
      [kinds],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }

  /** Owners and editors of organisations of these kinds, with their organisation. */
  async eligibleOrganisationEditors(kinds: readonly string[]): Promise<{ accountId: string; organisationId: string }[]> {
    if (kinds.length === 0) return [];
    const rows = (await this.dataSource.query(
      `SELECT m.account_id, o.id AS organisation_id FROM membership m JOIN organisation o ON o.id = m.organisation_id
        WHERE o.kind = ANY($1::text[]) AND m.role IN ('owner', 'editor') ORDER BY m.account_id, o.id`,
      [kinds],
    )) as { account_id: string; organisation_id: string }[];
    return rows.map((r) => ({ accountId: r.account_id, organisationId: r.organisation_id }));
  }

  /**
   * Measures whose deadline falls within the next 7 days, with the accounts told about them (a
   * 'support-measure-match' inbox row) and whether it is the last day.
   */
  async dueReminders(now: Date): Promise<{ measureId: string; accountId: string; lastDay: boolean }[]> {
    const rows = (await this.dataSource.query(
      `SELECT s.id AS measure_id, n.account_id, s.deadline <= $1::timestamptz + interval '1 day' AS last_day
         FROM support_measure s
         JOIN notification n ON n.subject_type = 'support-measure' AND n.subject_id = s.id AND n.kind = 'support-measure-match'
        WHERE s.status = 'PUBLISHED' AND s.deadline > $1 AND s.deadline <= $1::timestamptz + interval '7 days'`,
      [now],
    )) as { measure_id: string; account_id: string; last_day: boolean }[];
    return rows.map((r) => ({ measureId: r.measure_id, accountId: r.account_id, lastDay: r.last_day }));
  }
}
