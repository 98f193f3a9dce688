import { Injectable } from '@nestjs/common';
import type { ChallengeEntity, InvitationEntity, ProposalEntity } from '@app/database';
import { type Actor, canReviewFor, isOwnerOf, MembershipsService, MembershipRepository } from '@app/identity';
import type { EntityManager } from 'typeorm';
import { ChallengeRepository } from '../challenges/challenge.repository.js';
import { ChallengeTermsRepository } from '../challenges/challenge-terms.repository.js';
import { canSeeChallenge } from '../challenges/challenges.service.js';
import { MarketplaceException } from '../common/marketplace.errors.js';
import { isUuid } from '../common/pagination.js';
import { ProposalRepository } from '../proposals/proposal.repository.js';
import { ProposalStatus, ProposalView, inCurrentStage } from '../proposals/proposal.rules.js';
import { JURY_PHASES, ProposalVisibility } from '../proposals/proposal-visibility.js';
import { ChallengeStatus } from '../reference/index.js';
import { type JurorRow, JuryRepository } from './jury.repository.js';
import { rankProposals, type RankedProposal } from './scoring.js';

export interface RubricScore {
  criterionId: string;
  score: number;
  comment?: string | null;
}

export interface JuryQueueEntry {
  proposal: ProposalEntity;
  /** The juror answered the conflict-of-interest question (no conflict: a conflict takes it off the queue). */
  declared: boolean;
  scores: RubricScore[];
  /** Every criterion scored. */
  scored: boolean;
}

export interface JuryRoom {
  challenge: ChallengeEntity;
  isJuror: boolean;
  /** A member of the owner organisation: the chair's view (ranking, disagreements). */
  canRank: boolean;
  /** An owner of the organisation: awards and publishes the decision. */
  canDecide: boolean;
  view: ProposalView;
  queue: JuryQueueEntry[];
  conflictCount: number;
  scoredCount: number;
  ranking: (RankedProposal & { proposal: ProposalEntity })[] | null;
}

/**
 * Juries: the challenge owner invites jurors; jurors declare conflicts per proposal and score
 * the rubric blind; rankings normalise each juror's scale.
 */
@Injectable()
export class JuryService {
  constructor(
    private readonly jury: JuryRepository,
    private readonly challenges: ChallengeRepository,
    private readonly terms: ChallengeTermsRepository,
    private readonly proposals: ProposalRepository,
    private readonly visibility: ProposalVisibility,
    private readonly memberships: MembershipsService,
    private readonly membershipRows: MembershipRepository,
  ) {}

  /** Owners invite jurors by email (the invitation is accepted with an account of that address). */
  async inviteJuror(actor: Actor, challengeId: string, email: string, locale: 'sl' | 'en'): Promise<InvitationEntity> {
    const challenge = await this.ownedChallenge(actor, challengeId);
    if ([ChallengeStatus.Awarded, ChallengeStatus.ClosedWithoutAward, ChallengeStatus.Cancelled].includes(challenge.status as ChallengeStatus)) {
      throw MarketplaceException.invalidState(`challenge ${challengeId} is decided; its jury is closed`);
    }
    return this.memberships.invite(actor, { kind: 'jury', challengeId: challenge.id }, email, locale);
  }

  /** Turns an accepted jury invitation into a seat (called inside the acceptance transaction). */
  async assignFromInvitation(manager: EntityManager, invitation: InvitationEntity, accountId: string): Promise<void> {
    if (invitation.kind !== 'jury' || !invitation.challengeId) throw MarketplaceException.invalidState('not a jury invitation');
    await this.jury.add(manager, invitation.challengeId, accountId);
  }

  /** The owner organisation of the challenge a jury invitation is for (null: not a jury invitation). */
  async ownerOfInvitationChallenge(invitationId: string): Promise<string | null> {
    if (!isUuid(invitationId)) return null;
    const invitation = await this.membershipRows.findInvitation(invitationId);
    if (!invitation?.challengeId) return null;
    return (await this.challenges.findById(invitation.challengeId))?.ownerOrganisationId ?? null;
  }

  async jurors(actor: Actor, challengeId: string): Promise<JurorRow[]> {
    const challenge = await this.visibleChallenge(actor, challengeId);
    if (!canReviewFor(actor, challenge.ownerOrganisationId)) throw MarketplaceException.forbidden(`the jury of challenge ${challengeId} is visible to its organisation`);
    return this.jury.jurors(challenge.id);
  }

  async openJuryInvitations(actor: Actor, challengeId: string): Promise<InvitationEntity[]> {
    const challenge = await this.ownedChallenge(actor, challengeId);
    return this.membershipRows.openInvitations({ challengeId: challenge.id });
  }

  async removeJuror(actor: Actor, challengeId: string, accountId: string): Promise<void> {
    const challenge = await this.ownedChallenge(actor, challengeId);
    if (!isUuid(accountId) || !(await this.jury.remove(challenge.id, accountId))) throw MarketplaceException.notFound('Juror', accountId);
  }

  /** Challenges where the caller sits on the jury. */
  async myJuryChallenges(actor: Actor): Promise<ChallengeEntity[]> {
    if (!actor.accountId) return [];
    return this.challenges.findByIds(await this.jury.challengesOf(actor.accountId));
  }

  async isJuror(actor: Actor, challengeId: string): Promise<boolean> {
    return isUuid(challengeId) && this.jury.isJuror(challengeId, actor.accountId);
  }

  /** A juror declares, per proposal, whether they have a conflict of interest; with one, they do not score it. */
  async declareConflict(actor: Actor, proposalId: string, hasConflict: boolean, reason: string | null): Promise<void> {
    const { proposal, challenge } = await this.asJuror(actor, proposalId);
    if (![ChallengeStatus.SubmissionsClosed, ChallengeStatus.InReview].includes(challenge.status as ChallengeStatus)) {
      throw MarketplaceException.invalidState(`challenge ${challenge.id} is not in review`);
    }
    const text = reason?.trim() || null;
    if (hasConflict && !text) throw MarketplaceException.invalid('reason', 'say briefly what the conflict is (it stays with the organisation)');
    await this.jury.declare(proposal.id, actor.accountId as string, hasConflict, text);
  }

  /** Replaces the juror's rubric for one proposal: every criterion, 0-10, optional comment. */
  async score(actor: Actor, proposalId: string, scores: readonly RubricScore[]): Promise<void> {
    const { proposal, challenge } = await this.asJuror(actor, proposalId);
    if (challenge.status !== ChallengeStatus.InReview) throw MarketplaceException.invalidState(`challenge ${challenge.id} is ${challenge.status.toLowerCase().replace(/_/g, ' ')}; scoring happens in review`);
    const declaration = await this.jury.declaration(proposal.id, actor.accountId as string);
    if (!declaration) throw MarketplaceException.invalidState('declare first whether you have a conflict of interest with this proposal');
    if (declaration.hasConflict) throw MarketplaceException.invalidState('you declared a conflict of interest with this proposal, so you do not score it');
    const criteria = await this.terms.criteria([challenge.id]);
    if (criteria.length === 0) throw MarketplaceException.invalidState(`challenge ${challenge.id} has no evaluation criteria`);
    const known = new Set(criteria.map((c) => c.id));
    scores.forEach((s, i) => {
      if (!known.has(s.criterionId)) throw MarketplaceException.invalid(`scores.${i}.criterionId`, `criterion ${s.criterionId} is not one of this challenge's`);
      if (!Number.isInteger(s.score) || s.score < 0 || s.score > 10) throw MarketplaceException.invalid(`scores.${i}.score`, 'a score is a whole number from 0 to 10');
      if ((s.comment?.length ?? 0) > 2000) throw MarketplaceException.invalid(`scores.${i}.comment`, 'a comment has at most 2,000 characters');
    });
    const given = new Set(scores.map((s) => s.criterionId));
    if (given.size !== scores.length) throw MarketplaceException.invalid('scores', 'each criterion once');
    const missing = criteria.find((c) => !given.has(c.id));
    if (missing) throw MarketplaceException.invalid('scores', `score every criterion; missing: ${missing.nameEn ?? missing.nameSl}`);
    await this.jury.replaceScores(proposal.id, actor.accountId as string, scores.map((s) => ({ criterionId: s.criterionId, score: s.score, comment: s.comment?.trim() || null })));
  }

  async myScores(actor: Actor, proposalId: string) {
    const { proposal } = await this.asJuror(actor, proposalId);
    return this.jury.scoresBy(actor.accountId as string, proposal.id);
  }

  /** The ranking of submitted proposals: the owner's members and the jurors (who see blind codes only). */
  async ranking(actor: Actor, challengeId: string): Promise<{ challenge: ChallengeEntity; view: ProposalView; proposals: Map<string, ProposalEntity>; ranked: RankedProposal[] }> {
    const challenge = await this.visibleChallenge(actor, challengeId);
    const owner = canReviewFor(actor, challenge.ownerOrganisationId);
    if (!owner && !(await this.jury.isJuror(challenge.id, actor.accountId))) throw MarketplaceException.forbidden(`the ranking of challenge ${challengeId} is confidential`);
    const submitted = (await this.proposals.ofChallenge(challenge.id, [ProposalStatus.Submitted])).filter((p) => inCurrentStage(challenge, p));
    const criteria = await this.terms.criteria([challenge.id]);
    const scores = await this.jury.scoresOfChallenge(challenge.id);
    const ranked = rankProposals(
      scores.map((s) => ({ jurorId: s.accountId, proposalId: s.proposalId, criterionId: s.criterionId, score: s.score })),
      new Map(criteria.map((c) => [c.id, c.weight])),
      submitted.map((p) => p.id),
    );
    return { challenge, view: owner ? ProposalView.Owner : ProposalView.Juror, proposals: new Map(submitted.map((p) => [p.id, p])), ranked };
  }

  /**
   * Everything the jury page needs in one call. A juror gets their queue: the challenge's proposals
   * in play (blind, once submissions close) without those they declared a conflict with, each with
   * their own scores. The organisation's members (the chair's view) get the ranking; its owners
   * decide. Anyone else: NOT_FOUND for a hidden challenge, else FORBIDDEN.
   */
  async room(actor: Actor, challengeId: string): Promise<JuryRoom> {
    const challenge = await this.visibleChallenge(actor, challengeId);
    const member = canReviewFor(actor, challenge.ownerOrganisationId);
    const isJuror = await this.jury.isJuror(challenge.id, actor.accountId);
    if (!member && !isJuror) throw MarketplaceException.forbidden(`the jury of challenge ${challengeId} is confidential`);
    const criteria = await this.terms.criteria([challenge.id]);
    let queue: JuryQueueEntry[] = [];
    let conflictCount = 0;
    if (isJuror && JURY_PHASES.includes(challenge.status)) {
      const inPlay = (await this.proposals.ofChallenge(challenge.id, [ProposalStatus.Submitted])).filter((p) => inCurrentStage(challenge, p));
      const declared = await this.jury.declarationsOn(challenge.id, actor.accountId as string);
      const scores = await this.jury.scoresOn(challenge.id, actor.accountId as string);
      conflictCount = inPlay.filter((p) => declared.get(p.id) === true).length;
      queue = inPlay.filter((p) => declared.get(p.id) !== true).map((proposal) => {
        const mine = scores.filter((x) => x.proposalId === proposal.id).map((x) => ({ criterionId: x.criterionId, score: x.score, comment: x.comment }));
        const scored = criteria.length > 0 && criteria.every((c) => mine.some((x) => x.criterionId === c.id));
        return { proposal, declared: declared.has(proposal.id), scores: mine, scored };
      });
    }
    const ranked = member ? await this.ranking(actor, challenge.id) : null;
    return {
      challenge, isJuror, canRank: member, canDecide: isOwnerOf(actor, challenge.ownerOrganisationId),
      // Members see authors; a juror who is not a member reviews blind.
      view: member ? ProposalView.Owner : ProposalView.Juror,
      queue, conflictCount, scoredCount: queue.filter((e) => e.scored).length,
      ranking: ranked ? ranked.ranked.map((r) => ({ ...r, proposal: ranked.proposals.get(r.proposalId) as ProposalEntity })) : null,
    };
  }

  private async asJuror(actor: Actor, proposalId: string) {
    const found = await this.visibility.find(actor, proposalId);
    if (!found) throw MarketplaceException.notFound('Proposal', proposalId);
    if (found.view !== ProposalView.Juror && !(await this.jury.isJuror(found.challenge.id, actor.accountId))) {
      throw MarketplaceException.forbidden('only jurors of this challenge review its proposals');
    }
    if (found.proposal.status !== ProposalStatus.Submitted) throw MarketplaceException.invalidState(`proposal ${proposalId} is not submitted`);
    return found;
  }

  private async visibleChallenge(actor: Actor, challengeId: string): Promise<ChallengeEntity> {
    const challenge = isUuid(challengeId) ? await this.challenges.findById(challengeId) : null;
    if (!challenge || !canSeeChallenge(actor, challenge)) throw MarketplaceException.notFound('Challenge', challengeId);
    return challenge;
  }

  private async ownedChallenge(actor: Actor, challengeId: string): Promise<ChallengeEntity> {
    const challenge = await this.visibleChallenge(actor, challengeId);
    if (!isOwnerOf(actor, challenge.ownerOrganisationId)) throw MarketplaceException.forbidden(`only owners of the organisation manage the jury of challenge ${challengeId}`);
    return challenge;
  }
}
