import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type Actor, ANONYMOUS, canReviewFor } from '@app/identity';
import { AwardsService, ChallengeStatus, JuryService, ProposalsService, ProposalView, ShortlistService } from '@app/marketplace';
import type { ChallengeEntity } from '@app/database';
import { Public, SignedIn } from '../auth/access.decorators.js';
import { CurrentActor, type GraphQLContext } from '../auth/actor.js';
import { toInvitation } from '../accounts/memberships.resolver.js';
import { Invitation } from '../accounts/accounts.types.js';
import { text, toChallenge } from '../catalogue/catalogue.mappers.js';
import { Challenge } from '../catalogue/catalogue.types.js';
import {
  AwardOutcome, AwardProposalArgs, BudgetPool, ChallengeIdArgs, ChallengeRanking, DeclareConflictArgs, InviteJurorArgs, Juror, JuryRoom, Proposal,
  ProposalCounts, ProposalIdArgs, PublicAward, PublishDecisionArgs, RecordOutcomeArgs, RemoveJurorArgs, ReviewScore, ScoreProposalArgs, ShortlistArgs,
} from './proposals.types.js';
import { toProposal } from './proposals.resolver.js';

/** Juries (invitations, conflicts, blind rubric scores, rankings) and award decisions against the budget pool. */
@Resolver(() => Challenge)
export class JuryResolver {
  constructor(
    private readonly jury: JuryService,
    private readonly awards: AwardsService,
    private readonly proposals: ProposalsService,
    private readonly shortlist: ShortlistService,
  ) {}

  @SignedIn()
  @Query(() => [Proposal], { description: "A challenge's proposals: the owner organisation sees submitted and withdrawn ones; jurors, once submissions close, submitted ones, blind." })
  async challengeProposals(@Args() { challengeId }: ChallengeIdArgs, @CurrentActor() actor: Actor): Promise<Proposal[]> {
    const { challenge, view, proposals } = await this.proposals.ofChallenge(actor, challengeId, await this.jury.isJuror(actor, challengeId));
    return proposals.map((p) => toProposal(p, challenge, view));
  }

  @SignedIn()
  @Query(() => ChallengeRanking, { description: 'Ranking by normalised jury scores (owner organisation and jurors; jurors see blind codes).' })
  async challengeRanking(@Args() { challengeId }: ChallengeIdArgs, @CurrentActor() actor: Actor): Promise<ChallengeRanking> {
    const { challenge, view, proposals, ranked } = await this.jury.ranking(actor, challengeId);
    return {
      challenge: toChallenge(challenge),
      entries: ranked.map((r) => ({ ...r, proposal: toProposal(proposals.get(r.proposalId) as NonNullable<ReturnType<typeof proposals.get>>, challenge, view) })),
    };
  }

  @SignedIn()
  @Query(() => [Juror], { description: 'The jury (owner organisation members).' })
  challengeJurors(@Args() { challengeId }: ChallengeIdArgs, @CurrentActor() actor: Actor): Promise<Juror[]> {
    return this.jury.jurors(actor, challengeId);
  }

  @SignedIn()
  @Query(() => [Invitation], { description: 'Open jury invitations (owners).' })
  async challengeJuryInvitations(@Args() { challengeId }: ChallengeIdArgs, @CurrentActor() actor: Actor): Promise<Invitation[]> {
    return (await this.jury.openJuryInvitations(actor, challengeId)).map(toInvitation);
  }

  @SignedIn()
  @Query(() => [Challenge], { description: 'Challenges where you sit on the jury.' })
  async myJuryChallenges(@CurrentActor() actor: Actor): Promise<Challenge[]> {
    return (await this.jury.myJuryChallenges(actor)).map(toChallenge);
  }

  @SignedIn()
  @Query(() => [ReviewScore], { description: 'Your own rubric scores for a proposal (jurors).' })
  async myReviewScores(@Args() { proposalId }: ProposalIdArgs, @CurrentActor() actor: Actor): Promise<ReviewScore[]> {
    return (await this.jury.myScores(actor, proposalId)).map((s) => ({ criterionId: s.criterionId, score: s.score, comment: s.comment }));
  }

  @SignedIn()
  @Mutation(() => Invitation, { description: 'Invites a juror by email (owners of the challenge organisation).' })
  async inviteJuror(@Args() { challengeId, email, locale }: InviteJurorArgs, @CurrentActor() actor: Actor): Promise<Invitation> {
    return toInvitation(await this.jury.inviteJuror(actor, challengeId, email, locale));
  }

  @SignedIn()
  @Mutation(() => Boolean)
  async removeJuror(@Args() { challengeId, accountId }: RemoveJurorArgs, @CurrentActor() actor: Actor): Promise<boolean> {
    await this.jury.removeJuror(actor, challengeId, accountId);
    return true;
  }

  @SignedIn()
  @Mutation(() => Boolean, { description: 'Per proposal, before scoring it: do you have a conflict of interest? With one, you do not score it.' })
  async declareConflictOfInterest(@Args() { proposalId, hasConflict, reason }: DeclareConflictArgs, @CurrentActor() actor: Actor): Promise<boolean> {
    await this.jury.declareConflict(actor, proposalId, hasConflict, reason ?? null);
    return true;
  }

  @SignedIn()
  @Mutation(() => [ReviewScore], { description: 'Your rubric for one proposal: every criterion, 0-10, with comments (replaces earlier scores).' })
  async scoreProposal(@Args() { proposalId, scores }: ScoreProposalArgs, @CurrentActor() actor: Actor): Promise<ReviewScore[]> {
    await this.jury.score(actor, proposalId, scores);
    return (await this.jury.myScores(actor, proposalId)).map((s) => ({ criterionId: s.criterionId, score: s.score, comment: s.comment }));
  }

  @SignedIn()
  @Mutation(() => Proposal, { description: 'Stages an award from the pool (owners, in review). Published with publishAwardDecision.' })
  async awardProposal(@Args() { proposalId, amountEur, reason }: AwardProposalArgs, @CurrentActor() actor: Actor, @Context() context: GraphQLContext): Promise<Proposal> {
    const proposal = await this.awards.award(actor, proposalId, amountEur, reason);
    return toProposal(proposal, (await context.loaders.challenge.load(proposal.challengeId)) as ChallengeEntity, ProposalView.Owner);
  }

  @SignedIn()
  @Mutation(() => Proposal, { description: 'Takes back a staged award.' })
  async revokeAward(@Args() { proposalId }: ProposalIdArgs, @CurrentActor() actor: Actor, @Context() context: GraphQLContext): Promise<Proposal> {
    const proposal = await this.awards.revoke(actor, proposalId);
    return toProposal(proposal, (await context.loaders.challenge.load(proposal.challengeId)) as ChallengeEntity, ProposalView.Owner);
  }

  @SignedIn()
  @Mutation(() => Challenge, {
    description: 'Two-stage challenges, IN_REVIEW (stage 1) -> PUBLISHED (stage 2): the chosen approaches are paid the shortlist fee from the pool and develop full proposals until stageTwoDeadline; every stage-1 author is told. Owners.',
  })
  async shortlistProposals(@Args() { challengeId, proposalIds, stageTwoDeadline }: ShortlistArgs, @CurrentActor() actor: Actor): Promise<Challenge> {
    return toChallenge((await this.shortlist.openStageTwo(actor, challengeId, proposalIds, stageTwoDeadline)).challenge);
  }

  @SignedIn()
  @Mutation(() => Challenge, { description: 'IN_REVIEW -> AWARDED: publishes the decision with reasons; every author is notified.' })
  async publishAwardDecision(@Args() { challengeId, decision }: PublishDecisionArgs, @CurrentActor() actor: Actor): Promise<Challenge> {
    return toChallenge(await this.awards.publishDecision(actor, challengeId, decision));
  }

  @SignedIn()
  @Mutation(() => AwardOutcome, { description: 'Records what followed an award (owner organisation, organisers).' })
  async recordAwardOutcome(@Args() { proposalId, input }: RecordOutcomeArgs, @CurrentActor() actor: Actor): Promise<AwardOutcome> {
    const o = await this.awards.recordOutcome(actor, proposalId, input);
    return { id: o.id, kind: o.kind as AwardOutcome['kind'], description: o.description, valueEur: o.valueEur, occurredOn: o.occurredOn };
  }

  @SignedIn()
  @Query(() => JuryRoom, { description: "A challenge's jury page: your blind queue and progress as a juror; the ranking with disagreements for its organisation (the chair). Others: FORBIDDEN (NOT_FOUND for a challenge they cannot see)." })
  async juryRoom(@Args() { challengeId }: ChallengeIdArgs, @CurrentActor() actor: Actor): Promise<JuryRoom> {
    const room = await this.jury.room(actor, challengeId);
    return {
      challenge: toChallenge(room.challenge), isJuror: room.isJuror, canRank: room.canRank, canDecide: room.canDecide,
      queue: room.queue.map((e) => ({
        proposal: toProposal(e.proposal, room.challenge, room.view), declared: e.declared,
        scores: e.scores.map((x) => ({ criterionId: x.criterionId, score: x.score, comment: x.comment ?? null })),
        scored: e.scored,
      })),
      conflictCount: room.conflictCount, scoredCount: room.scoredCount,
      ranking: room.ranking?.map((r) => ({ ...r, proposal: toProposal(r.proposal, room.challenge, ProposalView.Owner) })) ?? null,
    };
  }

  // Public: anyone may ask (a challenge page asks for every visitor); only members get counts.
  @Public()
  @ResolveField(() => ProposalCounts, { nullable: true, description: "Proposals by state: the owner organisation's members only (null for everyone else)." })
  async proposalCounts(@Parent() challenge: Challenge, @CurrentActor() actor: Actor, @Context() context: GraphQLContext): Promise<ProposalCounts | null> {
    if (!canReviewFor(actor, challenge.ownerOrganisationId)) return null;
    return context.loaders.proposalCounts.load(challenge.id);
  }

  @Public()
  @ResolveField(() => Number, { description: 'Submitted proposals (a count only; proposals are confidential).' })
  submittedProposalCount(@Parent() challenge: Challenge, @Context() context: GraphQLContext): Promise<number> {
    return context.loaders.submittedProposalCount.load(challenge.id);
  }

  @Public()
  @ResolveField(() => BudgetPool, { description: 'The budget pool: awarded so far and what remains.' })
  async budgetPool(@Parent() challenge: Challenge, @Context() context: GraphQLContext): Promise<BudgetPool> {
    const totals = await context.loaders.awardedTotals.load(challenge.id);
    const staged = challenge.status !== ChallengeStatus.Awarded;
    // Before the decision is public, staged awards are the owner's business: everyone sees the full pool.
    const awardedEur = staged ? 0 : totals.awardedEur;
    const shortlistFeesEur = totals.shortlistFeesEur;
    return {
      totalEur: challenge.totalBudgetEur, awardedEur, shortlistFeesEur,
      remainingEur: challenge.totalBudgetEur === null ? null : challenge.totalBudgetEur - awardedEur - shortlistFeesEur,
      awardsCount: challenge.awardsCount, awardsMade: staged ? 0 : totals.awardsMade,
    };
  }

  @Public()
  @ResolveField('awards', () => [PublicAward], { description: 'The awards, once the decision is published.' })
  async publicAwards(@Parent() challenge: Challenge, @Context() context: GraphQLContext): Promise<PublicAward[]> {
    if (challenge.status !== ChallengeStatus.Awarded) return [];
    const entity = await context.loaders.challenge.load(challenge.id);
    if (!entity) return [];
    const awarded = await this.awards.awardsOf(ANONYMOUS, entity);
    const authors = await Promise.all(awarded.map((p) => context.loaders.proposalAuthors.load(p.id)));
    return awarded.map((p, i) => ({
      proposalId: p.id, proposalTitle: text(p.titleSl, p.titleEn), authors: authors[i].map((a) => a.displayName), amountEur: p.awardEur,
      reason: text(p.awardReasonSl, p.awardReasonEn),
    }));
  }
}
