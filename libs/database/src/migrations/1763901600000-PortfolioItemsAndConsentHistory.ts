import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Portfolio items of creative profiles (bilingual title and plain-text description, an optional
 * link, an optional image stored as an attachment of owner type 'portfolio_item', an order), and
 * the history of every matching-consent change (given or withdrawn, when, and which version of
 * the explanation the creative was shown). Both are personal data: exported and erased with the
 * profile. Consent already given before this migration is recorded once, as given at that time
 * with the version 'unrecorded' (the text shown then was not kept).
 */
export class PortfolioItemsAndConsentHistory1763901600000 implements MigrationInterface {
  name = 'PortfolioItemsAndConsentHistory1763901600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE creative_portfolio_item (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        creative_profile_id uuid NOT NULL REFERENCES creative_profile (id) ON DELETE CASCADE,
        title_sl text CHECK (length(title_sl) BETWEEN 1 AND 200),
        title_en text CHECK (length(title_en) BETWEEN 1 AND 200),
        description_sl text CHECK (length(description_sl) <= 5000),
        description_en text CHECK (length(description_en) <= 5000),
        link text CHECK (length(link) <= 500),
        position integer NOT NULL CHECK (position >= 0),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CHECK (title_sl IS NOT NULL OR title_en IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX creative_portfolio_item_profile_idx ON creative_portfolio_item (creative_profile_id, position)`);
    await q.query(`ALTER TABLE attachment DROP CONSTRAINT attachment_owner_type_check, ADD CONSTRAINT attachment_owner_type_check CHECK (owner_type IN ('challenge', 'proposal', 'portfolio_item'))`);
    await q.query(`
      CREATE TABLE matching_consent_event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        creative_profile_id uuid NOT NULL REFERENCES creative_profile (id) ON DELETE CASCADE,
        given boolean NOT NULL,
        explanation_version text NOT NULL CHECK (length(explanation_version) BETWEEN 1 AND 40),
        occurred_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX matching_consent_event_profile_idx ON matching_consent_event (creative_profile_id, occurred_at)`);
    await q.query(`
      INSERT INTO matching_consent_event (creative_profile_id, given, explanation_version, occurred_at)
      SELECT id, true, 'unrecorded', matching_consent_at FROM creative_profile WHERE matching_consent_at IS NOT NULL AND erased_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE matching_consent_event`);
    await q.query(`DELETE FROM attachment WHERE owner_type = 'portfolio_item'`);
    await q.query(`ALTER TABLE attachment DROP CONSTRAINT attachment_owner_type_check, ADD CONSTRAINT attachment_owner_type_check CHECK (owner_type IN ('challenge', 'proposal'))`);
    await q.query(`DROP TABLE creative_portfolio_item`);
  }
}
