import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Accounts, sessions, mailed tokens, login throttling, organisation memberships and invitations. */
export class CreateAccounts1763900600000 implements MigrationInterface {
  name = 'CreateAccounts1763900600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE account (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (email = lower(btrim(email)) AND length(email) BETWEEN 3 AND 254),
        email_verified_at timestamptz(3),
        password_hash text NOT NULL,
        display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 120),
        locale text NOT NULL DEFAULT 'sl' CHECK (locale IN ('sl', 'en')),
        platform_roles text[] NOT NULL DEFAULT '{}' CHECK (platform_roles <@ ARRAY['admin', 'organiser']::text[]),
        is_demo boolean NOT NULL DEFAULT false,
        password_changed_at timestamptz(3) NOT NULL DEFAULT now(),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX account_email_uq ON account (email)`);
    await q.query(`
      CREATE TABLE account_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        refresh_hash text NOT NULL UNIQUE,
        previous_refresh_hash text,
        expires_at timestamptz(3) NOT NULL,
        revoked_at timestamptz(3),
        last_used_at timestamptz(3) NOT NULL DEFAULT now(),
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX account_session_account_idx ON account_session (account_id)`);
    await q.query(`CREATE INDEX account_session_previous_idx ON account_session (previous_refresh_hash) WHERE previous_refresh_hash IS NOT NULL`);
    await q.query(`
      CREATE TABLE account_token (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        purpose text NOT NULL CHECK (purpose IN ('verify-email', 'reset-password')),
        expires_at timestamptz(3) NOT NULL,
        used_at timestamptz(3),
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX account_token_account_idx ON account_token (account_id, purpose)`);
    // Keyed by HMACs of the email and the IP address: the throttle needs no readable personal data.
    await q.query(`
      CREATE TABLE login_attempt (
        id bigserial PRIMARY KEY,
        email_key text NOT NULL,
        ip_key text NOT NULL,
        succeeded boolean NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX login_attempt_email_idx ON login_attempt (email_key, created_at)`);
    await q.query(`CREATE INDEX login_attempt_ip_idx ON login_attempt (ip_key, created_at)`);
    await q.query(`
      CREATE TABLE membership (
        organisation_id uuid NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
        account_id uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('owner', 'editor', 'reviewer')),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (organisation_id, account_id)
      )`);
    await q.query(`CREATE INDEX membership_account_idx ON membership (account_id)`);
    await q.query(`
      CREATE TABLE invitation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('organisation', 'jury')),
        organisation_id uuid REFERENCES organisation (id) ON DELETE CASCADE,
        challenge_id uuid REFERENCES challenge (id) ON DELETE CASCADE,
        role text CHECK (role IN ('owner', 'editor', 'reviewer')),
        email text NOT NULL CHECK (email = lower(btrim(email))),
        invited_by uuid REFERENCES account (id) ON DELETE SET NULL,
        locale text NOT NULL DEFAULT 'sl' CHECK (locale IN ('sl', 'en')),
        expires_at timestamptz(3) NOT NULL,
        accepted_at timestamptz(3),
        accepted_by uuid REFERENCES account (id) ON DELETE SET NULL,
        revoked_at timestamptz(3),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        CHECK ((kind = 'organisation' AND organisation_id IS NOT NULL AND role IS NOT NULL) OR (kind = 'jury' AND challenge_id IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX invitation_email_idx ON invitation (email)`);
    await q.query(`ALTER TABLE creative_profile ADD COLUMN account_id uuid UNIQUE REFERENCES account (id) ON DELETE SET NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE creative_profile DROP COLUMN account_id`);
    await q.query(`DROP TABLE invitation, membership, login_attempt, account_token, account_session, account`);
  }
}
