import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** First keys of the two-key advisory locks on an account's and an address's attempts (their own key spaces). */
const ACCOUNT_LOCK_SPACE = 7243111;
const IP_LOCK_SPACE = 7243112;

export interface AttemptCounts {
  /** Failures for the account since its last successful check, within the window. */
  byAccount: number;
  /** Failures from the address, within the window (successes elsewhere never lower it). */
  byIp: number;
  /** Age of the oldest failure that counts toward each figure (ms), null when there is none. */
  oldestByAccountMs: number | null;
  oldestByIpMs: number | null;
}

/**
 * All SQL on password attempts (table login_attempt: sign-ins and every other password check).
 * Rows are keyed by HMACs of the normalised email and of the client address, so the table holds
 * no readable personal data.
 */
@Injectable()
export class PasswordAttemptRepository {
  /**
   * Serialises checks of one account and of one address for the rest of the transaction. Always
   * the account first, then the address, each in its own lock class, so two checks never wait on
   * each other in a cycle.
   */
  async lock(manager: EntityManager, accountKey: string, ipKey: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock($1, hashtext($2))`, [ACCOUNT_LOCK_SPACE, accountKey]);
    await manager.query(`SELECT pg_advisory_xact_lock($1, hashtext($2))`, [IP_LOCK_SPACE, ipKey]);
  }

  async recentFailures(manager: EntityManager, accountKey: string, ipKey: string, windowMs: number): Promise<AttemptCounts> {
    const [row] = (await manager.query(
      `WITH cleared AS (SELECT coalesce(max(id), 0) AS last FROM login_attempt WHERE email_key = $1 AND succeeded)
       SELECT count(*) FILTER (WHERE a.email_key = $1 AND a.id > cleared.last)::int AS by_account,
              count(*) FILTER (WHERE a.ip_key = $2)::int AS by_ip,
              (extract(epoch FROM now() - min(a.created_at) FILTER (WHERE a.email_key = $1 AND a.id > cleared.last)) * 1000)::bigint AS oldest_account,
              (extract(epoch FROM now() - min(a.created_at) FILTER (WHERE a.ip_key = $2)) * 1000)::bigint AS oldest_ip
         FROM login_attempt a CROSS JOIN cleared
        WHERE (a.email_key = $1 OR a.ip_key = $2) AND NOT a.succeeded
          AND a.created_at > now() - make_interval(secs => $3::double precision / 1000)`,
      [accountKey, ipKey, windowMs],
    )) as { by_account: number; by_ip: number; oldest_account: string | null; oldest_ip: string | null }[];
    return {
      byAccount: row.by_account,
      byIp: row.by_ip,
      oldestByAccountMs: row.oldest_account === null ? null : Number(row.oldest_account),
      oldestByIpMs: row.oldest_ip === null ? null : Number(row.oldest_ip),
    };
  }

  /** Records an attempt as failed before the password is checked; `succeeded` turns it around. */
  async reserve(manager: EntityManager, accountKey: string, ipKey: string): Promise<string> {
    const [row] = (await manager.query(
      `INSERT INTO login_attempt (email_key, ip_key, succeeded) VALUES ($1, $2, false) RETURNING id::text AS id`,
      [accountKey, ipKey],
    )) as { id: string }[];
    return row.id;
  }

  /** Marks the attempt successful (clearing the account's earlier failures) and drops rows older than a day. */
  async succeeded(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`UPDATE login_attempt SET succeeded = true WHERE id = $1`, [id]);
    await manager.query(`DELETE FROM login_attempt WHERE created_at < now() - interval '1 day'`);
  }
}
