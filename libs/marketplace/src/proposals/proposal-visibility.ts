import { Injectable } from '@nestjs/common';
import type { ChallengeEntity, ProposalEntity } from '@app/database';
import { type Actor, canReviewFor } from '@app/identity';
import { ChallengeRepository } from '../challenges/challenge.repository.js';
import { isUuid } from '../common/pagination.js';
import { JuryRepository } from '../jury/jury.repository.js';
import { ChallengeStatus } from '../reference/index.js';
import { ProposalRepository } from './proposal.repository.js';
import { ProposalStatus, ProposalView, inCurrentStage } from './proposal.rules.js';

export interface VisibleProposal {
  proposal: ProposalEntity;
  challenge: ChallengeEntity;
  view: ProposalView;
}

/** Challenges whose submitted proposals jurors may read. */
export const JURY_PHASES: readonly string[] = [ChallengeStatus.SubmissionsClosed, ChallengeStatus.InReview, ChallengeStatus.Awarded, ChallengeStatus.ClosedWithoutAward];

/**
 * The one place that decides who sees a proposal. Confidential: its authors; the owner
 * organisation's members (once submitted); assigned jurors (blind, once submissions closed);
 * platform admins as owners. Everyone else: it does not exist.
 */
@Injectable()
export class ProposalVisibility {
  constructor(
    private readonly proposals: ProposalRepository,
    private readonly challenges: ChallengeRepository,
    private readonly jury: JuryRepository,
  ) {}

  async find(actor: Actor, proposalId: string): Promise<VisibleProposal | null> {
    const proposal = isUuid(proposalId) ? await this.proposals.findById(proposalId) : null;
    if (!proposal) return null;
    const challenge = await this.challenges.findById(proposal.challengeId);
    if (!challenge) return null;
    const view = await this.viewOf(actor, proposal, challenge);
    return view ? { proposal, challenge, view } : null;
  }

  async viewOf(actor: Actor, proposal: ProposalEntity, challenge: ChallengeEntity): Promise<ProposalView | null> {
    if (actor.creativeProfileId && (await this.proposals.isAuthor(proposal.id, actor.creativeProfileId))) return ProposalView.Author;
    // Drafts, and drafts withdrawn before they were ever submitted, are the authors' own.
    if (proposal.status === ProposalStatus.Draft || proposal.submittedAt === null) return null;
    if (canReviewFor(actor, challenge.ownerOrganisationId)) return ProposalView.Owner;
    if (proposal.status === ProposalStatus.Submitted && JURY_PHASES.includes(challenge.status) && inCurrentStage(challenge, proposal) && (await this.jury.isJuror(challenge.id, actor.accountId))) {
      return ProposalView.Juror;
    }
    return null;
  }
}
