import { Injectable } from '@nestjs/common';
import { OutboxTopic } from '@app/jobs';
import type { EntityManager } from 'typeorm';
import { ChallengeStatus } from '../reference/index.js';
import { ERASED_ACCOUNT_NAME, ERASED_AUTHOR_NAME } from './personal-data.inventory.js';

/** An organisation the person alone owns while others are members: erasure must wait. */
export interface SoleOwnership {
  organisationId: string;
  name: string;
}

export interface AuthoredProposal {
  id: string;
  lead: boolean;
  /** Awarded in a published decision: kept for public-funds transparency. */
  kept: boolean;
}

/**
 * Jury records and awards stay only once the decision built on them is public; before that, an
 * erased person's part simply disappears from the review.
 */
const PUBLISHED = ChallengeStatus.Awarded;

/** All SQL of account erasure. Every method runs in the caller's transaction. */
@Injectable()
export class AccountErasureRepository {
  /** Locks the live account row; null if it is gone or already erased. */
  async lockAccount(m: EntityManager, accountId: string): Promise<{ id: string; email: string } | null> {
    const [row] = (await m.query(`SELECT id, email FROM account WHERE id = $1 AND erased_at IS NULL FOR UPDATE`, [accountId])) as { id: string; email: string }[];
    return row ?? null;
  }

  /**
   * Organisations where the account is the only owner and someone else is a member. Locks the
   * memberships of all its organisations first (as role changes do), so no owner leaves meanwhile.
   */
  async soleOwnerships(m: EntityManager, accountId: string): Promise<SoleOwnership[]> {
    await m.query(`SELECT 1 FROM membership WHERE organisation_id IN (SELECT organisation_id FROM membership WHERE account_id = $1) FOR UPDATE`, [accountId]);
    return (await m.query(`
      SELECT o.id AS "organisationId", o.name
        FROM membership mine JOIN organisation o ON o.id = mine.organisation_id JOIN membership other ON other.organisation_id = o.id AND other.account_id <> mine.account_id
       WHERE mine.account_id = $1 AND mine.role = 'owner'
       GROUP BY o.id, o.name
      HAVING count(*) FILTER (WHERE other.role = 'owner') = 0
       ORDER BY o.name`, [accountId])) as SoleOwnership[];
  }

  /** Sessions, mailed links, invitations to and from the address (import invitations too), memberships, the inbox. */
  async deleteAccountData(m: EntityManager, accountId: string, email: string): Promise<void> {
    await m.query(`DELETE FROM account_session WHERE account_id = $1`, [accountId]);
    await m.query(`DELETE FROM account_token WHERE account_id = $1`, [accountId]);
    await m.query(`DELETE FROM invitation WHERE email = $2 OR invited_by = $1 OR accepted_by = $1`, [accountId, email]);
    // An import invitation to their address (pending, so it holds their data) goes; the rows of
    // people they imported stay (those people decide on them) without the link to the importer.
    await m.query(`DELETE FROM creative_invitation WHERE email = $2 OR account_id = $1`, [accountId, email]);
    await m.query(`UPDATE creative_invitation SET imported_by = NULL WHERE imported_by = $1`, [accountId]);
    await m.query(`DELETE FROM membership WHERE account_id = $1`, [accountId]);
    await m.query(`DELETE FROM notification WHERE account_id = $1`, [accountId]);
    // Unanswered questions were seen only by the asker and the organisation; answered ones are
    // public and never named the asker, so they stay without the link to the account.
    await m.query(`DELETE FROM challenge_question WHERE account_id = $1 AND answered_at IS NULL`, [accountId]);
    await m.query(`UPDATE challenge_question SET account_id = NULL WHERE account_id = $1`, [accountId]);
    await m.query(`UPDATE award_outcome SET recorded_by = NULL WHERE recorded_by = $1`, [accountId]);
    // Who registered an organisation, created an event or started a schedule run: the link goes, the records stay the organisation's.
    await m.query(`UPDATE event_participant SET account_id = NULL WHERE account_id = $1`, [accountId]);
    await m.query(`UPDATE event SET created_by_account_id = NULL WHERE created_by_account_id = $1`, [accountId]);
    await m.query(`UPDATE schedule_run SET requested_by_account_id = NULL WHERE requested_by_account_id = $1`, [accountId]);
  }

  /**
   * A creative's event participations go, with their availability, requests, placed meetings and
   * feedback (cascade); their directory documents are removed through the outbox.
   */
  async eraseEventParticipations(m: EntityManager, profileId: string): Promise<number> {
    // The other side of each live request hears that the meeting is off (as when it is cancelled).
    await m.query(
      `INSERT INTO notification (account_id, kind, subject_type, subject_id, idempotency_key)
       SELECT DISTINCT a.account_id, 'meeting-cancelled', 'event', r.event_id, 'meeting-cancelled:' || r.id
         FROM meeting_request r
         JOIN event_participant me ON me.id IN (r.from_participant_id, r.to_participant_id) AND me.creative_profile_id = $1
         JOIN event_participant other ON other.id = CASE WHEN r.from_participant_id = me.id THEN r.to_participant_id ELSE r.from_participant_id END
         CROSS JOIN LATERAL (
           SELECT other.account_id WHERE other.account_id IS NOT NULL
           UNION SELECT cp.account_id FROM creative_profile cp WHERE cp.id = other.creative_profile_id AND cp.account_id IS NOT NULL
           UNION SELECT ms.account_id FROM membership ms WHERE ms.organisation_id = other.organisation_id AND ms.role IN ('owner', 'editor')
         ) a
        WHERE r.status IN ('PENDING', 'ACCEPTED')
       ON CONFLICT (account_id, idempotency_key) DO NOTHING`,
      [profileId],
    );
    await m.query(
      `INSERT INTO outbox_event (topic, aggregate_type, aggregate_id) SELECT $2, 'event-participant', id FROM event_participant WHERE creative_profile_id = $1`,
      [profileId, OutboxTopic.EventParticipantChanged],
    );
    const deleted = (await m.query(`DELETE FROM event_participant WHERE creative_profile_id = $1 RETURNING id`, [profileId])) as [unknown[], number];
    return deleted[1];
  }

  /** Removes jury seats, declarations and scores except on published decisions; answers how many records stay. */
  async eraseJuryWork(m: EntityManager, accountId: string): Promise<number> {
    const open = `(SELECT p.id FROM proposal p JOIN challenge c ON c.id = p.challenge_id WHERE c.status <> $2)`;
    await m.query(`DELETE FROM review_score WHERE account_id = $1 AND proposal_id IN ${open}`, [accountId, PUBLISHED]);
    await m.query(`DELETE FROM conflict_declaration WHERE account_id = $1 AND proposal_id IN ${open}`, [accountId, PUBLISHED]);
    await m.query(`DELETE FROM jury_member j USING challenge c WHERE c.id = j.challenge_id AND j.account_id = $1 AND c.status <> $2`, [accountId, PUBLISHED]);
    const [row] = (await m.query(`
      SELECT (SELECT count(*) FROM jury_member WHERE account_id = $1) + (SELECT count(*) FROM conflict_declaration WHERE account_id = $1)
           + (SELECT count(*) FROM review_score WHERE account_id = $1) AS n`, [accountId])) as { n: string }[];
    return Number(row.n);
  }

  /** The profile by id, locked (null: no such profile, or an erased one). */
  async lockProfileById(m: EntityManager, profileId: string): Promise<string | null> {
    const [row] = (await m.query(`SELECT id FROM creative_profile WHERE id = $1 AND erased_at IS NULL FOR UPDATE`, [profileId])) as { id: string }[];
    return row?.id ?? null;
  }

  /** The account's creative profile, locked. */
  async lockProfile(m: EntityManager, accountId: string): Promise<string | null> {
    const [row] = (await m.query(`SELECT id FROM creative_profile WHERE account_id = $1 FOR UPDATE`, [accountId])) as { id: string }[];
    return row?.id ?? null;
  }

  async authoredProposals(m: EntityManager, profileId: string): Promise<AuthoredProposal[]> {
    return (await m.query(`
      SELECT p.id, a.role = 'LEAD' AS lead, (c.status = $2 AND p.outcome = 'AWARDED') AS kept
        FROM proposal_author a JOIN proposal p ON p.id = a.proposal_id JOIN challenge c ON c.id = p.challenge_id
       WHERE a.creative_profile_id = $1 FOR UPDATE OF p`, [profileId, PUBLISHED])) as AuthoredProposal[];
  }

  async offerIds(m: EntityManager, profileId: string): Promise<string[]> {
    return ((await m.query(`SELECT id FROM offer WHERE creative_profile_id = $1`, [profileId])) as { id: string }[]).map((r) => r.id);
  }

  /** Deletes proposals (authors, scores, declarations and outcomes cascade) and their file rows; answers the file ids. */
  async deleteProposals(m: EntityManager, proposalIds: readonly string[]): Promise<string[]> {
    if (proposalIds.length === 0) return [];
    const files = (await m.query(`DELETE FROM attachment WHERE owner_type = 'proposal' AND owner_id = ANY($1::uuid[]) RETURNING id`, [proposalIds])) as [{ id: string }[], number];
    await m.query(`DELETE FROM proposal WHERE id = ANY($1::uuid[])`, [proposalIds]);
    return files[0].map((r) => r.id);
  }

  /** Deletes the portfolio items, their image rows and the consent history; answers the image file ids. */
  async deletePortfolioAndConsents(m: EntityManager, profileId: string): Promise<string[]> {
    const files = (await m.query(
      `DELETE FROM attachment WHERE owner_type = 'portfolio_item' AND owner_id IN (SELECT id FROM creative_portfolio_item WHERE creative_profile_id = $1) RETURNING id`, [profileId],
    )) as [{ id: string }[], number];
    await m.query(`DELETE FROM creative_portfolio_item WHERE creative_profile_id = $1`, [profileId]);
    await m.query(`DELETE FROM matching_consent_event WHERE creative_profile_id = $1`, [profileId]);
    return files[0].map((r) => r.id);
  }

  /** Takes the profile off proposals others lead; the proposals stay theirs. */
  async leaveProposals(m: EntityManager, profileId: string, proposalIds: readonly string[]): Promise<void> {
    if (proposalIds.length === 0) return;
    await m.query(`DELETE FROM proposal_author WHERE creative_profile_id = $1 AND proposal_id = ANY($2::uuid[])`, [profileId, proposalIds]);
  }

  /** Deletes the profile; offers, invitations to challenges and authorships cascade. */
  async deleteProfile(m: EntityManager, profileId: string): Promise<void> {
    await m.query(`DELETE FROM creative_profile WHERE id = $1`, [profileId]);
  }

  /**
   * Keeps the profile as the author of published awards, with nothing left that identifies the
   * person: a placeholder name, no texts, links or skills, no owner, no matching consent, and the
   * columns that cannot be empty (kind, municipality, availability, dates) overwritten with the
   * same values for every erased profile, so they tell nothing about the person either.
   */
  async anonymiseProfile(m: EntityManager, profileId: string): Promise<void> {
    await m.query(`DELETE FROM offer WHERE creative_profile_id = $1`, [profileId]);
    await m.query(`DELETE FROM challenge_invitee WHERE creative_profile_id = $1`, [profileId]);
    await m.query(`
      UPDATE creative_profile
         SET display_name = $2, bio_sl = NULL, bio_en = NULL, portfolio_links = '{}', domains = '{}', crafts = '{}', techniques = '{}',
             materials = '{}', skills = '{}', free_crafts = '{}', free_skills = '{}', free_techniques = '{}', free_materials = '{}',
             languages = '{}', account_id = NULL, matching_consent_at = NULL,
             kind = 'INDIVIDUAL', municipality = '', availability = 'UNAVAILABLE', is_demo = false,
             erased_at = now(), created_at = now(), updated_at = now()
       WHERE id = $1`, [profileId, ERASED_AUTHOR_NAME]);
  }

  /** The account row itself: deleted, or (while jury records of published decisions need it) a tombstone nobody can sign in to. */
  async deleteOrTombstone(m: EntityManager, accountId: string, tombstone: boolean): Promise<void> {
    if (!tombstone) {
      await m.query(`DELETE FROM account WHERE id = $1`, [accountId]);
      return;
    }
    // The placeholder has no "@": every entry point normalises an email address first, so it can never be typed in.
    await m.query(`
      UPDATE account
         SET email = 'erased:' || id, display_name = $2, password_hash = NULL, email_verified_at = NULL, platform_roles = '{}', locale = 'sl',
             password_changed_at = now(), erased_at = now(), updated_at = now()
       WHERE id = $1`, [accountId, ERASED_ACCOUNT_NAME]);
  }
}
