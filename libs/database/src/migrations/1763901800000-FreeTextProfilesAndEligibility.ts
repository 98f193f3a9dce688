import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Profiles hold what people write: crafts, skills, techniques and materials in their own words
 * beside the reference codes (codes are suggested from the text, never required); portfolio items
 * gain a year and a client. Challenges state who may enter (kinds of creatives, municipalities),
 * whether the work happens on site, and the languages the work is done in — matching treats the
 * first as hard filters.
 */
export class FreeTextProfilesAndEligibility1763901800000 implements MigrationInterface {
  name = 'FreeTextProfilesAndEligibility1763901800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE creative_profile
        ADD COLUMN free_crafts text[] NOT NULL DEFAULT '{}',
        ADD COLUMN free_skills text[] NOT NULL DEFAULT '{}',
        ADD COLUMN free_techniques text[] NOT NULL DEFAULT '{}',
        ADD COLUMN free_materials text[] NOT NULL DEFAULT '{}'`);
    await q.query(`
      ALTER TABLE creative_portfolio_item
        ADD COLUMN year integer CHECK (year BETWEEN 1900 AND 2100),
        ADD COLUMN client text CHECK (length(client) BETWEEN 1 AND 200)`);
    await q.query(`
      ALTER TABLE challenge
        ADD COLUMN eligible_kinds text[] NOT NULL DEFAULT '{}',
        ADD COLUMN eligible_municipalities text[] NOT NULL DEFAULT '{}',
        ADD COLUMN on_site boolean NOT NULL DEFAULT false,
        ADD COLUMN working_languages text[] NOT NULL DEFAULT '{}'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE challenge DROP COLUMN working_languages, DROP COLUMN on_site, DROP COLUMN eligible_municipalities, DROP COLUMN eligible_kinds`);
    await q.query(`ALTER TABLE creative_portfolio_item DROP COLUMN client, DROP COLUMN year`);
    await q.query(`ALTER TABLE creative_profile DROP COLUMN free_materials, DROP COLUMN free_techniques, DROP COLUMN free_skills, DROP COLUMN free_crafts`);
  }
}
