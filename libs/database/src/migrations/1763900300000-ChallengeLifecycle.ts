import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The challenge lifecycle: DRAFT → PUBLISHED → SUBMISSIONS_CLOSED (at the deadline) → IN_REVIEW →
 * AWARDED or CLOSED_WITHOUT_AWARD; CANCELLED (with a reason) from any state before a decision.
 */
export class ChallengeLifecycle1763900300000 implements MigrationInterface {
  name = 'ChallengeLifecycle1763900300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE challenge DROP CONSTRAINT challenge_status_check`);
    await q.query(`ALTER TABLE challenge DROP CONSTRAINT challenge_published_at`);
    await q.query(`
      ALTER TABLE challenge
        ADD COLUMN submissions_closed_at timestamptz(3),
        ADD COLUMN cancelled_at timestamptz(3),
        ADD COLUMN cancellation_reason_sl text,
        ADD COLUMN cancellation_reason_en text,
        ADD CONSTRAINT challenge_status_check CHECK (status IN
          ('DRAFT','PUBLISHED','SUBMISSIONS_CLOSED','IN_REVIEW','AWARDED','CLOSED_WITHOUT_AWARD','CANCELLED')),
        ADD CONSTRAINT challenge_published_at CHECK (
          (status = 'DRAFT' AND published_at IS NULL)
          OR (status = 'CANCELLED')
          OR (status NOT IN ('DRAFT','CANCELLED') AND published_at IS NOT NULL)),
        ADD CONSTRAINT challenge_cancellation CHECK (
          (status = 'CANCELLED') = (cancelled_at IS NOT NULL)
          AND (status <> 'CANCELLED' OR coalesce(cancellation_reason_sl, cancellation_reason_en) IS NOT NULL))`);
    await q.query(`CREATE INDEX challenge_open_deadline_idx ON challenge (deadline) WHERE status = 'PUBLISHED'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX challenge_open_deadline_idx`);
    await q.query(`DELETE FROM challenge WHERE status NOT IN ('DRAFT','PUBLISHED')`);
    await q.query(`
      ALTER TABLE challenge
        DROP CONSTRAINT challenge_cancellation,
        DROP CONSTRAINT challenge_published_at,
        DROP CONSTRAINT challenge_status_check,
        DROP COLUMN submissions_closed_at,
        DROP COLUMN cancelled_at,
        DROP COLUMN cancellation_reason_sl,
        DROP COLUMN cancellation_reason_en,
        ADD CONSTRAINT challenge_status_check CHECK (status IN ('DRAFT','PUBLISHED')),
        ADD CONSTRAINT challenge_published_at CHECK ((status = 'PUBLISHED') = (published_at IS NOT NULL))`);
  }
}
