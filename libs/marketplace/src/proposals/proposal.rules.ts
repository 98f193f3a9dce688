/** Proposal states. WITHDRAWN is final; a creative may start a new proposal afterwards. */
export enum ProposalStatus {
  Draft = 'DRAFT',
  Submitted = 'SUBMITTED',
  Withdrawn = 'WITHDRAWN',
}

export enum ProposalOutcome {
  Awarded = 'AWARDED',
  NotAwarded = 'NOT_AWARDED',
}

export enum OutcomeKind {
  Contract = 'CONTRACT',
  Production = 'PRODUCTION',
  Job = 'JOB',
  Exhibition = 'EXHIBITION',
  Nothing = 'NOTHING',
}

/** How the caller sees a proposal: authors and the owner's members in full, jurors blind. */
export enum ProposalView {
  Author = 'author',
  Owner = 'owner',
  Juror = 'juror',
}

export const MAX_CO_AUTHORS = 10;

/**
 * In the second stage of a two-stage challenge only the shortlist is in play: jurors review,
 * rank and award shortlisted proposals; the others were told they were not shortlisted.
 */
export function inCurrentStage(challenge: { stage: number }, proposal: { shortlistedAt: Date | null }): boolean {
  return challenge.stage === 1 || proposal.shortlistedAt !== null;
}
