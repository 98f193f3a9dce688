export interface NotificationSubjectRef {
  /** Its kind: those addressed to the challenge's organisation lead to its own pages. */
  kind?: string;
  subjectType: string;
  subjectId: string;
  subjectChallengeId: string | null;
}

export type NotificationTarget =
  | { to: '/challenges/$challengeId'; params: { challengeId: string } }
  | { to: '/me/proposals/$proposalId'; params: { proposalId: string } }
  | { to: '/needs/$needId'; params: { needId: string } }
  | { to: '/organisations/$organisationId'; params: { organisationId: string } }
  | { to: '/support/$measureId'; params: { measureId: string } }
  | { to: '/me/challenges/$challengeId/proposals'; params: { challengeId: string } }
  | { to: '/me/challenges/$challengeId/proposals/$proposalId'; params: { challengeId: string; proposalId: string } };

/** Kinds addressed to the members of a challenge's organisation (the server's ORGANISATION_KINDS). */
const ORGANISATION_KINDS = ['proposal-submitted', 'proposal-withdrawn', 'challenge-question'];

/**
 * Where a notification leads: its challenge, the proposal (its authors' page for outcome
 * notifications; the organisation's page for a proposal received), need or organisation. Events have no page yet:
 * null, and the inbox shows the item without a link. A subject the reader may no longer see has
 * no challenge id from the API, so it gets no link either.
 */
export function notificationTarget(n: NotificationSubjectRef): NotificationTarget | null {
  // A proposal received or a question asked: the organisation's inbox for that challenge.
  if (n.kind && ORGANISATION_KINDS.includes(n.kind) && n.subjectChallengeId) {
    return n.subjectType === 'proposal'
      ? { to: '/me/challenges/$challengeId/proposals/$proposalId', params: { challengeId: n.subjectChallengeId, proposalId: n.subjectId } }
      : { to: '/me/challenges/$challengeId/proposals', params: { challengeId: n.subjectChallengeId } };
  }
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
  'proposal-not-shortlisted', 'proposal-submitted', 'proposal-withdrawn', 'challenge-question', 'challenge-question-answered', 'challenge-invitation', 'need-contact', 'municipal-yearly-reminder',
  'event-registration-approved', 'event-registration-declined', 'meeting-requested', 'meeting-accepted', 'meeting-declined', 'meeting-cancelled',
  'event-agenda-published', 'event-schedule-ready', 'support-measure-match', 'support-measure-deadline-7d', 'support-measure-deadline-1d',
] as const;

export function headlineKey(kind: string): `inbox.kind.${(typeof KNOWN_KINDS)[number] | 'other'}` {
  const known = KNOWN_KINDS.find((k) => k === kind);
  return `inbox.kind.${known ?? 'other'}`;
}

