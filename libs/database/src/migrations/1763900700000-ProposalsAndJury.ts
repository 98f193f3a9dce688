import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Proposals with co-authors, juries with conflict declarations and rubric scores, awards, outcomes, in-app notifications. */
export class ProposalsAndJury1763900700000 implements MigrationInterface {
  name = 'ProposalsAndJury1763900700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE challenge
        ADD COLUMN awarded_at timestamptz(3),
        ADD COLUMN decision_sl text,
        ADD COLUMN decision_en text,
        ADD CONSTRAINT challenge_awarded_consistent CHECK ((status = 'AWARDED') = (awarded_at IS NOT NULL))`);
    await q.query(`
      CREATE TABLE proposal (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        challenge_id uuid NOT NULL REFERENCES challenge (id) ON DELETE CASCADE,
        lead_creative_profile_id uuid NOT NULL REFERENCES creative_profile (id) ON DELETE CASCADE,
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'SUBMITTED', 'WITHDRAWN')),
        blind_code text NOT NULL,
        title_sl text CHECK (length(title_sl) <= 200),
        title_en text CHECK (length(title_en) <= 200),
        body_sl text CHECK (length(body_sl) <= 20000),
        body_en text CHECK (length(body_en) <= 20000),
        requested_eur integer CHECK (requested_eur >= 0),
        submitted_at timestamptz(3),
        withdrawn_at timestamptz(3),
        outcome text CHECK (outcome IN ('AWARDED', 'NOT_AWARDED')),
        award_eur integer CHECK (award_eur >= 0),
        award_reason_sl text,
        award_reason_en text,
        is_demo boolean NOT NULL DEFAULT false,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT proposal_titled CHECK (coalesce(title_sl, title_en) IS NOT NULL),
        CONSTRAINT proposal_award_consistent CHECK (outcome = 'AWARDED' OR award_eur IS NULL),
        UNIQUE (challenge_id, blind_code)
      )`);
    // One live proposal per lead creative and challenge (a withdrawn one may be followed by a new one).
    await q.query(`CREATE UNIQUE INDEX proposal_one_live_per_lead ON proposal (challenge_id, lead_creative_profile_id) WHERE status <> 'WITHDRAWN'`);
    await q.query(`CREATE INDEX proposal_challenge_idx ON proposal (challenge_id, status)`);
    await q.query(`
      CREATE TABLE proposal_author (
        proposal_id uuid NOT NULL REFERENCES proposal (id) ON DELETE CASCADE,
        creative_profile_id uuid NOT NULL REFERENCES creative_profile (id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('LEAD', 'CO_AUTHOR')),
        PRIMARY KEY (proposal_id, creative_profile_id)
      )`);
    await q.query(`CREATE INDEX proposal_author_creative_idx ON proposal_author (creative_profile_id)`);
    await q.query(`
      CREATE TABLE jury_member (
        challenge_id uuid NOT NULL REFERENCES challenge (id) ON DELETE CASCADE,
        account_id uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (challenge_id, account_id)
      )`);
    await q.query(`CREATE INDEX jury_member_account_idx ON jury_member (account_id)`);
    await q.query(`
      CREATE TABLE conflict_declaration (
        proposal_id uuid NOT NULL REFERENCES proposal (id) ON DELETE CASCADE,
        account_id uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        has_conflict boolean NOT NULL,
        reason text CHECK (length(reason) <= 1000),
        declared_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (proposal_id, account_id)
      )`);
    await q.query(`
      CREATE TABLE review_score (
        proposal_id uuid NOT NULL REFERENCES proposal (id) ON DELETE CASCADE,
        account_id uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        criterion_id uuid NOT NULL REFERENCES challenge_criterion (id) ON DELETE CASCADE,
        score integer NOT NULL CHECK (score BETWEEN 0 AND 10),
        comment text CHECK (length(comment) <= 2000),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (proposal_id, account_id, criterion_id)
      )`);
    await q.query(`
      CREATE TABLE award_outcome (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        proposal_id uuid NOT NULL REFERENCES proposal (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('CONTRACT', 'PRODUCTION', 'JOB', 'EXHIBITION', 'NOTHING')),
        description text CHECK (length(description) <= 2000),
        value_eur integer CHECK (value_eur >= 0),
        occurred_on date NOT NULL,
        recorded_by uuid REFERENCES account (id) ON DELETE SET NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX award_outcome_proposal_idx ON award_outcome (proposal_id)`);
    await q.query(`
      CREATE TABLE notification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        kind text NOT NULL,
        subject_type text NOT NULL,
        subject_id uuid NOT NULL,
        idempotency_key text NOT NULL,
        read_at timestamptz(3),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        UNIQUE (account_id, idempotency_key)
      )`);
    await q.query(`ALTER TABLE attachment DROP CONSTRAINT attachment_owner_type_check, ADD CONSTRAINT attachment_owner_type_check CHECK (owner_type IN ('challenge', 'proposal'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM attachment WHERE owner_type = 'proposal'`);
    await q.query(`ALTER TABLE attachment DROP CONSTRAINT attachment_owner_type_check, ADD CONSTRAINT attachment_owner_type_check CHECK (owner_type IN ('challenge'))`);
    await q.query(`DROP TABLE notification, award_outcome, review_score, conflict_declaration, jury_member, proposal_author, proposal`);
    await q.query(`UPDATE challenge SET status = 'IN_REVIEW' WHERE status = 'AWARDED'`);
    await q.query(`ALTER TABLE challenge DROP CONSTRAINT challenge_awarded_consistent, DROP COLUMN awarded_at, DROP COLUMN decision_sl, DROP COLUMN decision_en`);
  }
}
