import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The region's support measures (issue 15 item 8): vouchers, micro-grants, regional and national
 * calls, advice and mentoring, published by organisations whose members hold the organiser role.
 * Texts in Slovenian and English (at least one title); who may apply by creative profile kind and
 * by organisation kind (an empty list: nobody of that side; at least one kind overall); an optional
 * amount range in whole euros; an optional deadline (none: a rolling call); the official call's
 * https link. No personal data: the only party named is the provider organisation.
 */
export class SupportMeasures1763903500000 implements MigrationInterface {
  name = 'SupportMeasures1763903500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE support_measure (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        provider_organisation_id uuid NOT NULL REFERENCES organisation (id) ON DELETE RESTRICT,
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'PUBLISHED', 'CLOSED')),
        title_sl text CHECK (length(title_sl) <= 200),
        title_en text CHECK (length(title_en) <= 200),
        summary_sl text CHECK (length(summary_sl) <= 500),
        summary_en text CHECK (length(summary_en) <= 500),
        text_sl text CHECK (length(text_sl) <= 10000),
        text_en text CHECK (length(text_en) <= 10000),
        eligible_creative_kinds text[] NOT NULL DEFAULT '{}',
        eligible_organisation_kinds text[] NOT NULL DEFAULT '{}',
        amount_min_eur integer CHECK (amount_min_eur >= 0),
        amount_max_eur integer CHECK (amount_max_eur >= 0),
        deadline timestamptz(3),
        call_url text CHECK (call_url LIKE 'https://%' AND length(call_url) <= 500),
        published_at timestamptz(3),
        closed_at timestamptz(3),
        is_demo boolean NOT NULL DEFAULT false,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CHECK (title_sl IS NOT NULL OR title_en IS NOT NULL),
        CHECK (amount_min_eur IS NULL OR amount_max_eur IS NULL OR amount_min_eur <= amount_max_eur),
        CHECK (cardinality(eligible_creative_kinds) + cardinality(eligible_organisation_kinds) > 0),
        CHECK ((status = 'DRAFT') = (published_at IS NULL)),
        CHECK ((status = 'CLOSED') = (closed_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX support_measure_provider_idx ON support_measure (provider_organisation_id)`);
    await q.query(`CREATE INDEX support_measure_open_deadline_idx ON support_measure (deadline) WHERE status = 'PUBLISHED'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE support_measure`);
  }
}
