import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Imported creatives as pending invitations (issue 13 item 6). An organiser or admin imports
 * people (CSV/JSON); each good row becomes one `creative_invitation` holding the row as typed
 * (`data`, JSON) and the address it was mailed to. It is not a profile: nothing about the person is
 * searchable, matched or notified until they accept by the mailed link. The link's secret is an
 * HMAC of the row's id and creation time (as for `invitation` and `account_token`): no token is
 * stored. The personal columns (email, data, note) are kept only while the invitation is pending:
 * accepting (the data became their profile), declining and expiry clear them, which the CHECK holds.
 * One pending invitation per address (a partial unique index, so parallel imports cannot both mail).
 */
export class CreativeInvitations1763902400000 implements MigrationInterface {
  name = 'CreativeInvitations1763902400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE creative_invitation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'declined', 'expired')),
        email text CHECK (email = lower(btrim(email)) AND length(email) BETWEEN 3 AND 254),
        data jsonb,
        note text CHECK (length(note) <= 1000),
        imported_by uuid REFERENCES account (id) ON DELETE SET NULL,
        import_id uuid NOT NULL,
        expires_at timestamptz(3) NOT NULL,
        decided_at timestamptz(3),
        account_id uuid REFERENCES account (id) ON DELETE SET NULL,
        creative_profile_id uuid REFERENCES creative_profile (id) ON DELETE SET NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        CHECK ((status = 'pending') = (email IS NOT NULL AND data IS NOT NULL)),
        CHECK (status = 'pending' OR note IS NULL),
        CHECK ((status = 'pending') = (decided_at IS NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX creative_invitation_pending_email_uq ON creative_invitation (email) WHERE status = 'pending'`);
    await q.query(`CREATE INDEX creative_invitation_expiry_idx ON creative_invitation (expires_at) WHERE status = 'pending'`);
    await q.query(`CREATE INDEX creative_invitation_imported_by_idx ON creative_invitation (imported_by)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE creative_invitation`);
  }
}
