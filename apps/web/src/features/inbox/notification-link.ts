export interface NotificationSubjectRef {
  subjectType: string;
  subjectId: string;
  subjectChallengeId: string | null;
}

export type NotificationTarget =
  | { to: '/challenges/$challengeId'; params: { challengeId: string } }
  | { to: '/me/proposals/$proposalId'; params: { proposalId: string } }
  | { to: '/needs/$needId'; params: { needId: string } }
  | { to: '/organisations/$organisationId'; params: { organisationId: string } }
  | { to: '/support/$measureId'; params: { measureId: string } };

/**
 * Where a notification leads: its challenge, the proposal (its authors' page: every proposal
 * notification goes to the authors), need or organisation. Events have no page yet:
 * null, and the inbox shows the item without a link. A subject the reader may no longer see has
 * no challenge id from the API, so it gets no link either.
 */
export function notificationTarget(n: NotificationSubjectRef): NotificationTarget | null {
  switch (n.subjectType) {
    case 'proposal':
      return n.subjectChallengeId ? { to: '/me/proposals/$proposalId', params: { proposalId: n.subjectId } } : null;
    case 'challenge':
      return n.subjectChallengeId ? { to: '/challenges/$challengeId', params: { challengeId: n.subjectChallengeId } } : null;
    case 'need':
      return { to: '/needs/$needId', params: { needId: n.subjectId } };
    case 'organisation':
      return { to: '/organisations/$organisationId', params: { organisationId: n.subjectId } };
    case 'support-measure':
      return { to: '/support/$measureId', params: { measureId: n.subjectId } };
    default:
      return null;
  }
}

/** Kinds the catalogue has a headline for (the server's NOTIFICATION_KINDS); anything newer reads "A new notification". */
export const KNOWN_KINDS = [
  'challenge-match', 'need-match', 'profile-matches', 'deadline-7d', 'deadline-1d', 'proposal-awarded', 'proposal-not-awarded', 'proposal-shortlisted',
  'proposal-not-shortlisted', 'challenge-question', 'challenge-question-answered', 'challenge-invitation', 'need-contact', 'municipal-yearly-reminder',
  'event-registration-approved', 'event-registration-declined', 'meeting-requested', 'meeting-accepted', 'meeting-declined', 'meeting-cancelled',
  'event-agenda-published', 'event-schedule-ready', 'support-measure-match', 'support-measure-deadline-7d', 'support-measure-deadline-1d',
] as const;

export function headlineKey(kind: string): `inbox.kind.${(typeof KNOWN_KINDS)[number] | 'other'}` {
  const known = KNOWN_KINDS.find((k) => k === kind);
  return `inbox.kind.${known ?? 'other'}`;
}

