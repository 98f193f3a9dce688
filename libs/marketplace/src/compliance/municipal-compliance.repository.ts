import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { addToInbox, organisationEditors } from '../common/inbox.js';
import { ChallengeKind, ChallengeStatus, OrganisationKind } from '../reference/index.js';

/** Inbox kind of the yearly reminder (its mail template and category are keyed by it). */
const MUNICIPAL_REMINDER_KIND = 'municipal-yearly-reminder';

/** One reminder per organisation and year: the key the inbox's unique index deduplicates on. */
function reminderKey(year: number, organisationId: string): string {
  return `${MUNICIPAL_REMINDER_KIND}:${year}:${organisationId}`;
}

export interface ComplianceRow {
  municipality: string;
  organisationId: string;
  challengeId: string | null;
}

/** SQL for the yearly public-service challenge rule (one per municipality per calendar year). */
@Injectable()
export class MunicipalComplianceRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Every municipality organisation in the given places, with each public-service challenge it
   * published within the calendar year (Slovenian time), whatever the challenge's status now.
   */
  async publicServiceChallenges(year: number, municipalities: readonly string[]): Promise<ComplianceRow[]> {
    const rows = (await this.dataSource.query(
      `SELECT o.municipality, o.id AS organisation_id, c.id AS challenge_id
         FROM organisation o
         LEFT JOIN challenge c
           ON c.owner_organisation_id = o.id
          AND c.kind = $3
          AND c.published_at >= make_timestamptz($1, 1, 1, 0, 0, 0, 'Europe/Ljubljana')
          AND c.published_at <  make_timestamptz($1 + 1, 1, 1, 0, 0, 0, 'Europe/Ljubljana')
        WHERE o.kind = $2 AND o.municipality = ANY($4::text[])
        ORDER BY o.municipality, o.name, c.published_at`,
      [year, OrganisationKind.Municipality, ChallengeKind.PublicService, municipalities],
    )) as { municipality: string; organisation_id: string; challenge_id: string | null }[];
    return rows.map((r) => ({ municipality: r.municipality, organisationId: r.organisation_id, challengeId: r.challenge_id }));
  }

  /** The organisation's public-service challenges still in DRAFT, newest first (its yearly challenge in the making). */
  async draftPublicServiceChallengeIds(organisationId: string): Promise<string[]> {
    const rows = (await this.dataSource.query(
      `SELECT id FROM challenge WHERE owner_organisation_id = $1 AND kind = $2 AND status = $3 ORDER BY created_at DESC, id`,
      [organisationId, ChallengeKind.PublicService, ChallengeStatus.Draft],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }

  /** When each organisation was first reminded about the year (one statement for the board). */
  async remindedAt(year: number, organisationIds: readonly string[]): Promise<Map<string, Date>> {
    const rows = (await this.dataSource.query(
      `SELECT subject_id, min(created_at) AS at FROM notification
        WHERE kind = $1 AND idempotency_key = ANY($2::text[])
        GROUP BY subject_id`,
      [MUNICIPAL_REMINDER_KIND, organisationIds.map((id) => reminderKey(year, id))],
    )) as { subject_id: string; at: Date }[];
    return new Map(rows.map((r) => [r.subject_id, r.at]));
  }

  /**
   * Reminds the organisation's owners and editors about the year: one inbox row each, at most
   * once per year however often it runs. `recipients` 0: nobody there could act on it.
   */
  async remind(year: number, organisationId: string): Promise<{ recipients: number; added: number }> {
    const manager = this.dataSource.manager;
    const editors = await organisationEditors(manager, organisationId);
    const added = await addToInbox(manager, editors, {
      kind: MUNICIPAL_REMINDER_KIND, subjectType: 'organisation', subjectId: organisationId, idempotencyKey: reminderKey(year, organisationId),
    });
    return { recipients: editors.length, added };
  }
}
