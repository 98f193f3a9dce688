import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { ChallengeEntity, ProposalEntity } from '@app/database';
import { AwardsService, blindName, ChallengeStatus, type OutcomeKind, ProposalsService, ProposalView } from '@app/marketplace';
import type { Actor } from '@app/identity';
import { SignedIn } from '../auth/access.decorators.js';
import { CurrentActor, type GraphQLContext } from '../auth/actor.js';
import { IdArgs } from '../catalogue/catalogue.inputs.js';
import { text, toChallenge, toCreativeProfile } from '../catalogue/catalogue.mappers.js';
import { Attachment, Challenge } from '../catalogue/catalogue.types.js';
import { AwardOutcome, CreateProposalInput, Proposal, ProposalAuthor, UpdateProposalArgs } from './proposals.types.js';

/** Proposals: creatives write and submit them; owners and jurors read them (jurors blind). */
@Resolver(() => Proposal)
export class ProposalsResolver {
  constructor(
    private readonly proposals: ProposalsService,
    private readonly awards: AwardsService,
  ) {}

  @SignedIn()
  @Query(() => Proposal, { description: 'A proposal you wrote, received (owner organisation) or review (jury, blind).' })
  async proposal(@Args() { id }: IdArgs, @CurrentActor() actor: Actor): Promise<Proposal> {
    const { proposal, challenge, view } = await this.proposals.get(actor, id);
    return toProposal(proposal, challenge, view);
  }

  @SignedIn()
  @Query(() => [Proposal], { description: 'Your proposals, as lead or co-author, newest first.' })
  async myProposals(@CurrentActor() actor: Actor, @Context() context: GraphQLContext): Promise<Proposal[]> {
    const mine = await this.proposals.mine(actor);
    const challenges = await Promise.all(mine.map((p) => context.loaders.challenge.load(p.challengeId)));
    return mine.map((p, i) => toProposal(p, challenges[i] as ChallengeEntity, ProposalView.Author));
  }

  @SignedIn()
  @Mutation(() => Proposal, { description: 'Starts a draft on a challenge open for submissions (creatives).' })
  async createProposal(@Args('input') input: CreateProposalInput, @CurrentActor() actor: Actor, @Context() context: GraphQLContext): Promise<Proposal> {
    return this.authorView(await this.proposals.create(actor, input), context);
  }

  @SignedIn()
  @Mutation(() => Proposal, { description: 'Authors edit until the deadline, also after submitting.' })
  async updateProposal(@Args() { id, input }: UpdateProposalArgs, @CurrentActor() actor: Actor, @Context() context: GraphQLContext): Promise<Proposal> {
    return this.authorView(await this.proposals.update(actor, id, input), context);
  }

  @SignedIn()
  @Mutation(() => Proposal, { description: 'DRAFT -> SUBMITTED, until the deadline (lead author).' })
  async submitProposal(@Args() { id }: IdArgs, @CurrentActor() actor: Actor, @Context() context: GraphQLContext): Promise<Proposal> {
    return this.authorView(await this.proposals.submit(actor, id), context);
  }

  @SignedIn()
  @Mutation(() => Proposal, { description: 'Withdraws it, until the deadline (lead author).' })
  async withdrawProposal(@Args() { id }: IdArgs, @CurrentActor() actor: Actor, @Context() context: GraphQLContext): Promise<Proposal> {
    return this.authorView(await this.proposals.withdraw(actor, id), context);
  }

  @SignedIn()
  @ResolveField(() => Challenge)
  async challenge(@Parent() proposal: Proposal, @Context() context: GraphQLContext): Promise<Challenge> {
    const challenge = await context.loaders.challenge.load(proposal.challengeId);
    if (!challenge) throw new Error(`proposal ${proposal.id} has no challenge row`);
    return toChallenge(challenge);
  }

  @SignedIn()
  @ResolveField(() => [ProposalAuthor], { description: 'Empty for jurors (blind review).' })
  async authors(@Parent() proposal: Proposal, @Context() context: GraphQLContext): Promise<ProposalAuthor[]> {
    if (proposal.view === ProposalView.Juror) return [];
    const rows = await context.loaders.proposalAuthors.load(proposal.id);
    const profiles = await Promise.all(rows.map((r) => context.loaders.creative.load(r.creativeProfileId)));
    return rows.flatMap((r, i) => (profiles[i] ? [{ creativeProfile: toCreativeProfile(profiles[i]), role: r.role }] : []));
  }

  @SignedIn()
  @ResolveField(() => [Attachment], { description: 'Upload with POST /proposals/{id}/attachments (authors). Jurors see blind file names.' })
  async attachments(@Parent() proposal: Proposal, @Context() context: GraphQLContext): Promise<Attachment[]> {
    const files = await context.loaders.proposalAttachments.load(proposal.id);
    return files.map((a, i) => ({
      id: a.id, fileName: proposal.view === ProposalView.Juror ? blindName(proposal.blindCode, i + 1, a.fileName) : a.fileName,
      contentType: a.contentType, sizeBytes: a.sizeBytes, sha256: a.sha256, url: `/attachments/${a.id}`,
      createdAt: proposal.view === ProposalView.Juror ? new Date(0) : a.createdAt,
    }));
  }

  @SignedIn()
  @ResolveField(() => [AwardOutcome], { description: 'What followed the award (contract, production, ...).' })
  async outcomes(@Parent() proposal: Proposal): Promise<AwardOutcome[]> {
    if (proposal.view === ProposalView.Juror || proposal.outcome !== 'AWARDED') return [];
    return (await this.awards.outcomesOf([proposal.id])).map((o) => ({ id: o.id, kind: o.kind as OutcomeKind, description: o.description, valueEur: o.valueEur, occurredOn: o.occurredOn }));
  }

  private async authorView(proposal: ProposalEntity, context: GraphQLContext): Promise<Proposal> {
    const challenge = await context.loaders.challenge.load(proposal.challengeId);
    return toProposal(proposal, challenge as ChallengeEntity, ProposalView.Author);
  }
}

/** What each viewer may see: jurors nothing that identifies authors; authors the outcome once it is public. */
export function toProposal(p: ProposalEntity, challenge: ChallengeEntity, view: ProposalView): Proposal {
  const outcomeVisible = view === ProposalView.Owner || (view === ProposalView.Author && challenge.status === ChallengeStatus.Awarded);
  return {
    id: p.id, challengeId: p.challengeId, view, viewerRole: view, blindCode: p.blindCode, status: p.status as Proposal['status'],
    title: text(p.titleSl, p.titleEn), body: text(p.bodySl, p.bodyEn), requestedEur: p.requestedEur,
    submittedAt: view === ProposalView.Juror ? null : p.submittedAt, withdrawnAt: view === ProposalView.Juror ? null : p.withdrawnAt, shortlistedAt: p.shortlistedAt,
    outcome: outcomeVisible ? (p.outcome as Proposal['outcome']) : null,
    awardEur: outcomeVisible ? p.awardEur : null,
    awardReason: outcomeVisible && p.outcome === 'AWARDED' ? text(p.awardReasonSl, p.awardReasonEn) : null,
  };
}
