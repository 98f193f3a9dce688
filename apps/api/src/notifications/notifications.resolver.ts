import { Args, ArgsType, Context, Field, ID, Int, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { MarketplaceException } from '@app/marketplace';
import { DeliveryMode, type InboxItem, InboxService, NotificationCategory, notificationHeadline, pickLanguage, PreferenceError, PreferencesService } from '@app/notifications';
import { ArrayMaxSize, IsArray, IsBoolean, IsEnum, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { AdminOnly, SignedIn } from '../auth/access.decorators.js';
import { type Actor, CurrentActor, type GraphQLContext } from '../auth/actor.js';
import { graphqlEnum, LocalizedText } from '../catalogue/catalogue.types.js';
import { LocaleEnum } from '../accounts/accounts.types.js';
import { NotificationSubjects } from './notification-subjects.js';

export const NotificationCategoryEnum = graphqlEnum(NotificationCategory, 'NotificationCategory');
export const DeliveryModeEnum = graphqlEnum(DeliveryMode, 'DeliveryMode');

@ObjectType({ description: 'One item of your in-app inbox.' })
export class Notification {
  @Field(() => ID) id: string;
  @Field({ description: 'e.g. challenge-match, proposal-awarded, deadline-1d.' }) kind: string;
  @Field(() => NotificationCategoryEnum, { nullable: true, description: 'Set once its delivery is planned (a few seconds).' }) category: NotificationCategory | null;
  @Field({ description: 'challenge, need, proposal or organisation.' }) subjectType: string;
  @Field(() => ID) subjectId: string;
  @Field(() => LocalizedText, { nullable: true, description: 'Why you get it.' }) reason: LocalizedText | null;
  @Field() read: boolean;
  @Field(() => String, { nullable: true, description: 'Its email: pending, digest, sent, digested, off or failed.' }) emailState: string | null;
  @Field() createdAt: Date;
}

@ObjectType()
export class NotificationPage {
  @Field(() => [Notification]) nodes: Notification[];
  @Field(() => Int) totalCount: number;
  @Field() hasNextPage: boolean;
  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page.' }) endCursor: string | null;
}

@ObjectType()
export class NotificationPreferenceType {
  @Field(() => NotificationCategoryEnum) category: NotificationCategory;
  @Field(() => DeliveryModeEnum) mode: DeliveryMode;
  @Field({ description: 'No choice made yet: this is the default.' }) isDefault: boolean;
}

@ObjectType({ description: 'A notification mail that failed for good (admins).' })
export class FailedNotificationMail {
  @Field(() => ID) id: string;
  @Field(() => ID) accountId: string;
  @Field() kind: string;
  @Field(() => Int) attempts: number;
  @Field(() => String, { nullable: true }) error: string | null;
  @Field() createdAt: Date;
}

@ArgsType()
class InboxArgs {
  @Field(() => Int, { nullable: true, description: 'Default 20, at most 50.' }) @IsOptional() @IsInt() @Min(1) @Max(50) first?: number;
  @Field(() => String, { nullable: true }) @IsOptional() @IsUUID() after?: string;
  @Field({ nullable: true, defaultValue: false }) @IsOptional() @IsBoolean() unreadOnly?: boolean;
}

@ArgsType()
class MarkReadArgs {
  @Field(() => [ID], { nullable: true, description: 'Omit to mark everything read.' }) @IsOptional() @IsArray() @ArrayMaxSize(200) @IsUUID('all', { each: true }) ids?: string[];
}

@ArgsType()
class PreferenceArgs {
  @Field(() => NotificationCategoryEnum) @IsEnum(NotificationCategory) category: NotificationCategory;
  @Field(() => DeliveryModeEnum) @IsEnum(DeliveryMode) mode: DeliveryMode;
}

@ArgsType()
class TitleArgs {
  @Field(() => LocaleEnum, { nullable: true, description: "Omitted: your account's language." }) @IsOptional() @IsIn(['sl', 'en']) locale?: 'sl' | 'en';
}

/** The subject is gone or hidden from the reader. */
const GONE = { sl: '(ni več na voljo)', en: '(no longer available)' } as const;

@ArgsType()
class FailedArgs {
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(200) first?: number;
}

@ArgsType()
class RetryArgs {
  @Field(() => [ID]) @IsArray() @ArrayMaxSize(500) @IsString({ each: true }) @MaxLength(64, { each: true }) ids: string[];
}

function toNotification(i: InboxItem): Notification {
  return {
    id: i.id, kind: i.kind, category: i.category as NotificationCategory | null, subjectType: i.subjectType, subjectId: i.subjectId,
    reason: i.reasonSl || i.reasonEn ? { sl: i.reasonSl, en: i.reasonEn } : null, read: i.readAt !== null, emailState: i.emailState, createdAt: i.createdAt,
  };
}

function accountOf(actor: Actor): string {
  if (!actor.accountId) throw MarketplaceException.forbidden('the inbox belongs to a person: sign in with an account');
  return actor.accountId;
}

/** The in-app inbox, notification preferences, and (admins) mails that failed for good. */
@Resolver()
export class NotificationsResolver {
  constructor(
    private readonly inbox: InboxService,
    private readonly preferences: PreferencesService,
  ) {}

  @SignedIn()
  @Query(() => NotificationPage, { description: 'Your notifications, newest first.' })
  async myNotifications(@Args() { first, after, unreadOnly }: InboxArgs, @CurrentActor() actor: Actor): Promise<NotificationPage> {
    const page = await this.inbox.list(accountOf(actor), first ?? 20, after ?? null, unreadOnly ?? false);
    const nodes = page.items.map(toNotification);
    return { nodes, totalCount: page.totalCount, hasNextPage: page.hasNextPage, endCursor: nodes.at(-1)?.id ?? null };
  }

  @SignedIn()
  @Query(() => Int)
  unreadNotificationCount(@CurrentActor() actor: Actor): Promise<number> {
    return this.inbox.unreadCount(accountOf(actor));
  }

  @SignedIn()
  @Mutation(() => Int, { description: 'Marks your notifications read (the given ones, or all); answers how many stay unread.' })
  markNotificationsRead(@Args() { ids }: MarkReadArgs, @CurrentActor() actor: Actor): Promise<number> {
    return this.inbox.markRead(accountOf(actor), ids ?? null);
  }

  @SignedIn()
  @Query(() => [NotificationPreferenceType], { description: 'How each category of notification reaches you by email.' })
  myNotificationPreferences(@CurrentActor() actor: Actor): Promise<NotificationPreferenceType[]> {
    return this.preferences.list(accountOf(actor));
  }

  @SignedIn()
  @Mutation(() => [NotificationPreferenceType], { description: 'INSTANT, DAILY or WEEKLY digest, or OFF, per category. OFF also stops mails already waiting.' })
  async setNotificationPreference(@Args() { category, mode }: PreferenceArgs, @CurrentActor() actor: Actor): Promise<NotificationPreferenceType[]> {
    try {
      return await this.preferences.set(accountOf(actor), category, mode);
    } catch (error) {
      if (error instanceof PreferenceError) throw MarketplaceException.invalid('category', error.message);
      throw error;
    }
  }

  @AdminOnly()
  @Query(() => [FailedNotificationMail], { description: 'Notification mails that failed after every retry, newest first.' })
  async failedNotificationMails(@Args() { first }: FailedArgs): Promise<FailedNotificationMail[]> {
    return (await this.inbox.failedMails(first ?? 50)).map((f) => ({ id: f.id, accountId: f.accountId, kind: f.kind, attempts: f.emailAttempts, error: f.emailError, createdAt: f.createdAt }));
  }

  @AdminOnly()
  @Mutation(() => Int, { description: 'Sends failed notification mails again; answers how many were queued.' })
  retryFailedNotificationMails(@Args() { ids }: RetryArgs): Promise<number> {
    return this.inbox.retryFailed(ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id)));
  }
}

/** What a notification is about, for the inbox: read now, as the reader may see it. */
@Resolver(() => Notification)
export class NotificationSubjectResolver {
  private readonly locales = new WeakMap<object, Promise<'sl' | 'en'>>();

  constructor(
    private readonly subjects: NotificationSubjects,
    private readonly inbox: InboxService,
  ) {}

  /** The account's language, read once per request. */
  private readerLocale(requestScope: object, actor: Actor): Promise<'sl' | 'en'> {
    let found = this.locales.get(requestScope);
    if (!found) {
      found = this.inbox.localeOf(accountOf(actor));
      this.locales.set(requestScope, found);
    }
    return found;
  }

  @SignedIn()
  @ResolveField(() => LocalizedText, { nullable: true, description: 'The title of what it is about (a proposal: its challenge); null when that is gone or you may not see it.' })
  async subjectTitle(@Parent() notification: Notification, @CurrentActor() actor: Actor, @Context() context: GraphQLContext): Promise<LocalizedText | null> {
    return (await this.subjects.load(context, actor, notification))?.title ?? null;
  }

  @SignedIn()
  @ResolveField(() => String, {
    description: 'What it says, as one line in the reader\'s language (e.g. "A new proposal arrived: <challenge title>"): the `locale` given, else your account\'s language. The inbox title and the mail subject.',
  })
  async title(@Parent() notification: Notification, @Args() { locale }: TitleArgs, @CurrentActor() actor: Actor, @Context() context: GraphQLContext): Promise<string> {
    const language = locale ?? (await this.readerLocale(context, actor));
    const subject = (await this.subjects.load(context, actor, notification))?.title;
    return notificationHeadline(notification.kind, subject ? pickLanguage(subject, language) || GONE[language] : GONE[language], language);
  }

  @SignedIn()
  @ResolveField(() => ID, { nullable: true, description: 'The challenge a challenge or proposal notification is about; null otherwise, or when you may not see it.' })
  async subjectChallengeId(@Parent() notification: Notification, @CurrentActor() actor: Actor, @Context() context: GraphQLContext): Promise<string | null> {
    return (await this.subjects.load(context, actor, notification))?.challengeId ?? null;
  }
}
