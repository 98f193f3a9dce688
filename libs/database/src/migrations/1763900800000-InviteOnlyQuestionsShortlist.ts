import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Invite-only challenges, public questions and answers, and the paid shortlist of two-stage challenges. */
export class InviteOnlyQuestionsShortlist1763900800000 implements MigrationInterface {
  name = 'InviteOnlyQuestionsShortlist1763900800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE challenge
        ADD COLUMN visibility text NOT NULL DEFAULT 'PUBLIC' CHECK (visibility IN ('PUBLIC', 'INVITE_ONLY')),
        ADD COLUMN stage smallint NOT NULL DEFAULT 1 CHECK (stage IN (1, 2)),
        ADD COLUMN stage_two_opened_at timestamptz(3),
        ADD CONSTRAINT challenge_stage_two_consistent CHECK ((stage = 2) = (stage_two_opened_at IS NOT NULL) AND (stage = 1 OR two_stage))`);
    await q.query(`ALTER TABLE proposal ADD COLUMN shortlisted_at timestamptz(3)`);
    await q.query(`
      CREATE TABLE challenge_invitee (
        challenge_id uuid NOT NULL REFERENCES challenge (id) ON DELETE CASCADE,
        creative_profile_id uuid NOT NULL REFERENCES creative_profile (id) ON DELETE CASCADE,
        invited_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (challenge_id, creative_profile_id)
      )`);
    await q.query(`CREATE INDEX challenge_invitee_creative_idx ON challenge_invitee (creative_profile_id)`);
    // account_id: who asked. Never shown publicly; SET NULL keeps the answered question when the asker is erased.
    await q.query(`
      CREATE TABLE challenge_question (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        challenge_id uuid NOT NULL REFERENCES challenge (id) ON DELETE CASCADE,
        account_id uuid REFERENCES account (id) ON DELETE SET NULL,
        language text NOT NULL CHECK (language IN ('sl', 'en')),
        question text NOT NULL CHECK (length(question) BETWEEN 1 AND 2000),
        answer_sl text CHECK (length(answer_sl) <= 5000),
        answer_en text CHECK (length(answer_en) <= 5000),
        answered_at timestamptz(3),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT challenge_question_answered CHECK ((answered_at IS NULL) = (coalesce(answer_sl, answer_en) IS NULL))
      )`);
    await q.query(`CREATE INDEX challenge_question_challenge_idx ON challenge_question (challenge_id, created_at)`);
    await q.query(`CREATE INDEX challenge_question_account_idx ON challenge_question (account_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE challenge_question`);
    await q.query(`DROP TABLE challenge_invitee`);
    await q.query(`ALTER TABLE proposal DROP COLUMN shortlisted_at`);
    await q.query(`ALTER TABLE challenge DROP CONSTRAINT challenge_stage_two_consistent, DROP COLUMN stage_two_opened_at, DROP COLUMN stage, DROP COLUMN visibility`);
  }
}
