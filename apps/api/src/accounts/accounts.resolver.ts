import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { type Actor, AccountsService, SessionsService, type IssuedSession } from '@app/identity';
import type { AccountEntity } from '@app/database';
import { AdminOnly, Public, SignedIn } from '../auth/access.decorators.js';
import { ClientIp, CurrentActor, CurrentSession, type GraphQLContext } from '../auth/actor.js';
import { toOrganisation } from '../catalogue/catalogue.mappers.js';
import {
  Account, AuthPayload, ChangePasswordArgs, EmailArgs, LoginArgs, LogoutArgs, LogoutResult, RefreshArgs, ResetPasswordArgs, SetPlatformRolesArgs,
  SignUpInput, SignUpResult, TokenArgs, UpdateMyAccountInput,
} from './accounts.types.js';

const SIGN_UP_MESSAGE = 'Check your mailbox: we sent a link to confirm the address (or, if it already has an account, a link to set a new password).';

/** Sign-up, email verification, sign-in, sessions, passwords. */
@Resolver(() => Account)
export class AccountsResolver {
  constructor(
    private readonly accounts: AccountsService,
    private readonly sessions: SessionsService,
  ) {}

  @Public()
  @Mutation(() => SignUpResult, { description: 'Creates an account and mails a confirmation link.' })
  async signUp(@Args('input') input: SignUpInput): Promise<SignUpResult> {
    await this.accounts.signUp(input);
    return { message: SIGN_UP_MESSAGE };
  }

  @Public()
  @Mutation(() => Boolean, { description: 'Confirms the email address with the token from the mailed link.' })
  async verifyEmail(@Args() { token }: TokenArgs): Promise<boolean> {
    await this.accounts.verifyEmail(token);
    return true;
  }

  @SignedIn()
  @Mutation(() => Boolean, { description: 'Mails a new confirmation link (at most 3 an hour).' })
  async resendVerificationEmail(@CurrentActor() actor: Actor): Promise<boolean> {
    await this.accounts.resendVerification(actor);
    return true;
  }

  @Public()
  @Mutation(() => AuthPayload, { description: 'Signs in. After 5 failed attempts for an account (or 30 from an address) in 15 minutes: RATE_LIMITED.' })
  async login(@Args() { email, password }: LoginArgs, @ClientIp() ip: string, @Context() context: GraphQLContext): Promise<AuthPayload> {
    return this.payload(await this.sessions.login(email, password, ip), context);
  }

  @Public()
  @Mutation(() => AuthPayload, { description: 'Exchanges a refresh token for new tokens (the old refresh token stops working).' })
  async refreshSession(@Args() { refreshToken }: RefreshArgs, @Context() context: GraphQLContext): Promise<AuthPayload> {
    return this.payload(await this.sessions.refresh(refreshToken), context);
  }

  @SignedIn()
  @Mutation(() => LogoutResult)
  async logout(@Args() { everywhere }: LogoutArgs, @CurrentActor() actor: Actor, @CurrentSession() sessionId: string | null): Promise<LogoutResult> {
    return { sessionsEnded: await this.sessions.logout(actor, sessionId, everywhere) };
  }

  @Public()
  @Mutation(() => Boolean, { description: 'Mails a password reset link if the address has an account; answers true either way.' })
  async requestPasswordReset(@Args() { email }: EmailArgs): Promise<boolean> {
    await this.accounts.requestPasswordReset(email);
    return true;
  }

  @Public()
  @Mutation(() => Boolean, { description: 'Sets a new password with the mailed token; every session of the account ends.' })
  async resetPassword(@Args() { token, newPassword }: ResetPasswordArgs): Promise<boolean> {
    await this.accounts.resetPassword(token, newPassword);
    return true;
  }

  @SignedIn()
  @Mutation(() => Boolean, { description: 'Needs the current password; every other session ends.' })
  async changePassword(
    @Args() { currentPassword, newPassword }: ChangePasswordArgs, @CurrentActor() actor: Actor, @CurrentSession() sessionId: string | null, @ClientIp() ip: string,
  ): Promise<boolean> {
    await this.accounts.changePassword(actor, currentPassword, newPassword, ip, sessionId ?? undefined);
    return true;
  }

  @SignedIn()
  @Query(() => Account, { description: 'The signed-in account.' })
  async me(@CurrentActor() actor: Actor, @Context() context: GraphQLContext): Promise<Account> {
    return this.toAccount(await this.accounts.requireAccount(actor), actor, context);
  }

  @SignedIn()
  @Mutation(() => Account)
  async updateMyAccount(@Args('input') input: UpdateMyAccountInput, @CurrentActor() actor: Actor, @Context() context: GraphQLContext): Promise<Account> {
    return this.toAccount(await this.accounts.updateProfile(actor, input), actor, context);
  }

  @AdminOnly()
  @Mutation(() => Boolean, { description: 'Grants or removes platform roles (admin, organiser).' })
  async setPlatformRoles(@Args() { accountId, roles }: SetPlatformRolesArgs, @CurrentActor() actor: Actor): Promise<boolean> {
    await this.accounts.setPlatformRoles(actor, accountId, roles);
    return true;
  }

  private async payload(session: IssuedSession, context: GraphQLContext): Promise<AuthPayload> {
    const actor = await this.sessions.actorFor(session.account);
    return { ...session, account: await this.toAccount(session.account, actor, context) };
  }

  private async toAccount(account: AccountEntity, actor: Actor, context: GraphQLContext): Promise<Account> {
    const fresh = actor.accountId === account.id ? await this.sessions.actorFor(account) : actor;
    const organisations = await Promise.all([...fresh.memberships.keys()].map((id) => context.loaders.organisation.load(id)));
    return {
      id: account.id,
      email: account.email,
      emailVerified: account.emailVerifiedAt !== null,
      displayName: account.displayName,
      locale: account.locale as 'sl' | 'en',
      platformRoles: fresh.platformRoles as Account['platformRoles'],
      memberships: organisations.flatMap((o) => (o ? [{ organisation: toOrganisation(o), role: fresh.memberships.get(o.id) as Account['memberships'][number]['role'] }] : [])),
      creativeProfileId: fresh.creativeProfileId,
      createdAt: account.createdAt,
    };
  }
}
