import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Organisations, creative profiles, challenges, the transactional outbox and app metadata. */
export class CreateCatalogue1763900000000 implements MigrationInterface {
  name = 'CreateCatalogue1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organisation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('COMPANY','MUNICIPALITY','MUSEUM','SCHOOL','FACULTY','CREATIVE_CENTRE',
          'DEVELOPMENT_AGENCY','TOURIST_ORGANISATION','CHAMBER','NGO','OTHER')),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        municipality text NOT NULL,
        description_sl text,
        description_en text,
        website text,
        is_demo boolean NOT NULL DEFAULT false,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX organisation_created_idx ON organisation (created_at, id)`);

    await q.query(`
      CREATE TABLE creative_profile (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('INDIVIDUAL','SOLE_PROPRIETOR','STUDIO_OR_FIRM','STUDENT','COLLECTIVE')),
        display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 120),
        bio_sl text,
        bio_en text,
        domains text[] NOT NULL DEFAULT '{}',
        crafts text[] NOT NULL DEFAULT '{}',
        techniques text[] NOT NULL DEFAULT '{}',
        materials text[] NOT NULL DEFAULT '{}',
        skills text[] NOT NULL DEFAULT '{}',
        municipality text NOT NULL,
        languages text[] NOT NULL DEFAULT '{}',
        portfolio_links text[] NOT NULL DEFAULT '{}',
        is_demo boolean NOT NULL DEFAULT false,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX creative_profile_created_idx ON creative_profile (created_at, id)`);

    await q.query(`
      CREATE TABLE challenge (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        owner_organisation_id uuid NOT NULL REFERENCES organisation (id) ON DELETE RESTRICT,
        title_sl text,
        title_en text,
        brief_sl text,
        brief_en text,
        domains text[] NOT NULL DEFAULT '{}',
        techniques text[] NOT NULL DEFAULT '{}',
        materials text[] NOT NULL DEFAULT '{}',
        reward_sl text,
        reward_en text,
        deadline timestamptz,
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT','PUBLISHED')),
        published_at timestamptz,
        is_demo boolean NOT NULL DEFAULT false,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT challenge_has_title CHECK (coalesce(title_sl, title_en) IS NOT NULL),
        CONSTRAINT challenge_published_at CHECK ((status = 'PUBLISHED') = (published_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX challenge_owner_idx ON challenge (owner_organisation_id)`);
    await q.query(`CREATE INDEX challenge_created_idx ON challenge (created_at, id)`);

    await q.query(`
      CREATE TABLE outbox_event (
        id bigserial PRIMARY KEY,
        topic text NOT NULL,
        aggregate_type text NOT NULL,
        aggregate_id uuid NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        dispatched_at timestamptz,
        dispatch_count int NOT NULL DEFAULT 0,
        processed_at timestamptz
      )`);
    await q.query(`CREATE INDEX outbox_event_pending_idx ON outbox_event (id) WHERE processed_at IS NULL`);
    await q.query(`CREATE INDEX outbox_event_aggregate_idx ON outbox_event (aggregate_type, aggregate_id) WHERE processed_at IS NULL`);

    await q.query(`
      CREATE TABLE app_meta (
        key text PRIMARY KEY,
        value jsonb NOT NULL,
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE app_meta`);
    await q.query(`DROP TABLE outbox_event`);
    await q.query(`DROP TABLE challenge`);
    await q.query(`DROP TABLE creative_profile`);
    await q.query(`DROP TABLE organisation`);
  }
}
