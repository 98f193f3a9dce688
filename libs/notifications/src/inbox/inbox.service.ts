import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { JobName, JobQueues } from '@app/jobs';
import type { DataSource } from 'typeorm';
import { EmailState } from '../notification-categories.js';

export interface InboxItem {
  id: string;
  kind: string;
  category: string | null;
  subjectType: string;
  subjectId: string;
  reasonSl: string | null;
  reasonEn: string | null;
  readAt: Date | null;
  emailState: string | null;
  createdAt: Date;
}

export interface FailedMail extends InboxItem {
  accountId: string;
  emailAttempts: number;
  emailError: string | null;
}

const COLUMNS = `id, kind, category, subject_type AS "subjectType", subject_id AS "subjectId", reason_sl AS "reasonSl", reason_en AS "reasonEn",
  read_at AS "readAt", email_state AS "emailState", created_at AS "createdAt"`;

/** The in-app inbox: one's own notifications, newest first; and, for admins, mails that failed for good. */
@Injectable()
export class InboxService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queues: JobQueues,
  ) {}

  /** Newest first; `after` is the last id of the previous page. */
  async list(accountId: string, first: number, after: string | null, unreadOnly: boolean): Promise<{ items: InboxItem[]; hasNextPage: boolean; totalCount: number }> {
    const params: unknown[] = [accountId, first + 1];
    let where = `account_id = $1${unreadOnly ? ' AND read_at IS NULL' : ''}`;
    if (after) {
      params.push(after);
      where += ` AND (created_at, id) < (SELECT created_at, id FROM notification WHERE id = $3 AND account_id = $1)`;
    }
    const rows = (await this.dataSource.query(`SELECT ${COLUMNS} FROM notification WHERE ${where} ORDER BY created_at DESC, id DESC LIMIT $2`, params)) as InboxItem[];
    const [count] = (await this.dataSource.query(`SELECT count(*)::int AS n FROM notification WHERE account_id = $1${unreadOnly ? ' AND read_at IS NULL' : ''}`, [accountId])) as { n: number }[];
    return { items: rows.slice(0, first), hasNextPage: rows.length > first, totalCount: count.n };
  }

  /** The language the account reads notifications in. */
  async localeOf(accountId: string): Promise<'sl' | 'en'> {
    const [row] = (await this.dataSource.query(`SELECT locale FROM account WHERE id = $1`, [accountId])) as { locale: string }[];
    return row?.locale === 'en' ? 'en' : 'sl';
  }

  async unreadCount(accountId: string): Promise<number> {
    const [row] = (await this.dataSource.query(`SELECT count(*)::int AS n FROM notification WHERE account_id = $1 AND read_at IS NULL`, [accountId])) as { n: number }[];
    return row.n;
  }

  /** Marks the given items (or all, when ids is null) read; only the caller's own. Answers the unread count after. */
  async markRead(accountId: string, ids: readonly string[] | null): Promise<number> {
    if (ids === null) await this.dataSource.query(`UPDATE notification SET read_at = now() WHERE account_id = $1 AND read_at IS NULL`, [accountId]);
    else await this.dataSource.query(`UPDATE notification SET read_at = now() WHERE account_id = $1 AND id = ANY($2::uuid[]) AND read_at IS NULL`, [accountId, ids]);
    return this.unreadCount(accountId);
  }

  async failedMails(first: number): Promise<FailedMail[]> {
    return (await this.dataSource.query(
      `SELECT ${COLUMNS}, account_id AS "accountId", email_attempts AS "emailAttempts", email_error AS "emailError"
         FROM notification WHERE email_state = 'failed' ORDER BY created_at DESC LIMIT $1`,
      [first],
    )) as FailedMail[];
  }

  /** Sends failed mails again (attempts start over); answers how many were queued. */
  async retryFailed(ids: readonly string[]): Promise<number> {
    const rows = (await this.dataSource.query(
      `UPDATE notification SET email_state = $2, email_attempts = 0, email_error = NULL WHERE id = ANY($1::uuid[]) AND email_state = 'failed' RETURNING id`,
      [ids, EmailState.Pending],
    )) as [{ id: string }[], number];
    const retried = rows[0].map((r) => r.id);
    // A fresh job id: the failed job of the first round may still be kept by the queue.
    const jobs = [];
    for (let from = 0; from < retried.length; from += 50) {
      jobs.push({ item: { name: JobName.SendNotificationEmail, data: { notificationIds: retried.slice(from, from + 50) } } as const, jobId: `notification-mail.retry-${Date.now()}-${from}` });
    }
    if (jobs.length > 0) await this.queues.queueAll(jobs);
    return retried.length;
  }
}
