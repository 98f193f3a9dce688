import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The notification pipeline: every inbox row also carries its email delivery (planned from the
 * recipient's preference for its category, then sent instantly or in a digest), and why it was
 * sent. Preferences per account and category; digest bookkeeping per account and cadence.
 */
export class Notifications1763901100000 implements MigrationInterface {
  name = 'Notifications1763901100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE notification
        ADD COLUMN category text,
        ADD COLUMN reason_sl text,
        ADD COLUMN reason_en text,
        ADD COLUMN email_state text CHECK (email_state IN ('pending', 'digest', 'sent', 'digested', 'off', 'failed')),
        ADD COLUMN email_attempts integer NOT NULL DEFAULT 0,
        ADD COLUMN email_error text,
        ADD COLUMN emailed_at timestamptz(3)`);
    // Rows from before the pipeline existed are not mailed now.
    await q.query(`UPDATE notification SET email_state = 'off', category = 'proposals' WHERE email_state IS NULL`);
    await q.query(`CREATE INDEX notification_unplanned_idx ON notification (created_at) WHERE email_state IS NULL`);
    await q.query(`CREATE INDEX notification_mail_idx ON notification (email_state, account_id) WHERE email_state IN ('pending', 'digest', 'failed')`);
    await q.query(`CREATE INDEX notification_inbox_idx ON notification (account_id, created_at DESC, id DESC)`);
    await q.query(`
      CREATE TABLE notification_preference (
        account_id uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        category text NOT NULL,
        mode text NOT NULL CHECK (mode IN ('INSTANT', 'DAILY', 'WEEKLY', 'OFF')),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (account_id, category)
      )`);
    await q.query(`
      CREATE TABLE notification_digest (
        account_id uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        cadence text NOT NULL CHECK (cadence IN ('DAILY', 'WEEKLY')),
        last_sent_at timestamptz(3) NOT NULL,
        PRIMARY KEY (account_id, cadence)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notification_digest, notification_preference`);
    await q.query(`DROP INDEX notification_inbox_idx, notification_mail_idx, notification_unplanned_idx`);
    await q.query(`
      ALTER TABLE notification DROP COLUMN emailed_at, DROP COLUMN email_error, DROP COLUMN email_attempts, DROP COLUMN email_state,
        DROP COLUMN reason_en, DROP COLUMN reason_sl, DROP COLUMN category`);
  }
}
