/**
 * The one typed job catalogue. Payloads carry ids only, never personal data: a handler re-reads
 * what it needs, so a retried or late job never acts on stale or erased data.
 */
export enum QueueName {
  Search = 'search',
  Marketplace = 'marketplace',
  /** Email and in-app messages. */
  Notifications = 'notifications',
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
}

/** What an account email is about; the id is an `account_token` or `invitation` row. */
export enum AccountEmailKind {
  VerifyEmail = 'verify-email',
  ResetPassword = 'reset-password',
  Invitation = 'invitation',
}

/** Kinds of rows that have a search projection. */
export enum SearchableType {
  Challenge = 'challenge',
  Creative = 'creative',
  Need = 'need',
  Offer = 'offer',
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

export interface NotifyProposalOutcomePayload {
  proposalId: string;
  upToOutboxId: string;
}

export type JobItem =
  | { name: JobName.SearchSyncDocument; data: SearchSyncDocumentPayload }
  | { name: JobName.SearchReindexAll; data: SearchReindexAllPayload }
  | { name: JobName.ChallengeDeadlineSweep; data: ChallengeDeadlineSweepPayload }
  | { name: JobName.SendAccountEmail; data: SendAccountEmailPayload }
  | { name: JobName.NotifyProposalOutcome; data: NotifyProposalOutcomePayload };

export type JobOf<N extends JobName> = Extract<JobItem, { name: N }>;
export type JobDataOf<N extends JobName> = JobOf<N>['data'];

/** Which queue carries each job. A `Record` over the enum: a new job without a queue does not compile. */
export const JOB_QUEUE: Readonly<Record<JobName, QueueName>> = {
  [JobName.SearchSyncDocument]: QueueName.Search,
  [JobName.SearchReindexAll]: QueueName.Search,
  [JobName.ChallengeDeadlineSweep]: QueueName.Marketplace,
  [JobName.SendAccountEmail]: QueueName.Notifications,
  [JobName.NotifyProposalOutcome]: QueueName.Notifications,
};

/** Jobs the worker schedules itself (BullMQ job schedulers, upserted at every worker start). */
export const JOB_SCHEDULES: readonly { id: string; everyMs: number; item: JobItem }[] = [
  { id: 'challenge-deadline-sweep', everyMs: 60_000, item: { name: JobName.ChallengeDeadlineSweep, data: { trigger: 'schedule' } } },
];

/** Outbox topics and the job each becomes. */
export enum OutboxTopic {
  SearchSync = 'search.sync',
  /** aggregate type: an AccountEmailKind; aggregate id: the token or invitation row. */
  AccountEmail = 'account.email',
  /** aggregate: the proposal whose outcome was decided. */
  ProposalOutcome = 'proposal.outcome',
}

/** Explicit outcomes (throw only for retryable failures). */
export enum JobStatus {
  Success = 'success',
  Skipped = 'skipped',
  Failed = 'failed',
}
