import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What a challenge offers and asks: partners, rewards, budget, IP terms, weighted criteria, two stages. */
export class ChallengeTerms1763900400000 implements MigrationInterface {
  name = 'ChallengeTerms1763900400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE challenge
        ADD COLUMN total_budget_eur integer CHECK (total_budget_eur >= 0),
        ADD COLUMN awards_count integer CHECK (awards_count BETWEEN 1 AND 100),
        ADD COLUMN ip_terms text CHECK (ip_terms IN ('LICENCE','ASSIGNMENT')),
        ADD COLUMN ip_details_sl text,
        ADD COLUMN ip_details_en text,
        ADD COLUMN two_stage boolean NOT NULL DEFAULT false,
        ADD COLUMN shortlist_size integer CHECK (shortlist_size BETWEEN 2 AND 20),
        ADD COLUMN shortlist_fee_eur integer CHECK (shortlist_fee_eur > 0),
        ADD CONSTRAINT challenge_two_stage CHECK (NOT two_stage OR (shortlist_size IS NOT NULL AND shortlist_fee_eur IS NOT NULL))`);
    await q.query(`
      CREATE TABLE challenge_partner (
        challenge_id uuid NOT NULL REFERENCES challenge (id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisation (id) ON DELETE RESTRICT,
        position smallint NOT NULL,
        role_sl text,
        role_en text,
        PRIMARY KEY (challenge_id, organisation_id)
      )`);
    await q.query(`CREATE INDEX challenge_partner_organisation_idx ON challenge_partner (organisation_id)`);
    await q.query(`
      CREATE TABLE challenge_reward (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        challenge_id uuid NOT NULL REFERENCES challenge (id) ON DELETE CASCADE,
        position smallint NOT NULL,
        kind text NOT NULL CHECK (kind IN ('PRIZE_MONEY','JOB_OFFER','PRODUCTION','GRANT','EXHIBITION','MENTORING')),
        amount_eur integer CHECK (amount_eur >= 0),
        description_sl text,
        description_en text
      )`);
    await q.query(`CREATE INDEX challenge_reward_challenge_idx ON challenge_reward (challenge_id, position)`);
    await q.query(`
      CREATE TABLE challenge_criterion (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        challenge_id uuid NOT NULL REFERENCES challenge (id) ON DELETE CASCADE,
        position smallint NOT NULL,
        name_sl text,
        name_en text,
        weight integer NOT NULL CHECK (weight BETWEEN 1 AND 100),
        CONSTRAINT challenge_criterion_named CHECK (coalesce(name_sl, name_en) IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX challenge_criterion_challenge_idx ON challenge_criterion (challenge_id, position)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE challenge_criterion`);
    await q.query(`DROP TABLE challenge_reward`);
    await q.query(`DROP TABLE challenge_partner`);
    await q.query(`
      ALTER TABLE challenge
        DROP CONSTRAINT challenge_two_stage,
        DROP COLUMN total_budget_eur, DROP COLUMN awards_count, DROP COLUMN ip_terms, DROP COLUMN ip_details_sl,
        DROP COLUMN ip_details_en, DROP COLUMN two_stage, DROP COLUMN shortlist_size, DROP COLUMN shortlist_fee_eur`);
  }
}
