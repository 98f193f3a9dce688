import { Args, ArgsType, Field, Float, ID, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { type FactorScore, MatchFactor, type MatchExplanation, MatchingService, MAX_MATCHES } from '@app/marketplace';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { SignedIn } from '../auth/access.decorators.js';
import { type Actor, CurrentActor } from '../auth/actor.js';
import { graphqlEnum, Challenge, CreativeProfile, LocalizedText, Need, Offer } from '../catalogue/catalogue.types.js';
import { toChallenge, toCreativeProfile, toNeed, toOffer } from '../catalogue/catalogue.mappers.js';

export const MatchFactorEnum = graphqlEnum(MatchFactor, 'MatchFactor');

@ObjectType({ description: 'One factor of a match: its score, its weight, the points it adds, and why.' })
export class MatchFactorScore {
  @Field(() => MatchFactorEnum) factor: MatchFactor;
  @Field(() => Float, { description: '0 to 1.' }) score: number;
  @Field(() => Float, { description: 'Configured weight (MATCH_WEIGHTS).' }) weight: number;
  @Field(() => Float, { description: 'Points this factor adds to the match score (0 to 1; they add up to it).' }) contribution: number;
  @Field(() => LocalizedText) reason: LocalizedText;
}

@ObjectType({ description: 'Why two sides match: score, factors, and what would raise it.' })
export class MatchExplanationType {
  @Field(() => Float, { description: '0 to 1.' }) score: number;
  @Field(() => [MatchFactorScore]) factors: MatchFactorScore[];
  @Field(() => [LocalizedText], { description: "Addressed to the creative's side: what would raise the score." }) hints: LocalizedText[];
}

@ObjectType()
export class CreativeMatch extends MatchExplanationType {
  @Field(() => CreativeProfile) creative: CreativeProfile;
}

@ObjectType()
export class ChallengeMatch extends MatchExplanationType {
  @Field(() => Challenge) challenge: Challenge;
}

@ObjectType()
export class NeedMatch extends MatchExplanationType {
  @Field(() => Need) need: Need;
}

@ObjectType()
export class OfferMatch extends MatchExplanationType {
  @Field(() => Offer) offer: Offer;
}

@ObjectType({ description: 'Creatives and offers for a need.' })
export class NeedMatches {
  @Field(() => [CreativeMatch]) creatives: CreativeMatch[];
  @Field(() => [OfferMatch]) offers: OfferMatch[];
}

@ObjectType({ description: 'Your own match with one challenge, and why you are or are not proposed to its owner.' })
export class MatchVerdictType extends MatchExplanationType {
  @Field() matched: boolean;
  @Field(() => [LocalizedText]) reasons: LocalizedText[];
  @Field(() => Float) threshold: number;
}

@ArgsType()
class MatchArgs {
  @Field(() => ID) @IsString() @MaxLength(64) id: string;
  @Field(() => Int, { nullable: true, description: `Default 20, at most ${MAX_MATCHES}.` }) @IsOptional() @IsInt() @Min(1) @Max(MAX_MATCHES) first?: number;
}

function explained(e: MatchExplanation): MatchExplanationType {
  return { score: e.score, factors: e.factors.map((f: FactorScore) => ({ ...f })), hints: e.hints };
}

/** Two-sided, explained matches. Only creatives who agreed to be matched appear to anyone. */
@Resolver()
export class MatchingResolver {
  constructor(private readonly matching: MatchingService) {}

  @SignedIn()
  @Query(() => [CreativeMatch], { description: "Creatives for a challenge, best first (the challenge organisation's members)." })
  async matchesForChallenge(@Args() { id, first }: MatchArgs, @CurrentActor() actor: Actor): Promise<CreativeMatch[]> {
    const { matches } = await this.matching.forChallenge(actor, id, first);
    return matches.map((m) => ({ ...explained(m.explanation), creative: toCreativeProfile(m.subject) }));
  }

  @SignedIn()
  @Query(() => [ChallengeMatch], { description: 'Open challenges for a creative profile, best first (the creative themselves).' })
  async matchesForCreative(@Args() { id, first }: MatchArgs, @CurrentActor() actor: Actor): Promise<ChallengeMatch[]> {
    const { matches } = await this.matching.forCreative(actor, id, first);
    return matches.map((m) => ({ ...explained(m.explanation), challenge: toChallenge(m.subject) }));
  }

  @SignedIn()
  @Query(() => NeedMatches, { description: "Creatives and published offers for a need (the need organisation's members)." })
  async matchesForNeed(@Args() { id, first }: MatchArgs, @CurrentActor() actor: Actor): Promise<NeedMatches> {
    const { creatives, offers } = await this.matching.forNeed(actor, id, first);
    return {
      creatives: creatives.map((m) => ({ ...explained(m.explanation), creative: toCreativeProfile(m.subject) })),
      offers: offers.map((m) => ({ ...explained(m.explanation), offer: toOffer(m.subject) })),
    };
  }

  @SignedIn()
  @Query(() => [NeedMatch], { description: "Published needs for an offer (the offer's creative)." })
  async matchesForOffer(@Args() { id, first }: MatchArgs, @CurrentActor() actor: Actor): Promise<NeedMatch[]> {
    const { matches } = await this.matching.forOffer(actor, id, first);
    return matches.map((m) => ({ ...explained(m.explanation), need: toNeed(m.subject) }));
  }

  @SignedIn()
  @Query(() => MatchVerdictType, { description: 'Why you (your creative profile) are or are not matched to a challenge you can see.' })
  async myMatchWithChallenge(@Args('challengeId', { type: () => ID }) challengeId: string, @CurrentActor() actor: Actor): Promise<MatchVerdictType> {
    const verdict = await this.matching.verdict(actor, challengeId);
    return { ...explained(verdict.explanation), matched: verdict.matched, reasons: verdict.reasons, threshold: verdict.threshold };
  }
}
