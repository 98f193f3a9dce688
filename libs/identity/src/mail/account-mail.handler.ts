import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { AccountEmailKind, JobName, JobStatus, OnJob, OutboxStore, OutboxTopic, type JobDataOf } from '@app/jobs';
import { CreativeInvitationEntity } from '@app/database';
import type { DataSource } from 'typeorm';
import { AccountRepository } from '../accounts/account.repository.js';
import { MembershipRepository } from '../memberships/membership.repository.js';
import { CREATIVE_INVITATION_LINK, linkToken } from '../sessions/signed-tokens.js';
import { TOKEN_SECRET } from '../token-secret.js';
import { creativeInvitationMail, invitationMail, type MailLocale, resetPasswordMail, verifyEmailMail } from './account-mail.templates.js';
import { Mailer, type OutgoingMail } from './mailer.js';

/**
 * Worker side of account mail. The payload names a row; the handler re-reads it and skips rows
 * that were used, revoked, expired or erased meanwhile. The link is recomputed from the row, so
 * a retried job sends the same link (and the mail drop rewrites the same file).
 */
@Injectable()
export class AccountMailHandler {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(TOKEN_SECRET) private readonly secret: string,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accounts: AccountRepository,
    private readonly memberships: MembershipRepository,
    private readonly mailer: Mailer,
    private readonly outbox: OutboxStore,
  ) {}

  @OnJob(JobName.SendAccountEmail)
  async send(data: JobDataOf<JobName.SendAccountEmail>): Promise<JobStatus> {
    const mail = await this.render(data.kind, data.id);
    if (mail) await this.mailer.send(mail);
    await this.outbox.markProcessed(OutboxTopic.AccountEmail, data.kind, data.id, data.upToOutboxId);
    return mail ? JobStatus.Success : JobStatus.Skipped;
  }

  private async render(kind: AccountEmailKind, id: string): Promise<OutgoingMail | null> {
    const key = `${kind}-${id}`;
    if (kind === AccountEmailKind.CreativeInvitation) {
      const invitation = await this.dataSource.manager.findOneBy(CreativeInvitationEntity, { id });
      // Declined, accepted or expired meanwhile: its data is gone, nothing to send.
      if (!invitation || invitation.status !== 'pending' || !invitation.email || !invitation.data || invitation.expiresAt.getTime() <= Date.now()) return null;
      const importer = invitation.importedBy ? await this.accounts.findById(invitation.importedBy) : null;
      const url = `${this.config.publicUrl}/creative-invitations/accept?token=${linkToken(this.secret, CREATIVE_INVITATION_LINK, invitation.id, invitation.createdAt)}`;
      return creativeInvitationMail(key, invitation.email, invitation.data.displayName, importer?.displayName ?? 'Modrotisk', invitation.note, url, invitation.expiresAt);
    }
    if (kind === AccountEmailKind.Invitation) {
      const invitation = await this.memberships.findInvitation(id);
      if (!invitation || invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt.getTime() <= Date.now()) return null;
      const inviter = invitation.invitedBy ? await this.accounts.findById(invitation.invitedBy) : null;
      const what = await this.describeInvitation(invitation.kind, invitation.organisationId ?? invitation.challengeId ?? '', invitation.role);
      const url = `${this.config.publicUrl}/invitations/accept?token=${linkToken(this.secret, 'invitation', invitation.id, invitation.createdAt)}`;
      return invitationMail(key, invitation.email, invitation.locale as MailLocale, what, inviter?.displayName ?? 'Modrotisk', url);
    }
    const token = await this.accounts.findToken(id);
    if (!token || token.usedAt || token.expiresAt.getTime() <= Date.now()) return null;
    const account = await this.accounts.findById(token.accountId);
    if (!account) return null;
    const secret = linkToken(this.secret, token.purpose, token.id, token.createdAt);
    const locale = account.locale as MailLocale;
    return kind === AccountEmailKind.VerifyEmail
      ? verifyEmailMail(key, account.email, locale, account.displayName, `${this.config.publicUrl}/verify-email?token=${secret}`)
      : resetPasswordMail(key, account.email, locale, account.displayName, `${this.config.publicUrl}/reset-password?token=${secret}`);
  }

  private async describeInvitation(kind: string, targetId: string, role: string | null): Promise<{ sl: string; en: string }> {
    if (kind === 'organisation') {
      const [org] = (await this.dataSource.query(`SELECT name FROM organisation WHERE id = $1`, [targetId])) as { name: string }[];
      const roles: Record<string, { sl: string; en: string }> = {
        owner: { sl: 'lastnik', en: 'owner' }, editor: { sl: 'urednik', en: 'editor' }, reviewer: { sl: 'ocenjevalec', en: 'reviewer' },
      };
      const r = roles[role ?? 'reviewer'];
      return { sl: `pridružite se organizaciji ${org?.name ?? ''} (vloga: ${r.sl})`, en: `join ${org?.name ?? ''} as ${r.en}` };
    }
    const [challenge] = (await this.dataSource.query(`SELECT coalesce(title_sl, title_en) AS title_sl, coalesce(title_en, title_sl) AS title_en FROM challenge WHERE id = $1`, [targetId])) as { title_sl: string; title_en: string }[];
    return { sl: `bodite član žirije izziva »${challenge?.title_sl ?? ''}«`, en: `join the jury of the challenge "${challenge?.title_en ?? ''}"` };
  }
}
