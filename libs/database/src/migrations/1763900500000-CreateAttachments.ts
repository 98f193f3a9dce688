import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Files attached to challenges (later also proposals); the bytes live in ATTACHMENTS storage. */
export class CreateAttachments1763900500000 implements MigrationInterface {
  name = 'CreateAttachments1763900500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE attachment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        owner_type text NOT NULL CHECK (owner_type IN ('challenge')),
        owner_id uuid NOT NULL,
        file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
        content_type text NOT NULL,
        size_bytes integer NOT NULL CHECK (size_bytes > 0),
        sha256 text NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX attachment_owner_idx ON attachment (owner_type, owner_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE attachment`);
  }
}
