import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, Clock, type AppConfig } from '@app/config';
import { Mailer, TOKEN_SECRET, type OutgoingMail } from '@app/identity';
import { JobName, JobQueues, JobStatus, OnJob, type JobDataOf } from '@app/jobs';
import type { EntityManager } from 'typeorm';
import { digestMail, instantMail, type Locale, type MailItem, type Recipient } from '../mail-templates/notification-mail.js';
import { CONSENT_CATEGORIES, DEFAULT_MODES, DeliveryMode, EmailState, type NotificationCategory } from '../notification-categories.js';
import { unsubscribeToken } from '../preferences/unsubscribe-token.js';
import { type MailAccount, type MailRow, NotificationStore } from './notification-store.js';
import { linkFor, SubjectDirectory, subjectKey } from './subject-directory.js';

/** Rows planned per dispatch transaction; the sweep runs again at once while there are more. */
const PLAN_BATCH = 1000;
/** Mails per send job, and sent at the same time within one job (the SMTP pool has 8 connections). */
const MAIL_BATCH = 50;
const MAIL_PARALLELISM = 8;
/** After this many failed attempts a mail ends FAILED (admins list and retry them). */
export const MAX_MAIL_ATTEMPTS = 5;
/**
 * A mail still pending this long after its row was written is queued again: its job may be lost
 * (queue flushed, Redis lost) or stuck behind a crashed worker's lock. Sending it twice is
 * impossible either way (row lock, state check), so this only shortens the wait.
 */
const STALE_PENDING_MS = 2 * 60_000;
const DIGEST_PERIOD_MS: Record<DeliveryMode.Daily | DeliveryMode.Weekly, number> = { [DeliveryMode.Daily]: 24 * 3600_000, [DeliveryMode.Weekly]: 7 * 24 * 3600_000 };

/**
 * The mail side of notifications. Inbox rows are the outbox: every committed row is planned by
 * the dispatch sweep (instant, digest or off, from the person's preference), instant ones get a
 * job keyed by the row id. Each mail goes out under a lock on its row, and the row is marked in
 * the same transaction, so a retried or redelivered job finds it sent and sends nothing.
 */
@Injectable()
export class NotificationMailHandlers {
  private readonly logger = new Logger(NotificationMailHandlers.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(TOKEN_SECRET) private readonly secret: string,
    private readonly store: NotificationStore,
    private readonly subjects: SubjectDirectory,
    private readonly mailer: Mailer,
    private readonly queues: JobQueues,
    private readonly clock: Clock,
  ) {}

  @OnJob(JobName.NotificationDispatch)
  async dispatch(): Promise<JobStatus> {
    let total = 0;
    for (;;) {
      const { planned, instant } = await this.store.dataSource.transaction((m) => this.store.planBatch(m, PLAN_BATCH));
      // Queued only after the plan is committed: a send job queued inside the transaction could run
      // before the commit, find its rows not yet pending and skip them, leaving them to the stale
      // sweep (2 minutes late; seen in bench:fanout). Should queueing fail now, that sweep sends them.
      await this.queueMails(instant);
      total += planned;
      if (planned < PLAN_BATCH) break;
    }
    const stale = await this.store.stalePending(STALE_PENDING_MS, PLAN_BATCH);
    await this.queueMails(stale, `stale-${Date.now()}`);
    if (total > 0) this.logger.debug(`planned ${total} notification mail(s)`);
    return total > 0 || stale.length > 0 ? JobStatus.Success : JobStatus.Skipped;
  }

  /**
   * Queues mails in batches by row id. Correctness does not rest on the job id: each row is sent
   * under its own lock and only while pending, so a batch queued twice sends nothing twice.
   */
  async queueMails(ids: readonly string[], round = 'planned'): Promise<void> {
    const jobs = [];
    for (let from = 0; from < ids.length; from += MAIL_BATCH) {
      const notificationIds = ids.slice(from, from + MAIL_BATCH);
      // A re-queue of stale rows needs a new id: the queue may still keep the first job (e.g. failed).
      jobs.push({ item: { name: JobName.SendNotificationEmail, data: { notificationIds } } as const, jobId: `notification-mail.${round}.${notificationIds[0]}.${notificationIds.length}` });
    }
    if (jobs.length > 0) await this.queues.queueAll(jobs);
  }

  /**
   * Reads what the batch needs in a few statements, then mails each row in its own transaction:
   * claim the row (one statement: lock it unless another worker holds it, check it is still
   * pending, mark it sent), send over SMTP, commit. The mail is rendered before the transaction, so
   * a connection is held only for the claim, the SMTP exchange and the commit. A worker killed
   * between the SMTP server's acceptance and the commit leaves the row pending, and the retry sends
   * the same message again under the same Message-ID (receivers that deduplicate by Message-ID show
   * it once); nothing is ever lost. Rows nobody wants mailed any more are settled off the same way.
   */
  @OnJob(JobName.SendNotificationEmail)
  async send(data: JobDataOf<JobName.SendNotificationEmail>): Promise<JobStatus> {
    const rows = await this.store.pendingRows(data.notificationIds);
    if (rows.length === 0) return JobStatus.Skipped;
    const accounts = await this.store.accounts(rows.map((r) => r.accountId));
    const modes = await this.store.modes(this.store.dataSource.manager, [...accounts.keys()]);
    const items = new Map((await this.items(this.store.dataSource.manager, rows)).map((i) => [i.id, i]));
    const failures: Error[] = [];
    let sent = 0;
    await forEachLimited(rows, MAIL_PARALLELISM, async (row) => {
      const account = accounts.get(row.accountId);
      try {
        if (!account?.email || !wantedNow(row, account, modes)) {
          await this.store.settleOff(row.id);
          return;
        }
        const mail = instantMail(items.get(row.id) as MailItem, recipient(account), this.unsubscribeUrl(account.id, [row.category]));
        const done = await this.store.dataSource.transaction(async (m) => {
          if (!(await this.store.claimForMail(m, row.id))) return false;
          await this.mailer.send(mail);
          return true;
        });
        if (done) sent += 1;
      } catch (error) {
        const failure = error instanceof Error ? error : new Error(String(error));
        const { final } = await this.store.dataSource.transaction((m) => this.store.recordFailure(m, row.id, failure.message, MAX_MAIL_ATTEMPTS));
        if (final) this.logger.warn(`notification mail ${row.id} failed for good after ${MAX_MAIL_ATTEMPTS} attempts: ${failure.message}`);
        else failures.push(failure);
      }
    });
    // After the rows are settled: BullMQ retries the batch with backoff; sent rows are skipped then.
    if (failures.length > 0) throw new Error(`${failures.length} of ${rows.length} mail(s) failed, retrying: ${failures[0].message}`);
    return sent > 0 ? JobStatus.Success : JobStatus.Skipped;
  }

  /** Due digests as of the injected clock's time (the worker passes the JobContext second, never a time). */
  @OnJob(JobName.NotificationDigests)
  async digests(_data: JobDataOf<JobName.NotificationDigests>): Promise<JobStatus> {
    const now = this.clock.now();
    let sent = 0;
    for (const accountId of await this.store.digestAccounts(10_000)) {
      const result = await this.store.dataSource.transaction((m) => this.digestFor(m, accountId, now));
      // After the commit, for the reason given in dispatch().
      await this.queueMails(result.instant);
      sent += result.sent;
    }
    if (sent > 0) this.logger.log(`sent ${sent} digest(s)`);
    return sent > 0 ? JobStatus.Success : JobStatus.Skipped;
  }

  /**
   * One digest per due cadence: the items waiting for it, by their category's current mode.
   * Answers the digests sent and the rows now pending an instant mail (for the caller to queue).
   */
  private async digestFor(m: EntityManager, accountId: string, now: Date): Promise<{ sent: number; instant: string[] }> {
    const rows = await this.store.lockDigestItems(m, accountId);
    const account = await this.store.account(m, accountId);
    if (rows.length === 0 || !account) return { sent: 0, instant: [] };
    if (!account.email) {
      await this.store.setState(m, rows.map((r) => r.id), EmailState.Off);
      return { sent: 0, instant: [] };
    }
    const last = await this.store.lastDigest(m, accountId);
    let sent = 0;
    const byCadence = new Map<DeliveryMode, MailRow[]>();
    for (const row of rows) {
      const mode = (await this.stillWanted(m, row, account)) ? await this.store.mode(m, accountId, row.category) : DeliveryMode.Off;
      byCadence.set(mode, [...(byCadence.get(mode) ?? []), row]);
    }
    await this.store.setState(m, (byCadence.get(DeliveryMode.Off) ?? []).map((r) => r.id), EmailState.Off);
    const instant = (byCadence.get(DeliveryMode.Instant) ?? []).map((r) => r.id);
    await this.store.setState(m, instant, EmailState.Pending);
    for (const cadence of [DeliveryMode.Daily, DeliveryMode.Weekly] as const) {
      const due = byCadence.get(cadence) ?? [];
      const previous = last.get(cadence);
      if (due.length === 0 || (previous && now.getTime() - previous.getTime() < DIGEST_PERIOD_MS[cadence])) continue;
      const items = await this.items(m, due);
      const key = `digest-${cadence.toLowerCase()}-${accountId}-${now.toISOString().slice(0, 13)}`;
      await this.mailer.send(digestMail(key, items, recipient(account), cadence, this.unsubscribeUrl(accountId, [...new Set(due.map((r) => r.category))])));
      await this.store.setState(m, due.map((r) => r.id), EmailState.Digested);
      await this.store.markDigestSent(m, accountId, cadence, now);
      sent += 1;
    }
    return { sent, instant };
  }

  /** Preference and consent as they are now: withdrawing either stops mail that is already queued. */
  private async stillWanted(m: EntityManager, row: MailRow, account: MailAccount): Promise<boolean> {
    if (CONSENT_CATEGORIES.includes(row.category) && !account.matchingConsent) return false;
    return (await this.store.mode(m, account.id, row.category)) !== DeliveryMode.Off;
  }

  private async items(m: EntityManager, rows: readonly MailRow[]): Promise<MailItem[]> {
    const subjects = await this.subjects.describe(m, rows);
    return rows.map((row) => {
      const subject = subjects.get(subjectKey(row)) ?? { groupId: null, title: { sl: '(izbrisano)', en: '(removed)' }, url: this.config.publicUrl, deadline: null };
      return { id: row.id, kind: row.kind, reason: { sl: row.reasonSl, en: row.reasonEn }, subject: { ...subject, url: linkFor(row.kind, row, subject, this.config.publicUrl) } };
    });
  }

  private unsubscribeUrl(accountId: string, categories: readonly NotificationCategory[]): string {
    return `${this.config.publicUrl.replace(/\/$/, '')}/notifications/unsubscribe?token=${unsubscribeToken(this.secret, accountId, categories)}`;
  }
}

/** The same rule as stillWanted, on preloaded modes (one statement per batch). */
function wantedNow(row: MailRow, account: MailAccount, modes: ReadonlyMap<string, DeliveryMode>): boolean {
  if (CONSENT_CATEGORIES.includes(row.category) && !account.matchingConsent) return false;
  return (modes.get(`${account.id}:${row.category}`) ?? DEFAULT_MODES[row.category]) !== DeliveryMode.Off;
}

async function forEachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]);
  }));
}

function recipient(account: MailAccount): Recipient {
  return { email: account.email as string, name: account.displayName ?? '', locale: (account.locale === 'en' ? 'en' : 'sl') as Locale };
}

export type { OutgoingMail };
