import { Args, Context, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ChallengeQuestionsService, ChallengesService, type VisibleQuestion } from '@app/marketplace';
import { Public, SignedIn } from '../auth/access.decorators.js';
import { type Actor, CurrentActor, type GraphQLContext } from '../auth/actor.js';
import { text, toCreativeProfile } from './catalogue.mappers.js';
import { AnswerQuestionArgs, AskQuestionArgs, IdArgs, InviteCreativesArgs, UninviteCreativeArgs } from './catalogue.inputs.js';
import { Challenge, ChallengeQuestion, CreativeProfile } from './catalogue.types.js';

/** How creatives take part before proposing: public questions and answers; invitations to invite-only challenges. */
@Resolver(() => Challenge)
export class ChallengeParticipationResolver {
  constructor(
    private readonly qa: ChallengeQuestionsService,
    private readonly challenges: ChallengesService,
  ) {}

  @Public()
  @ResolveField(() => [ChallengeQuestion], { description: 'Answered questions (everyone); unanswered ones only to their asker and the owner organisation.' })
  async questions(@Parent() challenge: Challenge, @CurrentActor() actor: Actor, @Context() context: GraphQLContext): Promise<ChallengeQuestion[]> {
    const [entity, all] = await Promise.all([context.loaders.challenge.load(challenge.id), context.loaders.challengeQuestions.load(challenge.id)]);
    return entity ? this.qa.visibleTo(actor, entity, all).map(toQuestion) : [];
  }

  @Public()
  @ResolveField(() => [CreativeProfile], { nullable: true, description: 'Invited creatives (invite-only: let in; public: asked to apply): the owner organisation only (null for others).' })
  async invitedCreatives(@Parent() challenge: Challenge, @CurrentActor() actor: Actor, @Context() context: GraphQLContext): Promise<CreativeProfile[] | null> {
    const entity = await context.loaders.challenge.load(challenge.id);
    const ids = entity ? await this.challenges.invitees(actor, entity) : null;
    if (!ids) return null;
    const profiles = await context.loaders.creative.loadMany(ids);
    return profiles.flatMap((p) => (p && !(p instanceof Error) ? [toCreativeProfile(p)] : []));
  }

  @SignedIn()
  @Mutation(() => ChallengeQuestion, { description: 'Ask the owner a question while submissions are open (verified accounts; at most a few unanswered at a time).' })
  async askChallengeQuestion(@Args() { challengeId, language, question }: AskQuestionArgs, @CurrentActor() actor: Actor): Promise<ChallengeQuestion> {
    return toQuestion({ question: await this.qa.ask(actor, challengeId, language, question), askedByMe: true });
  }

  @SignedIn()
  @Mutation(() => ChallengeQuestion, { description: 'Answer (or correct the answer to) a question; the answer is public. Owners and editors.' })
  async answerChallengeQuestion(@Args() { id, answer }: AnswerQuestionArgs, @CurrentActor() actor: Actor): Promise<ChallengeQuestion> {
    const saved = await this.qa.answer(actor, id, answer);
    return toQuestion({ question: saved, askedByMe: saved.accountId !== null && saved.accountId === actor.accountId });
  }

  @SignedIn()
  @Mutation(() => Boolean, { description: 'The asker withdraws an unanswered question; owners and editors remove any.' })
  async removeChallengeQuestion(@Args() { id }: IdArgs, @CurrentActor() actor: Actor): Promise<boolean> {
    return this.qa.remove(actor, id);
  }

  @SignedIn()
  @Mutation(() => [ID], { description: 'Invite creatives to an invite-only challenge, or ask matched creatives to apply to a public one (only creatives who agreed to be matched). Each gets an inbox item and a mail as their preferences say, at once or when the challenge is published. Owners and editors; returns every invited profile id.' })
  async inviteCreatives(@Args() { challengeId, creativeProfileIds }: InviteCreativesArgs, @CurrentActor() actor: Actor): Promise<string[]> {
    return this.challenges.invite(actor, challengeId, creativeProfileIds);
  }

  @SignedIn()
  @Mutation(() => [ID], { description: 'Take an invitation back; returns the remaining invited profile ids.' })
  async uninviteCreative(@Args() { challengeId, creativeProfileId }: UninviteCreativeArgs, @CurrentActor() actor: Actor): Promise<string[]> {
    return this.challenges.uninvite(actor, challengeId, creativeProfileId);
  }
}

function toQuestion({ question: q, askedByMe }: VisibleQuestion): ChallengeQuestion {
  return {
    id: q.id, language: q.language, question: q.question, answer: q.answeredAt ? text(q.answerSl, q.answerEn) : null,
    answeredAt: q.answeredAt, askedAt: q.createdAt, askedByMe,
  };
}
