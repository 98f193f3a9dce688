import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { AccountRepository } from './accounts/account.repository.js';
import { AccountsService } from './accounts/accounts.service.js';
import { PasswordAttemptRepository } from './accounts/password-attempt.repository.js';
import { PasswordCheck } from './accounts/password-check.js';
import { AccountMailHandler } from './mail/account-mail.handler.js';
import { MailDrop } from './mail/mail-drop.js';
import { Mailer } from './mail/mailer.js';
import { MembershipRepository } from './memberships/membership.repository.js';
import { MembershipsService } from './memberships/memberships.service.js';
import { SessionRepository } from './sessions/session.repository.js';
import { SessionsService } from './sessions/sessions.service.js';
import { TOKEN_SECRET, tokenSecretFactory } from './token-secret.js';

const SECRET = { provide: TOKEN_SECRET, inject: [APP_CONFIG], useFactory: (config: AppConfig) => tokenSecretFactory(config) };
const REPOSITORIES = [AccountRepository, SessionRepository, MembershipRepository];
const SERVICES = [AccountsService, SessionsService, MembershipsService];
/** Every check of a password goes through PasswordCheck (limits per account and per address). */
const PASSWORDS = [PasswordAttemptRepository, PasswordCheck];

/** Accounts, sessions, organisation memberships and invitations. Needs DatabaseModule and JobsModule. */
@Module({
  providers: [SECRET, ...REPOSITORIES, ...PASSWORDS, ...SERVICES, MailDrop],
  exports: [...SERVICES, MembershipRepository, AccountRepository, MailDrop, TOKEN_SECRET],
})
export class IdentityModule {}

/** The worker's part: mailing verification, reset and invitation links. */
@Module({
  providers: [SECRET, ...REPOSITORIES, Mailer, AccountMailHandler],
  exports: [AccountMailHandler, Mailer, TOKEN_SECRET],
})
export class IdentityWorkerModule {}
