import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { CONSENT_CATEGORIES, DEFAULT_MODES, DeliveryMode, EmailState, NotificationCategory, categoryOf } from '../notification-categories.js';

/** One inbox row as the mail side needs it. */
export interface MailRow {
  id: string;
  accountId: string;
  kind: string;
  category: NotificationCategory;
  subjectType: string;
  subjectId: string;
  reasonSl: string | null;
  reasonEn: string | null;
  emailState: EmailState | null;
  emailAttempts: number;
  createdAt: Date;
}

/** The person a mail goes to; null email: erased, cannot be mailed. */
export interface MailAccount {
  id: string;
  email: string | null;
  displayName: string | null;
  locale: string;
  /** Whether their creative profile agreed to be matched (match mails stop at once without it). */
  matchingConsent: boolean;
}

const ROW = `id, account_id AS "accountId", kind, category, subject_type AS "subjectType", subject_id AS "subjectId", reason_sl AS "reasonSl",
  reason_en AS "reasonEn", email_state AS "emailState", email_attempts AS "emailAttempts", created_at AS "createdAt"`;

/** All SQL of the mail side of notifications. */
@Injectable()
export class NotificationStore {
  constructor(@InjectDataSource() readonly dataSource: DataSource) {}

  /**
   * Plans up to `limit` unplanned rows, oldest first: category from the kind, email state from the
   * recipient's current preference (and consent, for matches). Skips rows another dispatcher holds.
   * Runs in the caller's transaction; answers the rows now pending an instant mail.
   */
  async planBatch(m: EntityManager, limit: number): Promise<{ planned: number; instant: string[] }> {
    const rows = (await m.query(
      `SELECT n.id, n.kind, n.account_id FROM notification n WHERE n.email_state IS NULL ORDER BY n.created_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
    )) as { id: string; kind: string; account_id: string }[];
    if (rows.length === 0) return { planned: 0, instant: [] };
    const accounts = [...new Set(rows.map((r) => r.account_id))];
    const modes = await this.modes(m, accounts);
    const consent = await this.consenting(m, accounts);
    const plan = rows.map((r) => {
      const category = categoryOf(r.kind);
      const mode = modes.get(`${r.account_id}:${category}`) ?? DEFAULT_MODES[category];
      const allowed = !CONSENT_CATEGORIES.includes(category) || consent.has(r.account_id);
      const state = !allowed || mode === DeliveryMode.Off ? EmailState.Off : mode === DeliveryMode.Instant ? EmailState.Pending : EmailState.Digest;
      return { id: r.id, category, state };
    });
    await m.query(
      `UPDATE notification n SET category = p.category, email_state = p.state
         FROM unnest($1::uuid[], $2::text[], $3::text[]) AS p(id, category, state) WHERE n.id = p.id`,
      [plan.map((p) => p.id), plan.map((p) => p.category), plan.map((p) => p.state)],
    );
    return { planned: plan.length, instant: plan.filter((p) => p.state === EmailState.Pending).map((p) => p.id) };
  }

  /** Pending rows older than `olderThanMs`: their job may have been lost (e.g. a flushed queue); queue them again. */
  async stalePending(olderThanMs: number, limit: number): Promise<string[]> {
    const rows = (await this.dataSource.query(
      `SELECT id FROM notification WHERE email_state = 'pending' AND created_at < now() - make_interval(secs => $1::double precision / 1000) ORDER BY created_at LIMIT $2`,
      [olderThanMs, limit],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }

  /** Stored modes, keyed `${accountId}:${category}`. */
  async modes(m: EntityManager, accountIds: readonly string[]): Promise<Map<string, DeliveryMode>> {
    const rows = (await m.query(`SELECT account_id, category, mode FROM notification_preference WHERE account_id = ANY($1::uuid[])`, [accountIds])) as { account_id: string; category: string; mode: DeliveryMode }[];
    return new Map(rows.map((r) => [`${r.account_id}:${r.category}`, r.mode]));
  }

  private async consenting(m: EntityManager, accountIds: readonly string[]): Promise<Set<string>> {
    const rows = (await m.query(`SELECT account_id FROM creative_profile WHERE account_id = ANY($1::uuid[]) AND matching_consent_at IS NOT NULL`, [accountIds])) as { account_id: string }[];
    return new Set(rows.map((r) => r.account_id));
  }

  /** Rows among `ids` still waiting for their instant mail. */
  async pendingRows(ids: readonly string[]): Promise<MailRow[]> {
    return (await this.dataSource.query(`SELECT ${ROW} FROM notification WHERE id = ANY($1::uuid[]) AND email_state = 'pending'`, [ids])) as MailRow[];
  }

  async accounts(accountIds: readonly string[]): Promise<Map<string, MailAccount>> {
    const rows = (await this.dataSource.query(
      `SELECT a.id, CASE WHEN a.erased_at IS NULL THEN a.email END AS email, a.display_name AS "displayName", a.locale,
              EXISTS (SELECT 1 FROM creative_profile cp WHERE cp.account_id = a.id AND cp.matching_consent_at IS NOT NULL) AS "matchingConsent"
         FROM account a WHERE a.id = ANY($1::uuid[])`,
      [[...new Set(accountIds)]],
    )) as MailAccount[];
    return new Map(rows.map((r) => [r.id, r]));
  }

  /**
   * Claims a pending row for its mail in one statement, inside the caller's transaction: locks it
   * unless another worker holds it (SKIP LOCKED, so parallel senders never queue up behind each
   * other's SMTP exchange), re-checks it is still pending on the latest version, marks it sent.
   * The caller sends, then commits; a rollback (SMTP failure, crash) leaves it pending. False: sent,
   * settled or held elsewhere.
   */
  async claimForMail(m: EntityManager, id: string): Promise<boolean> {
    const [rows] = (await m.query(
      `UPDATE notification SET email_state = 'sent', email_error = NULL, emailed_at = now()
        WHERE id = (SELECT id FROM notification WHERE id = $1 AND email_state = 'pending' FOR UPDATE SKIP LOCKED) RETURNING id`,
      [id],
    )) as [{ id: string }[], number];
    return rows.length === 1;
  }

  /** A pending row nobody wants mailed any more (preference off, consent withdrawn, erased) ends off, under the same claim rule. */
  async settleOff(id: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE notification SET email_state = 'off' WHERE id = (SELECT id FROM notification WHERE id = $1 AND email_state = 'pending' FOR UPDATE SKIP LOCKED)`,
      [id],
    );
  }

  async account(m: EntityManager, accountId: string): Promise<MailAccount | null> {
    const [row] = (await m.query(
      `SELECT a.id, CASE WHEN a.erased_at IS NULL THEN a.email END AS email, a.display_name AS "displayName", a.locale,
              EXISTS (SELECT 1 FROM creative_profile cp WHERE cp.account_id = a.id AND cp.matching_consent_at IS NOT NULL) AS "matchingConsent"
         FROM account a WHERE a.id = $1`,
      [accountId],
    )) as MailAccount[];
    return row ?? null;
  }

  async mode(m: EntityManager, accountId: string, category: NotificationCategory): Promise<DeliveryMode> {
    return (await this.modes(m, [accountId])).get(`${accountId}:${category}`) ?? DEFAULT_MODES[category];
  }

  async setState(m: EntityManager, ids: readonly string[], state: EmailState, error: string | null = null): Promise<void> {
    await m.query(
      `UPDATE notification SET email_state = $2, email_error = $3, emailed_at = CASE WHEN $2 IN ('sent', 'digested') THEN now() ELSE emailed_at END WHERE id = ANY($1::uuid[])`,
      [ids, state, error],
    );
  }

  /** Counts a failed attempt; at `maxAttempts` the row ends FAILED (admins list and retry those). */
  async recordFailure(m: EntityManager, id: string, error: string, maxAttempts: number): Promise<{ final: boolean }> {
    const [row] = (await m.query(
      `UPDATE notification SET email_attempts = email_attempts + 1, email_error = left($2, 500),
              email_state = CASE WHEN email_attempts + 1 >= $3 THEN 'failed' ELSE email_state END
        WHERE id = $1 RETURNING email_state`,
      [id, error, maxAttempts],
    )) as [{ email_state: string }[], number];
    return { final: row[0]?.email_state === EmailState.Failed };
  }

  /** Accounts with digest items and the cadence their items are due on now. */
  async digestAccounts(limit: number): Promise<string[]> {
    const rows = (await this.dataSource.query(
      `SELECT DISTINCT account_id FROM notification WHERE email_state = 'digest' LIMIT $1`,
      [limit],
    )) as { account_id: string }[];
    return rows.map((r) => r.account_id);
  }

  async lockDigestItems(m: EntityManager, accountId: string): Promise<MailRow[]> {
    return (await m.query(`SELECT ${ROW} FROM notification WHERE account_id = $1 AND email_state = 'digest' ORDER BY created_at FOR UPDATE SKIP LOCKED`, [accountId])) as MailRow[];
  }

  async lastDigest(m: EntityManager, accountId: string): Promise<Map<string, Date>> {
    const rows = (await m.query(`SELECT cadence, last_sent_at FROM notification_digest WHERE account_id = $1 FOR UPDATE`, [accountId])) as { cadence: string; last_sent_at: Date }[];
    return new Map(rows.map((r) => [r.cadence, r.last_sent_at]));
  }

  async markDigestSent(m: EntityManager, accountId: string, cadence: DeliveryMode.Daily | DeliveryMode.Weekly, at: Date): Promise<void> {
    await m.query(
      `INSERT INTO notification_digest (account_id, cadence, last_sent_at) VALUES ($1, $2, $3)
       ON CONFLICT (account_id, cadence) DO UPDATE SET last_sent_at = EXCLUDED.last_sent_at`,
      [accountId, cadence, at],
    );
  }
}
