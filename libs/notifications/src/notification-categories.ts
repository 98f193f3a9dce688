/** Preferences are per category; each inbox kind belongs to one. */
export enum NotificationCategory {
  /** New challenges and needs that match a creative. */
  Matches = 'MATCHES',
  /** New or updated creative profiles that match an owner's open challenges. */
  Profiles = 'PROFILES',
  /** Deadline reminders for draft proposals. */
  Deadlines = 'DEADLINES',
  /** Shortlists and award decisions on one's proposals. */
  Proposals = 'PROPOSALS',
  /** Proposals submitted to (or withdrawn from) the challenges of one's organisation. */
  Received = 'RECEIVED',
  /** Questions on one's challenges, and answers to one's questions. */
  Questions = 'QUESTIONS',
  /** Invitations to challenges (into an invite-only one, or asked to apply to a public one), and organisations asking to talk about their needs. */
  Invitations = 'INVITATIONS',
  /** The municipal yearly public-service challenge. */
  Compliance = 'COMPLIANCE',
  /** Match-making events: registration decisions, meeting requests and answers, agendas. */
  Events = 'EVENTS',
  /** Support measures and calls for funding one may apply for. */
  Support = 'SUPPORT',
}

export enum DeliveryMode {
  Instant = 'INSTANT',
  Daily = 'DAILY',
  Weekly = 'WEEKLY',
  Off = 'OFF',
}

/** Email delivery of one inbox row. null in the database: not planned yet. */
export enum EmailState {
  Pending = 'pending',
  Digest = 'digest',
  Sent = 'sent',
  Digested = 'digested',
  Off = 'off',
  Failed = 'failed',
}

/** Without a stored preference: matches come as a daily digest, everything else at once. */
export const DEFAULT_MODES: Readonly<Record<NotificationCategory, DeliveryMode>> = {
  [NotificationCategory.Matches]: DeliveryMode.Daily,
  [NotificationCategory.Profiles]: DeliveryMode.Daily,
  [NotificationCategory.Deadlines]: DeliveryMode.Instant,
  [NotificationCategory.Proposals]: DeliveryMode.Instant,
  [NotificationCategory.Received]: DeliveryMode.Instant,
  [NotificationCategory.Questions]: DeliveryMode.Instant,
  [NotificationCategory.Invitations]: DeliveryMode.Instant,
  [NotificationCategory.Compliance]: DeliveryMode.Instant,
  [NotificationCategory.Events]: DeliveryMode.Instant,
  [NotificationCategory.Support]: DeliveryMode.Daily,
};

const KIND_CATEGORY: Readonly<Record<string, NotificationCategory>> = {
  'challenge-match': NotificationCategory.Matches,
  'need-match': NotificationCategory.Matches,
  'profile-matches': NotificationCategory.Profiles,
  'deadline-7d': NotificationCategory.Deadlines,
  'deadline-1d': NotificationCategory.Deadlines,
  'proposal-awarded': NotificationCategory.Proposals,
  'proposal-not-awarded': NotificationCategory.Proposals,
  'proposal-shortlisted': NotificationCategory.Proposals,
  'proposal-not-shortlisted': NotificationCategory.Proposals,
  'proposal-submitted': NotificationCategory.Received,
  'proposal-withdrawn': NotificationCategory.Received,
  'challenge-question': NotificationCategory.Questions,
  'challenge-question-answered': NotificationCategory.Questions,
  'challenge-invitation': NotificationCategory.Invitations,
  'need-contact': NotificationCategory.Invitations,
  'municipal-yearly-reminder': NotificationCategory.Compliance,
  'event-registration-approved': NotificationCategory.Events,
  'event-registration-declined': NotificationCategory.Events,
  'meeting-requested': NotificationCategory.Events,
  'meeting-accepted': NotificationCategory.Events,
  'meeting-declined': NotificationCategory.Events,
  'meeting-cancelled': NotificationCategory.Events,
  'event-agenda-published': NotificationCategory.Events,
  'event-schedule-ready': NotificationCategory.Events,
  'support-measure-match': NotificationCategory.Support,
  'support-measure-deadline-7d': NotificationCategory.Deadlines,
  'support-measure-deadline-1d': NotificationCategory.Deadlines,
};

export function categoryOf(kind: string): NotificationCategory {
  return KIND_CATEGORY[kind] ?? NotificationCategory.Proposals;
}

/**
 * Kinds addressed to the members of a challenge's organisation (not to authors or creatives): their
 * links lead to the organisation's own pages for the challenge, not to the public or author pages.
 */
export const ORGANISATION_KINDS: readonly string[] = ['proposal-submitted', 'proposal-withdrawn', 'challenge-question'];

/** Kinds known to the mail templates (a test checks each has words in both languages). */
export const NOTIFICATION_KINDS: readonly string[] = Object.keys(KIND_CATEGORY);

/** Categories that exist only for creatives who agreed to be matched. */
export const CONSENT_CATEGORIES: readonly NotificationCategory[] = [NotificationCategory.Matches];
