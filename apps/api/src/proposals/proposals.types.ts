import { ArgsType, Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { OutcomeKind, ProposalOutcome, ProposalStatus, ProposalView } from '@app/marketplace';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsDate, IsEnum, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { LocalizedTextInput, ShortLocalizedTextInput } from '../catalogue/catalogue.inputs.js';
import { LocaleEnum } from '../accounts/accounts.types.js';
import { Challenge, CreativeProfile, graphqlEnum, LocalizedText } from '../catalogue/catalogue.types.js';
import { IsCalendarDate } from '../graphql/input-safety.js';

export const ProposalStatusEnum = graphqlEnum(ProposalStatus, 'ProposalStatus');
export const ProposalOutcomeEnum = graphqlEnum(ProposalOutcome, 'ProposalOutcome');
export const OutcomeKindEnum = graphqlEnum(OutcomeKind, 'OutcomeKind');
export const ProposalViewEnum = graphqlEnum({ AUTHOR: ProposalView.Author, OWNER: ProposalView.Owner, JUROR: ProposalView.Juror }, 'ProposalViewerRole');

@ObjectType()
export class ProposalAuthor {
  @Field(() => CreativeProfile) creativeProfile: CreativeProfile;
  @Field({ description: 'LEAD or CO_AUTHOR' }) role: string;
}

@ObjectType({ description: 'What followed an award.' })
export class AwardOutcome {
  @Field(() => ID) id: string;
  @Field(() => OutcomeKindEnum) kind: OutcomeKind;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field(() => Int, { nullable: true }) valueEur: number | null;
  @Field() occurredOn: string;
}

@ObjectType({ description: 'A proposal. Confidential: its authors, the owner organisation and (blind: no authors, blind file names) assigned jurors.' })
export class Proposal {
  @Field(() => ID) id: string;
  challengeId: string;
  view: ProposalView;
  @Field(() => ProposalViewEnum, { description: 'How you see it.' }) viewerRole: ProposalView;
  @Field({ description: 'The code jurors know it by.' }) blindCode: string;
  @Field(() => ProposalStatusEnum) status: ProposalStatus;
  @Field(() => LocalizedText) title: LocalizedText;
  @Field(() => LocalizedText) body: LocalizedText;
  @Field(() => Int, { nullable: true }) requestedEur: number | null;
  @Field(() => Date, { nullable: true, description: 'Hidden from jurors.' }) submittedAt: Date | null;
  @Field(() => Date, { nullable: true }) withdrawnAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'When it was chosen for the paid second stage of a two-stage challenge.' }) shortlistedAt: Date | null;
  @Field(() => ProposalOutcomeEnum, { nullable: true, description: "Shown to authors once the decision is published; to the owner while staging." }) outcome: ProposalOutcome | null;
  @Field(() => Int, { nullable: true }) awardEur: number | null;
  @Field(() => LocalizedText, { nullable: true }) awardReason: LocalizedText | null;
}

@ObjectType({ description: 'A published award (public once the challenge is AWARDED).' })
export class PublicAward {
  @Field(() => LocalizedText) proposalTitle: LocalizedText;
  @Field(() => [String], { description: 'Names of the lead author and co-authors.' }) authors: string[];
  @Field(() => Int, { nullable: true }) amountEur: number | null;
  @Field(() => LocalizedText, { nullable: true }) reason: LocalizedText | null;
  proposalId: string;
}

@ObjectType({ description: "A challenge's budget pool: awards never exceed it." })
export class BudgetPool {
  @Field(() => Int, { nullable: true }) totalEur: number | null;
  @Field(() => Int) awardedEur: number;
  @Field(() => Int, { description: 'Fees owed to the shortlisted authors of a two-stage challenge (paid from the same pool).' }) shortlistFeesEur: number;
  @Field(() => Int, { nullable: true, description: 'null when no total budget is stated.' }) remainingEur: number | null;
  @Field(() => Int, { nullable: true }) awardsCount: number | null;
  @Field(() => Int) awardsMade: number;
}

@ObjectType()
export class RankingEntry {
  @Field(() => Int) rank: number;
  @Field(() => Proposal) proposal: Proposal;
  @Field(() => Float, { description: 'Mean of the jurors\' weighted rubric totals, 0-10.' }) rawScore: number;
  @Field(() => Float, { description: 'Mean of per-juror z-scores: each juror\'s own scale removed.' }) normalisedScore: number;
  @Field(() => Int) jurorCount: number;
  @Field(() => Float, { description: "Highest minus lowest juror's weighted total, 0-10 (0 with fewer than two jurors)." }) scoreSpread: number;
  @Field({ description: 'The jurors disagree (two or more, totals at least 3 points apart): worth discussing before the decision.' }) disagreement: boolean;
}

@ObjectType()
export class ChallengeRanking {
  @Field(() => Challenge) challenge: Challenge;
  @Field(() => [RankingEntry]) entries: RankingEntry[];
}

@ObjectType({ description: "Proposals of a challenge by state, for its organisation's members (drafts are the authors' own and not counted)." })
export class ProposalCounts {
  @Field(() => Int, { description: 'Submitted and not withdrawn.' }) submitted: number;
  @Field(() => Int, { description: 'Withdrawn after being submitted.' }) withdrawn: number;
  @Field(() => Int, { description: 'Submitted and on the shortlist of a two-stage challenge.' }) shortlisted: number;
  @Field(() => Int, { description: 'Submitted and awarded (staged or published).' }) awarded: number;
}

@ObjectType()
export class Juror {
  @Field(() => ID) accountId: string;
  @Field() displayName: string;
  @Field() since: Date;
}

@ObjectType()
export class ReviewScore {
  @Field(() => ID) criterionId: string;
  @Field(() => Int) score: number;
  @Field(() => String, { nullable: true }) comment: string | null;
}

@ObjectType({ description: "One proposal in a juror's queue: blind, with the juror's own declaration and scores." })
export class JuryQueueEntry {
  @Field(() => Proposal) proposal: Proposal;
  @Field({ description: 'You answered the conflict-of-interest question with "no conflict" (a conflict takes the proposal off your queue).' }) declared: boolean;
  @Field(() => [ReviewScore], { description: 'Your scores, one per criterion once scored.' }) scores: ReviewScore[];
  @Field({ description: 'You scored every criterion.' }) scored: boolean;
}

@ObjectType({ description: 'The jury page of one challenge: your queue as a juror, and the ranking for the organisation (the chair).' })
export class JuryRoom {
  @Field(() => Challenge) challenge: Challenge;
  @Field({ description: 'You sit on this jury.' }) isJuror: boolean;
  @Field({ description: "You are a member of the challenge's organisation: you see the ranking and the disagreements (the chair's view)." }) canRank: boolean;
  @Field({ description: 'You are an owner of the organisation: you award and publish the decision.' }) canDecide: boolean;
  @Field(() => [JuryQueueEntry], { description: 'Your queue (jurors, once submissions close): proposals in play without those you declared a conflict with. Blind.' }) queue: JuryQueueEntry[];
  @Field(() => Int, { description: 'Proposals you declared a conflict of interest with (off your queue).' }) conflictCount: number;
  @Field(() => Int, { description: 'Proposals in your queue you scored on every criterion ("7 of 12 scored").' }) scoredCount: number;
  @Field(() => [RankingEntry], { nullable: true, description: "The normalised ranking with disagreements: the organisation's members only (null for jurors)." }) ranking: RankingEntry[] | null;
}

@InputType()
export class CreateProposalInput {
  @Field(() => ID) @IsString() @MaxLength(64) challengeId: string;
  @Field(() => ShortLocalizedTextInput) @ValidateNested() @Type(() => ShortLocalizedTextInput) title: ShortLocalizedTextInput;
  @Field(() => LocalizedTextInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => LocalizedTextInput) body?: LocalizedTextInput | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(10_000_000) requestedEur?: number | null;
  @Field(() => [ID], { nullable: true, description: 'Creative profiles of co-authors (max 10).' }) @IsOptional() @IsArray() @ArrayMaxSize(10) @IsString({ each: true }) @MaxLength(64, { each: true }) coAuthorIds?: string[];
}

@InputType()
export class UpdateProposalInput {
  @Field(() => ShortLocalizedTextInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => ShortLocalizedTextInput) title?: ShortLocalizedTextInput;
  @Field(() => LocalizedTextInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => LocalizedTextInput) body?: LocalizedTextInput | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(10_000_000) requestedEur?: number | null;
  @Field(() => [ID], { nullable: true }) @IsOptional() @IsArray() @ArrayMaxSize(10) @IsString({ each: true }) @MaxLength(64, { each: true }) coAuthorIds?: string[];
}

@ArgsType()
export class UpdateProposalArgs {
  @Field(() => ID) @IsString() @MaxLength(64) id: string;
  @Field(() => UpdateProposalInput) @ValidateNested() @Type(() => UpdateProposalInput) input: UpdateProposalInput;
}

@ArgsType()
export class ChallengeIdArgs {
  @Field(() => ID) @IsString() @MaxLength(64) challengeId: string;
}

@ArgsType()
export class ProposalIdArgs {
  @Field(() => ID) @IsString() @MaxLength(64) proposalId: string;
}

@ArgsType()
export class InviteJurorArgs extends ChallengeIdArgs {
  @Field() @IsString() @MaxLength(254) email: string;
  @Field(() => LocaleEnum, { defaultValue: 'sl', description: 'Language of the invitation email.' }) @IsIn(['sl', 'en']) locale: 'sl' | 'en';
}

@ArgsType()
export class RemoveJurorArgs extends ChallengeIdArgs {
  @Field(() => ID) @IsString() @MaxLength(64) accountId: string;
}

@ArgsType()
export class DeclareConflictArgs extends ProposalIdArgs {
  @Field() @IsBoolean() hasConflict: boolean;
  @Field(() => String, { nullable: true, description: 'Required with a conflict; seen by the organisation only.' }) @IsOptional() @IsString() @MaxLength(1000) reason?: string | null;
}

@InputType()
export class RubricScoreInput {
  @Field(() => ID) @IsString() @MaxLength(64) criterionId: string;
  @Field(() => Int, { description: '0-10' }) @IsInt() @Min(0) @Max(10) score: number;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(2000) comment?: string | null;
}

@ArgsType()
export class ScoreProposalArgs extends ProposalIdArgs {
  @Field(() => [RubricScoreInput]) @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => RubricScoreInput) scores: RubricScoreInput[];
}

@ArgsType()
export class AwardProposalArgs extends ProposalIdArgs {
  @Field(() => Int, { description: 'From the challenge pool; 0 for a non-monetary award.' }) @IsInt() @Min(0) @Max(10_000_000) amountEur: number;
  @Field(() => LocalizedTextInput, { description: 'Published with the decision.' }) @ValidateNested() @Type(() => LocalizedTextInput) reason: LocalizedTextInput;
}

@ArgsType()
export class PublishDecisionArgs extends ChallengeIdArgs {
  @Field(() => LocalizedTextInput) @ValidateNested() @Type(() => LocalizedTextInput) decision: LocalizedTextInput;
}

@InputType()
export class AwardOutcomeInput {
  @Field(() => OutcomeKindEnum) @IsEnum(OutcomeKind) kind: OutcomeKind;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(2000) description?: string | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(100_000_000) valueEur?: number | null;
  @Field({ description: 'YYYY-MM-DD' }) @IsString() @IsCalendarDate({ message: 'occurredOn must be YYYY-MM-DD' }) occurredOn: string;
}

@ArgsType()
export class RecordOutcomeArgs extends ProposalIdArgs {
  @Field(() => AwardOutcomeInput) @ValidateNested() @Type(() => AwardOutcomeInput) input: AwardOutcomeInput;
}

@ArgsType()
export class ShortlistArgs extends ChallengeIdArgs {
  @Field(() => [ID]) @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @MaxLength(64, { each: true }) proposalIds: string[];
  @Field({ description: 'When the second stage closes (in the future).' }) @Type(() => Date) @IsDate() stageTwoDeadline: Date;
}
