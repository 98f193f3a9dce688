import { Args, ArgsType, Field, Float, ID, InputType, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Availability, CreativeKind, type FactorScore, MarketplaceException, MatchFactor, type MatchExplanation, MatchingService, MAX_MATCHES, Taxonomy } from '@app/marketplace';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEnum, IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { SignedIn } from '../auth/access.decorators.js';
import { type Actor, CurrentActor } from '../auth/actor.js';
import { AvailabilityEnum, CreativeKindEnum, graphqlEnum, Challenge, CreativeProfile, LocalizedText, Need, Offer, PageInfo } from '../catalogue/catalogue.types.js';
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
  // (challengeMatches pages further with cursors)
  @Field(() => ID) @IsString() @MaxLength(64) id: string;
  @Field(() => Int, { nullable: true, description: `Default 20, at most ${MAX_MATCHES}.` }) @IsOptional() @IsInt() @Min(1) @Max(MAX_MATCHES) first?: number;
}

@ObjectType({ description: 'A page of the creatives matched to a challenge, best first.' })
export class CreativeMatchConnection {
  @Field(() => [CreativeMatch]) nodes: CreativeMatch[];
  @Field(() => Int, { description: 'Eligible, consenting creatives matched in all (after the filter).' }) totalCount: number;
  @Field(() => PageInfo) pageInfo: PageInfo;
}

@InputType({ description: 'AND across fields, OR within one.' })
class CreativeMatchFilterInput {
  @Field(() => [CreativeKindEnum], { nullable: true }) @IsOptional() @IsArray() @ArrayMaxSize(10) @IsEnum(CreativeKind, { each: true }) kinds?: CreativeKind[];
  @Field(() => [String], { nullable: true, description: 'Municipality names or codes.' }) @IsOptional() @IsArray() @ArrayMaxSize(30) @IsString({ each: true }) @MaxLength(120, { each: true }) municipalities?: string[];
  @Field(() => [String], { nullable: true, description: 'ISO 639-1 codes: creatives who list any of them.' }) @IsOptional() @IsArray() @ArrayMaxSize(10) @IsString({ each: true }) @MaxLength(8, { each: true }) languages?: string[];
  @Field(() => [AvailabilityEnum], { nullable: true }) @IsOptional() @IsArray() @ArrayMaxSize(3) @IsEnum(Availability, { each: true }) availability?: Availability[];
}

@ArgsType()
class ChallengeMatchesArgs extends MatchArgs {
  @Field(() => String, { nullable: true, description: 'pageInfo.endCursor of the previous page.' }) @IsOptional() @IsString() @MaxLength(40) after?: string;
  @Field(() => CreativeMatchFilterInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => CreativeMatchFilterInput) filter?: CreativeMatchFilterInput;
}

/** Cursors are opaque to clients: the offset in the ranked list. */
function toCursor(offset: number): string {
  return Buffer.from(`match:${offset}`).toString('base64url');
}

function fromCursor(cursor: string | undefined): number {
  if (!cursor) return 0;
  const match = /^match:(\d{1,6})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw MarketplaceException.invalid('after', 'not a cursor of this list: pass pageInfo.endCursor as it came');
  return Number(match[1]);
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
  @Query(() => CreativeMatchConnection, { description: "Creatives for a challenge, best first, a page at a time, with filters (the challenge organisation's members). The same scores as matchesForChallenge." })
  async challengeMatches(@Args() { id, first, after, filter }: ChallengeMatchesArgs, @CurrentActor() actor: Actor): Promise<CreativeMatchConnection> {
    const offset = fromCursor(after);
    const municipalities = filter?.municipalities?.map((m) => Taxonomy.municipality(m, 'filter.municipalities'));
    const page = await this.matching.forChallenge(actor, id, first ?? 20, offset, { ...filter, municipalities });
    const end = offset + page.matches.length;
    return {
      nodes: page.matches.map((m) => ({ ...explained(m.explanation), creative: toCreativeProfile(m.subject) })),
      totalCount: page.total,
      pageInfo: { endCursor: page.matches.length ? toCursor(end) : after ?? null, hasNextPage: end < page.total },
    };
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
