import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Organisation logos (issue 15 item 1): an image stored as an attachment of owner type
 * 'organisation_logo' whose owner id is the organisation's. Public like the organisation; one per
 * organisation (a new upload replaces the old one in the same transaction).
 */
export class OrganisationLogos1763903100000 implements MigrationInterface {
  name = 'OrganisationLogos1763903100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE attachment DROP CONSTRAINT attachment_owner_type_check, ADD CONSTRAINT attachment_owner_type_check CHECK (owner_type IN ('challenge', 'proposal', 'portfolio_item', 'organisation_logo'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM attachment WHERE owner_type = 'organisation_logo'`);
    await q.query(`ALTER TABLE attachment DROP CONSTRAINT attachment_owner_type_check, ADD CONSTRAINT attachment_owner_type_check CHECK (owner_type IN ('challenge', 'proposal', 'portfolio_item'))`);
  }
}
