/**
 * The data inventory (GDPR Art. 30): every table that holds rows about a person, with where the
 * export puts them and what erasure does with them. A test compares it with the live schema
 * (every table with an account or creative-profile column must be here), so a new table cannot
 * slip past the export and the erasure unnoticed: add it here, to PersonalDataService and to
 * AccountErasureService together.
 */
export interface PersonalDataTable {
  /** The top-level key of the export document that carries the rows, or why they are left out. */
  export: { section: PersonalDataSection } | { excluded: string };
  /** What deleteMyAccount does with the rows, and why anything is kept. */
  erasure: string;
}

/** Top-level keys of the export document (besides its header). */
export type PersonalDataSection =
  | 'account' | 'sessions' | 'mailedLinks' | 'memberships' | 'invitations' | 'creativeProfile' | 'challengeInvitations'
  | 'proposals' | 'questions' | 'jury' | 'notifications' | 'awardOutcomesRecorded' | 'events';

/** What an anonymised creative profile is called once its person is gone (shown on kept awards), in both languages. */
export const ERASED_AUTHOR_NAME = 'Odstranjen udeleženec / Removed participant';
/** What a tombstone account is called (shown in the jury list of a decided challenge), in both languages. */
export const ERASED_ACCOUNT_NAME = 'Odstranjen udeleženec / Removed participant';

export const PERSONAL_DATA_TABLES: Readonly<Record<string, PersonalDataTable>> = {
  account: {
    export: { section: 'account' },
    erasure: 'deleted; a tombstone (no email address, no name, no password, erased_at) only while jury records of a published decision point at it',
  },
  account_session: { export: { section: 'sessions' }, erasure: 'deleted: every session ends, so issued access tokens stop working at once' },
  account_token: { export: { section: 'mailedLinks' }, erasure: 'deleted: mailed links stop working and queued mails are skipped' },
  login_attempt: {
    export: { excluded: 'keyed by HMACs of the email and IP address, so it holds no readable personal data; a row counts for 15 minutes only' },
    erasure: 'nothing to do: the keys cannot be tied back to the person without the server secret, and expire from the throttle in 15 minutes',
  },
  membership: { export: { section: 'memberships' }, erasure: 'deleted; refused while the person is the only owner of an organisation with other members' },
  invitation: { export: { section: 'invitations' }, erasure: 'deleted: those sent to their address and those they sent' },
  creative_invitation: {
    export: {
      excluded: 'an imported person\'s pending invitation holds the row as imported (address, name, place, texts) until they decide: it is shown only to the holder of the mailed link '
        + '(creativeInvitation), never in the importer\'s export or anyone else\'s; accepting turns it into their profile (exported as creativeProfile) and empties it',
    },
    erasure: 'email, data and note cleared on accept (it became the profile), on decline and on expiry (30 days); the rows to the address are deleted with the account; '
      + 'for rows the person imported, only the link to them is cleared',
  },
  creative_profile: {
    export: { section: 'creativeProfile' },
    erasure: 'deleted; kept anonymised (placeholder name; texts, links, skills, kind, municipality, availability and dates overwritten; unowned, out of search and listings) while it authors a published award',
  },
  offer: { export: { section: 'creativeProfile' }, erasure: 'deleted (and removed from search)' },
  creative_portfolio_item: {
    export: { section: 'creativeProfile' },
    erasure: 'deleted with the profile (also when the profile stays anonymised); their images: rows deleted in the transaction, files from disk after commit',
  },
  matching_consent_event: { export: { section: 'creativeProfile' }, erasure: 'deleted with the profile (also when the profile stays anonymised)' },
  challenge_invitee: { export: { section: 'challengeInvitations' }, erasure: 'deleted' },
  proposal: {
    export: { section: 'proposals' },
    erasure: 'those they lead are deleted with their files, except awarded proposals of challenges whose decision is published (public funds)',
  },
  proposal_author: { export: { section: 'proposals' }, erasure: 'deleted, except on kept awarded proposals, where the anonymised profile stays the author' },
  attachment: {
    export: { section: 'proposals' },
    erasure: 'files of deleted proposals and portfolio images (exported under creativeProfile.portfolioItems): rows deleted in the transaction, files from disk after commit',
  },
  challenge_question: {
    export: { section: 'questions' },
    erasure: 'unanswered ones deleted; answered ones are public Q&A that never showed the asker, so they stay without the account',
  },
  jury_member: { export: { section: 'jury' }, erasure: 'deleted, except on challenges whose award decision is published: kept on the tombstone account' },
  conflict_declaration: { export: { section: 'jury' }, erasure: 'as jury_member' },
  review_score: { export: { section: 'jury' }, erasure: 'as jury_member: the scores behind a published decision stay auditable' },
  notification: { export: { section: 'notifications' }, erasure: 'deleted' },
  notification_preference: { export: { section: 'notifications' }, erasure: 'deleted' },
  notification_digest: {
    export: { excluded: 'when the last digest went out: bookkeeping of the mail schedule, nothing the person said or did' },
    erasure: 'deleted (cascade with the account)',
  },
  outbox_event: {
    export: { excluded: 'ids of changed rows only (as are the job payloads in the queue), never personal data' },
    erasure: 'nothing to do: events for erased rows make the worker remove their search documents or skip their mails',
  },
  event_participant: {
    export: { section: 'events' },
    erasure: "a creative's participations are deleted with their availability, requests, meetings and feedback (and leave the event directory); for an organisation's participation only the link to the person who registered it is cleared",
  },
  event: { export: { section: 'events' }, erasure: 'kept (the organisers\' event); the link to the account that created it is cleared' },
  schedule_run: {
    export: { excluded: 'a scheduler run holds figures about an event, not about the person who started it; only the account link points at them' },
    erasure: 'kept; the link to the account that started it is cleared',
  },
  award_outcome: { export: { section: 'awardOutcomesRecorded' }, erasure: 'kept (organisation records for funders); who recorded them is cleared' },
};
