import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Erasure (GDPR Art. 17). An account that decided jury records still point at becomes a tombstone:
 * no password hash, a placeholder that is not an email address, `erased_at` set. A creative
 * profile that authored a published award is kept anonymised and unowned, flagged `erased_at`.
 */
export class PersonalData1763900900000 implements MigrationInterface {
  name = 'PersonalData1763900900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE account
        ADD COLUMN erased_at timestamptz(3),
        ALTER COLUMN password_hash DROP NOT NULL,
        ADD CONSTRAINT account_erased_has_no_password CHECK ((erased_at IS NULL) = (password_hash IS NOT NULL))`);
    await q.query(`
      ALTER TABLE creative_profile
        ADD COLUMN erased_at timestamptz(3),
        ADD CONSTRAINT creative_profile_erased_unowned CHECK (erased_at IS NULL OR account_id IS NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE creative_profile DROP CONSTRAINT creative_profile_erased_unowned, DROP COLUMN erased_at`);
    // A tombstone keeps an unusable hash: its placeholder email cannot be typed in anyway.
    await q.query(`UPDATE account SET password_hash = '!erased' WHERE password_hash IS NULL`);
    await q.query(`ALTER TABLE account DROP CONSTRAINT account_erased_has_no_password, ALTER COLUMN password_hash SET NOT NULL, DROP COLUMN erased_at`);
  }
}
