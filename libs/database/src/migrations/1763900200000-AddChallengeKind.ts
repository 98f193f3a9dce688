import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Challenge kinds, for the municipal yearly public-service challenge and for filtering. */
export class AddChallengeKind1763900200000 implements MigrationInterface {
  name = 'AddChallengeKind1763900200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE challenge ADD COLUMN kind text NOT NULL DEFAULT 'INDUSTRY'
        CHECK (kind IN ('INDUSTRY','PUBLIC_SERVICE','TOURISM','STUDENT_CONTEST','YOUTH_COMMUNITY'))`);
    await q.query(`CREATE INDEX challenge_kind_published_idx ON challenge (kind, published_at) WHERE published_at IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX challenge_kind_published_idx`);
    await q.query(`ALTER TABLE challenge DROP COLUMN kind`);
  }
}
