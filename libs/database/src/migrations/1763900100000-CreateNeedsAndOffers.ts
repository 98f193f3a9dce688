import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The regional exchange of demand and supply: organisations' needs, creatives' offers. */
export class CreateNeedsAndOffers1763900100000 implements MigrationInterface {
  name = 'CreateNeedsAndOffers1763900100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE need (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        owner_organisation_id uuid NOT NULL REFERENCES organisation (id) ON DELETE RESTRICT,
        title_sl text,
        title_en text,
        description_sl text,
        description_en text,
        domains text[] NOT NULL DEFAULT '{}',
        techniques text[] NOT NULL DEFAULT '{}',
        materials text[] NOT NULL DEFAULT '{}',
        budget_min_eur integer CHECK (budget_min_eur >= 0),
        budget_max_eur integer CHECK (budget_max_eur >= 0),
        timeline_start date,
        timeline_end date,
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT','PUBLISHED','CLOSED')),
        published_at timestamptz(3),
        is_demo boolean NOT NULL DEFAULT false,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT need_has_title CHECK (coalesce(title_sl, title_en) IS NOT NULL),
        CONSTRAINT need_budget_order CHECK (budget_min_eur IS NULL OR budget_max_eur IS NULL OR budget_min_eur <= budget_max_eur),
        CONSTRAINT need_timeline_order CHECK (timeline_start IS NULL OR timeline_end IS NULL OR timeline_start <= timeline_end)
      )`);
    await q.query(`CREATE INDEX need_owner_idx ON need (owner_organisation_id)`);
    await q.query(`CREATE INDEX need_created_idx ON need (created_at, id)`);

    await q.query(`
      CREATE TABLE offer (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        creative_profile_id uuid NOT NULL REFERENCES creative_profile (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('SERVICE','PRODUCT')),
        title_sl text,
        title_en text,
        description_sl text,
        description_en text,
        domains text[] NOT NULL DEFAULT '{}',
        crafts text[] NOT NULL DEFAULT '{}',
        techniques text[] NOT NULL DEFAULT '{}',
        materials text[] NOT NULL DEFAULT '{}',
        price_from_eur integer CHECK (price_from_eur >= 0),
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT','PUBLISHED','CLOSED')),
        published_at timestamptz(3),
        is_demo boolean NOT NULL DEFAULT false,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT offer_has_title CHECK (coalesce(title_sl, title_en) IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX offer_creative_idx ON offer (creative_profile_id)`);
    await q.query(`CREATE INDEX offer_created_idx ON offer (created_at, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE offer`);
    await q.query(`DROP TABLE need`);
  }
}
