import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Matching consent (off until the creative agrees) and availability on creative profiles. */
export class MatchingConsent1763901000000 implements MigrationInterface {
  name = 'MatchingConsent1763901000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE creative_profile
        ADD COLUMN matching_consent_at timestamptz(3),
        ADD COLUMN availability text NOT NULL DEFAULT 'AVAILABLE' CHECK (availability IN ('AVAILABLE', 'LIMITED', 'UNAVAILABLE'))`);
    await q.query(`CREATE INDEX creative_profile_matchable_idx ON creative_profile (id) WHERE matching_consent_at IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX creative_profile_matchable_idx`);
    await q.query(`ALTER TABLE creative_profile DROP COLUMN availability, DROP COLUMN matching_consent_at`);
  }
}
