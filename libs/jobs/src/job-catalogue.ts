/**
 * The one typed job catalogue. Payloads carry ids only, never personal data: a handler re-reads
 * what it needs, so a retried or late job never acts on stale or erased data.
 */
export enum QueueName {
  Search = 'search',
  Marketplace = 'marketplace',
  /** Email and in-app messages. */
  Notifications = 'notifications',
  /** Match-making events: the meeting scheduler (CPU-bound, one at a time) and the participant index. */
  Events = 'events',
}

export enum JobName {
  /** Bring one document of the search index in line with its PostgreSQL row. */
  SearchSyncDocument = 'search-sync-document',
  /** Rebuild one index (or all) from PostgreSQL and drop documents whose rows are gone. */
  SearchReindexAll = 'search-reindex-all',
  /** Close submissions of every published challenge whose deadline has passed. */
  ChallengeDeadlineSweep = 'challenge-deadline-sweep',
  /** Mail one account link (verification, password reset) or invitation. */
  SendAccountEmail = 'send-account-email',
  /** Tell a proposal's authors the decision (in-app inbox; email delivery comes with the notifications pipeline). */
  NotifyProposalOutcome = 'notify-proposal-outcome',
  /** Tell the owner organisation's members that a proposal was submitted or withdrawn (inbox; mail by their preference). */
  NotifyProposalReceived = 'notify-proposal-received',
  /** Plan the email of new inbox rows (instant, digest or off) and queue the instant ones. */
  NotificationDispatch = 'notification-dispatch',
  /** Mail a few inbox rows at once (each under its own row lock). */
  SendNotificationEmail = 'send-notification-email',
  /** Send the daily and weekly digests that are due. */
  NotificationDigests = 'notification-digests',
  /** A challenge was published: tell the creatives it matches (one inbox row each). */
  FanOutChallengeMatches = 'fan-out-challenge-matches',
  /** A need was published: tell the creatives it matches. */
  FanOutNeedMatches = 'fan-out-need-matches',
  /** Remind authors of draft proposals 7 days and 1 day before the deadline. */
  DeadlineReminders = 'deadline-reminders',
  /** Remind municipalities without this year's public-service challenge (from MUNICIPAL_REMINDER_DATE). */
  MunicipalYearlyReminder = 'municipal-yearly-reminder',
  /** Tell owners of open challenges about new or updated creatives that match them, batched. */
  ProfileMatchesBatch = 'profile-matches-batch',
  /** Place an event's accepted meetings into slots and tables, and write the run's report. */
  ScheduleEventMeetings = 'schedule-event-meetings',
  /** Bring one event participant's search document in line with PostgreSQL. */
  SyncEventParticipant = 'sync-event-participant',
  /** A support measure was published: tell the eligible creatives and organisations it fits (one inbox row each). */
  FanOutSupportMeasureMatches = 'fan-out-support-measure-matches',
  /** Remind those told about a support measure 7 days and 1 day before its deadline. */
  SupportMeasureReminders = 'support-measure-reminders',
}

/** What an account email is about; the id is an `account_token`, `invitation` or `creative_invitation` row. */
export enum AccountEmailKind {
  VerifyEmail = 'verify-email',
  ResetPassword = 'reset-password',
  Invitation = 'invitation',
  /** An imported creative is invited to accept (or decline) their profile and to consent. */
  CreativeInvitation = 'creative-invitation',
}

/** Kinds of rows that have a search projection. */
export enum SearchableType {
  Challenge = 'challenge',
  Creative = 'creative',
  Need = 'need',
  Offer = 'offer',
  SupportMeasure = 'support-measure',
}

export interface SearchSyncDocumentPayload {
  type: SearchableType;
  id: string;
  /** The highest outbox event id this job answers; the handler marks events up to it processed. */
  upToOutboxId: string;
}

export interface SearchReindexAllPayload {
  /** Omitted: every index. */
  type?: SearchableType;
  reason: 'manual' | 'startup-drift' | 'test';
}

export interface ChallengeDeadlineSweepPayload {
  trigger: 'schedule' | 'manual' | 'test';
}

export interface SendAccountEmailPayload {
  kind: AccountEmailKind;
  id: string;
  upToOutboxId: string;
}

export interface ScheduledPayload {
  trigger: 'schedule' | 'manual' | 'test';
}

export interface MunicipalYearlyReminderPayload extends ScheduledPayload {
  /** The calendar year to remind about; omitted: the current year in Slovenia. */
  year?: number;
}

export interface SendNotificationEmailPayload {
  /** Inbox rows planned for an instant mail (at most MAIL_BATCH). */
  notificationIds: string[];
}

export interface FanOutPayload {
  /** The published challenge or need. */
  id: string;
  upToOutboxId: string;
}

export interface NotifyProposalOutcomePayload {
  proposalId: string;
  upToOutboxId: string;
}

/** What happened to a proposal, as its challenge's organisation hears it. */
export type ProposalActivity = 'submitted' | 'withdrawn';

export interface NotifyProposalReceivedPayload {
  proposalId: string;
  activity: ProposalActivity;
  upToOutboxId: string;
}

export interface ScheduleEventMeetingsPayload {
  /** The schedule_run row the organiser started. */
  runId: string;
  upToOutboxId: string;
}

export interface SyncEventParticipantPayload {
  participantId: string;
  upToOutboxId: string;
}

export type JobItem =
  | { name: JobName.SearchSyncDocument; data: SearchSyncDocumentPayload }
  | { name: JobName.SearchReindexAll; data: SearchReindexAllPayload }
  | { name: JobName.ChallengeDeadlineSweep; data: ChallengeDeadlineSweepPayload }
  | { name: JobName.SendAccountEmail; data: SendAccountEmailPayload }
  | { name: JobName.NotifyProposalOutcome; data: NotifyProposalOutcomePayload }
  | { name: JobName.NotifyProposalReceived; data: NotifyProposalReceivedPayload }
  | { name: JobName.NotificationDispatch; data: ScheduledPayload }
  | { name: JobName.SendNotificationEmail; data: SendNotificationEmailPayload }
  | { name: JobName.NotificationDigests; data: ScheduledPayload }
  | { name: JobName.FanOutChallengeMatches; data: FanOutPayload }
  | { name: JobName.FanOutNeedMatches; data: FanOutPayload }
  | { name: JobName.DeadlineReminders; data: ScheduledPayload }
  | { name: JobName.ProfileMatchesBatch; data: ScheduledPayload }
  | { name: JobName.MunicipalYearlyReminder; data: MunicipalYearlyReminderPayload }
  | { name: JobName.ScheduleEventMeetings; data: ScheduleEventMeetingsPayload }
  | { name: JobName.SyncEventParticipant; data: SyncEventParticipantPayload }
  | { name: JobName.FanOutSupportMeasureMatches; data: FanOutPayload }
  | { name: JobName.SupportMeasureReminders; data: ScheduledPayload };

export type JobOf<N extends JobName> = Extract<JobItem, { name: N }>;
export type JobDataOf<N extends JobName> = JobOf<N>['data'];

/** Which queue carries each job. A `Record` over the enum: a new job without a queue does not compile. */
export const JOB_QUEUE: Readonly<Record<JobName, QueueName>> = {
  [JobName.SearchSyncDocument]: QueueName.Search,
  [JobName.SearchReindexAll]: QueueName.Search,
  [JobName.ChallengeDeadlineSweep]: QueueName.Marketplace,
  [JobName.SendAccountEmail]: QueueName.Notifications,
  [JobName.NotifyProposalOutcome]: QueueName.Notifications,
  [JobName.NotifyProposalReceived]: QueueName.Notifications,
  [JobName.NotificationDispatch]: QueueName.Notifications,
  [JobName.SendNotificationEmail]: QueueName.Notifications,
  [JobName.NotificationDigests]: QueueName.Notifications,
  [JobName.FanOutChallengeMatches]: QueueName.Marketplace,
  [JobName.FanOutNeedMatches]: QueueName.Marketplace,
  [JobName.DeadlineReminders]: QueueName.Marketplace,
  [JobName.ProfileMatchesBatch]: QueueName.Marketplace,
  [JobName.MunicipalYearlyReminder]: QueueName.Marketplace,
  [JobName.ScheduleEventMeetings]: QueueName.Events,
  [JobName.SyncEventParticipant]: QueueName.Events,
  [JobName.FanOutSupportMeasureMatches]: QueueName.Marketplace,
  [JobName.SupportMeasureReminders]: QueueName.Marketplace,
};

/** Jobs the worker schedules itself (BullMQ job schedulers, upserted at every worker start). */
export const JOB_SCHEDULES: readonly { id: string; everyMs: number; item: JobItem }[] = [
  { id: 'challenge-deadline-sweep', everyMs: 60_000, item: { name: JobName.ChallengeDeadlineSweep, data: { trigger: 'schedule' } } },
  // Inbox rows are the outbox of mail: a sweep plans every committed row, even if Redis was down.
  { id: 'notification-dispatch', everyMs: 2_000, item: { name: JobName.NotificationDispatch, data: { trigger: 'schedule' } } },
  { id: 'notification-digests', everyMs: 10 * 60_000, item: { name: JobName.NotificationDigests, data: { trigger: 'schedule' } } },
  { id: 'deadline-reminders', everyMs: 60 * 60_000, item: { name: JobName.DeadlineReminders, data: { trigger: 'schedule' } } },
  { id: 'profile-matches-batch', everyMs: 15 * 60_000, item: { name: JobName.ProfileMatchesBatch, data: { trigger: 'schedule' } } },
  { id: 'support-measure-reminders', everyMs: 60 * 60_000, item: { name: JobName.SupportMeasureReminders, data: { trigger: 'schedule' } } },
  { id: 'municipal-yearly-reminder', everyMs: 6 * 3600_000, item: { name: JobName.MunicipalYearlyReminder, data: { trigger: 'schedule' } } },
];

/** Outbox topics and the job each becomes. */
export enum OutboxTopic {
  SearchSync = 'search.sync',
  /** aggregate type: an AccountEmailKind; aggregate id: the token or invitation row. */
  AccountEmail = 'account.email',
  /** aggregate: the proposal whose outcome was decided. */
  ProposalOutcome = 'proposal.outcome',
  /** aggregate type: a ProposalActivity (submitted, withdrawn); aggregate id: the proposal. Tells the owner organisation's members. */
  ProposalReceived = 'proposal.received',
  /** aggregate: a challenge just published (public, stage one): fan out to matching creatives. */
  ChallengePublished = 'challenge.published',
  /** aggregate: a need just published. */
  NeedPublished = 'need.published',
  /** aggregate: a schedule_run the organiser started. */
  ScheduleRequested = 'event.schedule',
  /** aggregate: an event participant whose search document must follow (registered, changed, withdrawn). */
  EventParticipantChanged = 'event.participant',
  /** aggregate: a support measure just published: fan out to those it fits. */
  SupportMeasurePublished = 'support-measure.published',
}

/** Explicit outcomes (throw only for retryable failures). */
export enum JobStatus {
  Success = 'success',
  Skipped = 'skipped',
  Failed = 'failed',
}
