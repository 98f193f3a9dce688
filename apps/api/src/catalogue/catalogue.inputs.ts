import { ArgsType, Field, ID, InputType, Int, OmitType, PartialType } from '@nestjs/graphql';
import { Availability, ChallengeKind, MAX_FREE_TERMS, MAX_FREE_TERM_LENGTH, ChallengeStatus, ChallengeVisibility, CreativeKind, ExchangeStatus, IpTermsKind, MAX_PAGE_SIZE, MAX_QUERY_LENGTH, OfferKind, OrganisationKind, RewardKind } from '@app/marketplace';
import { AvailabilityEnum, ChallengeKindEnum, ChallengeStatusEnum, ChallengeVisibilityEnum, CreativeKindEnum, ExchangeStatusEnum, IpTermsKindEnum, OfferKindEnum, OrganisationKindEnum, RewardKindEnum } from './catalogue.types.js';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, IsArray, IsBoolean, IsDate, IsEnum, IsIn, IsInt, IsOptional, IsString, IsUrl, IsUUID, Length, Max, MaxLength, Min, ValidateNested,
} from 'class-validator';
import { IsCalendarDate } from '../graphql/input-safety.js';

const URL_OPTIONS = { protocols: ['http', 'https'], require_protocol: true };

@InputType({ description: 'Slovenian and/or English text.' })
export class LocalizedTextInput {
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(5000) sl?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(5000) en?: string | null;
}

@InputType()
export class ShortLocalizedTextInput {
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(200) sl?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(200) en?: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Page size, 1 to ${MAX_PAGE_SIZE} (default 20).` })
  @IsOptional() @IsInt() @Min(1) @Max(MAX_PAGE_SIZE) first?: number;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(200) after?: string;
}

@ArgsType()
export class IdArgs {
  @Field(() => ID) @IsString() @MaxLength(64) id: string;
}

@ArgsType()
export class ChallengesArgs extends PageArgs {
  @Field(() => ChallengeStatusEnum, { nullable: true, description: 'Drafts are listed for the operator only.' })
  @IsOptional() @IsEnum(ChallengeStatus) status?: ChallengeStatus;
}

@ArgsType()
export class MyOrganisationChallengesArgs extends PageArgs {
  @Field(() => ChallengeStatusEnum, { nullable: true, description: 'Only challenges in this status.' })
  @IsOptional() @IsEnum(ChallengeStatus) status?: ChallengeStatus;
}

@InputType()
export class CreateOrganisationInput {
  @Field(() => OrganisationKindEnum) @IsEnum(OrganisationKind) kind: OrganisationKind;
  @Field() @IsString() @Length(1, 200) name: string;
  @Field({ description: 'Municipality code, see referenceData.municipalities.' }) @IsString() @MaxLength(64) municipality: string;
  @Field(() => LocalizedTextInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => LocalizedTextInput) description?: LocalizedTextInput;
  @Field(() => String, { nullable: true }) @IsOptional() @IsUrl(URL_OPTIONS) @MaxLength(500) website?: string | null;
}

@InputType()
export class UpdateOrganisationInput extends PartialType(CreateOrganisationInput) {}

const codeList = () => [IsOptional(), IsArray(), ArrayMaxSize(30), IsString({ each: true }), MaxLength(64, { each: true })];

function CodeList(): PropertyDecorator {
  return (target, key) => codeList().forEach((d) => d(target, key));
}

/** Codes or words as people write them (Taxonomy.codesOrText keeps both). */
const wordList = () => [IsOptional(), IsArray(), ArrayMaxSize(MAX_FREE_TERMS), IsString({ each: true }), MaxLength(MAX_FREE_TERM_LENGTH, { each: true })];

function WordList(): PropertyDecorator {
  return (target, key) => wordList().forEach((d) => d(target, key));
}

const OWN_WORDS = 'Reference codes or your own words ("ročni modrotisk na usnje"): codes are recognised, anything else is kept as written and matched as text.';

@InputType()
export class CreateCreativeProfileInput {
  @Field(() => CreativeKindEnum) @IsEnum(CreativeKind) kind: CreativeKind;
  @Field() @IsString() @Length(1, 120) displayName: string;
  @Field(() => LocalizedTextInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => LocalizedTextInput) bio?: LocalizedTextInput;
  @Field(() => [String], { nullable: true, description: 'CCS domain codes.' }) @CodeList() domains?: string[];
  @Field(() => [String], { nullable: true, description: OWN_WORDS }) @WordList() crafts?: string[];
  @Field(() => [String], { nullable: true, description: OWN_WORDS }) @WordList() techniques?: string[];
  @Field(() => [String], { nullable: true, description: OWN_WORDS }) @WordList() materials?: string[];
  @Field(() => [String], { nullable: true, description: `Soft and professional skills. ${OWN_WORDS}` }) @WordList() skills?: string[];
  @Field({ description: 'Municipality name as you write it (Škofja Loka, skofja loka) or its code.' }) @IsString() @MaxLength(120) municipality: string;
  @Field(() => [String], { nullable: true, description: 'ISO 639-1 codes.' }) @CodeList() languages?: string[];
  @Field(() => [String], { nullable: true }) @IsOptional() @IsArray() @ArrayMaxSize(10) @IsUrl(URL_OPTIONS, { each: true }) @MaxLength(500, { each: true }) portfolioLinks?: string[];
  @Field(() => AvailabilityEnum, { nullable: true, description: 'Default AVAILABLE.' }) @IsOptional() @IsEnum(Availability) availability?: Availability;
}

@InputType()
export class UpdateCreativeProfileInput extends PartialType(CreateCreativeProfileInput) {}

@InputType()
export class ChallengePartnerInput {
  @Field(() => ID) @IsUUID() organisationId: string;
  @Field(() => ShortLocalizedTextInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => ShortLocalizedTextInput) role?: ShortLocalizedTextInput;
}

@InputType()
export class ChallengeRewardInput {
  @Field(() => RewardKindEnum) @IsEnum(RewardKind) kind: RewardKind;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(100_000_000) amountEur?: number | null;
  @Field(() => ShortLocalizedTextInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => ShortLocalizedTextInput) description?: ShortLocalizedTextInput;
}

@InputType()
export class EvaluationCriterionInput {
  @Field(() => ShortLocalizedTextInput) @ValidateNested() @Type(() => ShortLocalizedTextInput) name: ShortLocalizedTextInput;
  @Field(() => Int) @IsInt() @Min(1) @Max(100) weight: number;
}

@InputType()
export class IpTermsInput {
  @Field(() => IpTermsKindEnum) @IsEnum(IpTermsKind) kind: IpTermsKind;
  @Field(() => LocalizedTextInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => LocalizedTextInput) details?: LocalizedTextInput;
}

@InputType()
export class TwoStageInput {
  @Field(() => Int) @IsInt() @Min(2) @Max(20) shortlistSize: number;
  @Field(() => Int) @IsInt() @Min(1) @Max(100_000_000) shortlistFeeEur: number;
}

@InputType({ description: 'Who may enter a challenge (every field optional: empty means anyone).' })
export class ChallengeEligibilityInput {
  @Field(() => [CreativeKindEnum], { nullable: true, description: 'Only these kinds of creatives, e.g. [STUDENT].' })
  @IsOptional() @IsArray() @ArrayMaxSize(10) @IsEnum(CreativeKind, { each: true }) creativeKinds?: CreativeKind[];
  @Field(() => [String], { nullable: true, description: 'Only creatives based in these municipalities (names or codes), or the whole region: "gorenjska".' })
  @IsOptional() @IsArray() @ArrayMaxSize(30) @IsString({ each: true }) @MaxLength(120, { each: true }) municipalities?: string[];
  @Field(() => Boolean, { nullable: true, description: "The work happens at your place: nearer creatives rank higher, and distance is stated." }) @IsOptional() @IsBoolean() onSite?: boolean;
}

@InputType()
export class CreateChallengeInput {
  @Field(() => ID) @IsUUID() ownerOrganisationId: string;
  @Field(() => ChallengeKindEnum, { nullable: true, description: 'Default INDUSTRY.' }) @IsOptional() @IsEnum(ChallengeKind) kind?: ChallengeKind;
  @Field(() => ShortLocalizedTextInput) @ValidateNested() @Type(() => ShortLocalizedTextInput) title: ShortLocalizedTextInput;
  @Field(() => LocalizedTextInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => LocalizedTextInput) brief?: LocalizedTextInput;
  @Field(() => [String], { nullable: true }) @CodeList() domains?: string[];
  @Field(() => [String], { nullable: true }) @CodeList() techniques?: string[];
  @Field(() => [String], { nullable: true }) @CodeList() materials?: string[];
  @Field(() => LocalizedTextInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => LocalizedTextInput) reward?: LocalizedTextInput;
  @Field(() => Date, { nullable: true }) @IsOptional() @Type(() => Date) @IsDate() deadline?: Date | null;
  @Field(() => [ChallengePartnerInput], { nullable: true, description: 'Replaces the list.' }) @IsOptional() @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => ChallengePartnerInput) partners?: ChallengePartnerInput[];
  @Field(() => [ChallengeRewardInput], { nullable: true, description: 'Replaces the list.' }) @IsOptional() @IsArray() @ArrayMaxSize(10) @ValidateNested({ each: true }) @Type(() => ChallengeRewardInput) rewards?: ChallengeRewardInput[];
  @Field(() => [EvaluationCriterionInput], { nullable: true, description: 'Replaces the list; weights add up to 100.' }) @IsOptional() @IsArray() @ArrayMaxSize(10) @ValidateNested({ each: true }) @Type(() => EvaluationCriterionInput) criteria?: EvaluationCriterionInput[];
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(100_000_000) totalBudgetEur?: number | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(100) awardsCount?: number | null;
  @Field(() => IpTermsInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => IpTermsInput) ipTerms?: IpTermsInput | null;
  @Field(() => TwoStageInput, { nullable: true, description: 'null: one stage.' }) @IsOptional() @ValidateNested() @Type(() => TwoStageInput) twoStage?: TwoStageInput | null;
  @Field(() => ChallengeVisibilityEnum, { nullable: true, description: 'Default PUBLIC; fixed once published.' }) @IsOptional() @IsEnum(ChallengeVisibility) visibility?: ChallengeVisibility;
  @Field(() => ChallengeEligibilityInput, { nullable: true, description: 'Who may enter; matching proposes nobody else. Replaces the current rules.' })
  @IsOptional() @ValidateNested() @Type(() => ChallengeEligibilityInput) eligibility?: ChallengeEligibilityInput | null;
  @Field(() => [String], { nullable: true, description: "ISO 639-1 codes of the languages the work is done in (default: the brief's languages)." }) @CodeList() workingLanguages?: string[];
}

@InputType()
export class UpdateChallengeInput extends PartialType(OmitType(CreateChallengeInput, ['ownerOrganisationId'] as const)) {}

@InputType({ description: 'AND across fields, OR within a field.' })
export class SearchFilterInput {
  @Field(() => [String], { nullable: true }) @CodeList() domains?: string[];
  @Field(() => [String], { nullable: true }) @CodeList() municipalities?: string[];
  @Field(() => [String], { nullable: true }) @CodeList() techniques?: string[];
  @Field(() => [String], { nullable: true }) @CodeList() materials?: string[];
  @Field(() => [String], { nullable: true, description: 'Creatives only.' }) @CodeList() crafts?: string[];
  @Field(() => [String], { nullable: true, description: 'Creatives only.' }) @CodeList() languages?: string[];
  @Field(() => [String], { nullable: true, description: 'Challenges only: ChallengeKind values.' }) @CodeList() kinds?: string[];
  @Field(() => [String], { nullable: true, description: 'Challenges only: RewardKind values (a challenge with any of them).' }) @CodeList() rewardKinds?: string[];
  @Field(() => [String], { nullable: true, description: 'Challenges only: months of the deadline in Slovenian time, like "2027-03", or "none" (no deadline).' }) @CodeList() deadlineMonths?: string[];
}

@ArgsType()
export class SearchArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Free text in Slovenian or English; diacritics optional.' })
  @IsOptional() @IsString() @MaxLength(MAX_QUERY_LENGTH) query?: string;
  @Field(() => SearchFilterInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => SearchFilterInput) filter?: SearchFilterInput;
}

@ArgsType()
export class UpdateOrganisationArgs extends IdArgs {
  @Field(() => UpdateOrganisationInput) @ValidateNested() @Type(() => UpdateOrganisationInput) input: UpdateOrganisationInput;
}

@ArgsType()
export class UpdateCreativeProfileArgs extends IdArgs {
  @Field(() => UpdateCreativeProfileInput) @ValidateNested() @Type(() => UpdateCreativeProfileInput) input: UpdateCreativeProfileInput;
}

@ArgsType()
export class UpdateChallengeArgs extends IdArgs {
  @Field(() => UpdateChallengeInput) @ValidateNested() @Type(() => UpdateChallengeInput) input: UpdateChallengeInput;
}

const MAX_EUR = 100_000_000;

@InputType()
export class CreateNeedInput {
  @Field(() => ID) @IsUUID() ownerOrganisationId: string;
  @Field(() => ShortLocalizedTextInput) @ValidateNested() @Type(() => ShortLocalizedTextInput) title: ShortLocalizedTextInput;
  @Field(() => LocalizedTextInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => LocalizedTextInput) description?: LocalizedTextInput;
  @Field(() => [String], { nullable: true }) @CodeList() domains?: string[];
  @Field(() => [String], { nullable: true }) @CodeList() techniques?: string[];
  @Field(() => [String], { nullable: true }) @CodeList() materials?: string[];
  @Field(() => Int, { nullable: true, description: 'Whole euros.' }) @IsOptional() @IsInt() @Min(0) @Max(MAX_EUR) budgetMinEur?: number | null;
  @Field(() => Int, { nullable: true, description: 'Whole euros.' }) @IsOptional() @IsInt() @Min(0) @Max(MAX_EUR) budgetMaxEur?: number | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) @IsOptional() @IsCalendarDate({ message: 'must be a date like 2027-03-31' }) timelineStart?: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) @IsOptional() @IsCalendarDate({ message: 'must be a date like 2027-03-31' }) timelineEnd?: string | null;
}

@InputType()
export class UpdateNeedInput extends PartialType(OmitType(CreateNeedInput, ['ownerOrganisationId'] as const)) {}

@ArgsType()
export class UpdateNeedArgs extends IdArgs {
  @Field(() => UpdateNeedInput) @ValidateNested() @Type(() => UpdateNeedInput) input: UpdateNeedInput;
}

@InputType()
export class CreateOfferInput {
  @Field(() => ID) @IsUUID() creativeProfileId: string;
  @Field(() => OfferKindEnum) @IsEnum(OfferKind) kind: OfferKind;
  @Field(() => ShortLocalizedTextInput) @ValidateNested() @Type(() => ShortLocalizedTextInput) title: ShortLocalizedTextInput;
  @Field(() => LocalizedTextInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => LocalizedTextInput) description?: LocalizedTextInput;
  @Field(() => [String], { nullable: true }) @CodeList() domains?: string[];
  @Field(() => [String], { nullable: true }) @CodeList() crafts?: string[];
  @Field(() => [String], { nullable: true }) @CodeList() techniques?: string[];
  @Field(() => [String], { nullable: true }) @CodeList() materials?: string[];
  @Field(() => Int, { nullable: true, description: 'Whole euros.' }) @IsOptional() @IsInt() @Min(0) @Max(MAX_EUR) priceFromEur?: number | null;
}

@InputType()
export class UpdateOfferInput extends PartialType(OmitType(CreateOfferInput, ['creativeProfileId'] as const)) {}

@ArgsType()
export class UpdateOfferArgs extends IdArgs {
  @Field(() => UpdateOfferInput) @ValidateNested() @Type(() => UpdateOfferInput) input: UpdateOfferInput;
}

@ArgsType()
export class CancelChallengeArgs extends IdArgs {
  @Field(() => ShortLocalizedTextInput, { description: 'Published with the challenge.' }) @ValidateNested() @Type(() => ShortLocalizedTextInput) reason: ShortLocalizedTextInput;
}

@ArgsType()
export class AskQuestionArgs {
  @Field(() => ID) @IsUUID() challengeId: string;
  @Field({ description: "'sl' or 'en'" }) @IsIn(['sl', 'en']) language: 'sl' | 'en';
  @Field() @IsString() @Length(1, 2000) question: string;
}

@ArgsType()
export class AnswerQuestionArgs extends IdArgs {
  @Field(() => LocalizedTextInput) @ValidateNested() @Type(() => LocalizedTextInput) answer: LocalizedTextInput;
}

@ArgsType()
export class InviteCreativesArgs {
  @Field(() => ID) @IsUUID() challengeId: string;
  @Field(() => [ID]) @IsArray() @ArrayMaxSize(200) @IsUUID('all', { each: true }) creativeProfileIds: string[];
}

@ArgsType()
export class UninviteCreativeArgs {
  @Field(() => ID) @IsUUID() challengeId: string;
  @Field(() => ID) @IsUUID() creativeProfileId: string;
}

@InputType({ description: 'A portfolio item: a title in at least one language; the description is plain text.' })
export class PortfolioItemInput {
  @Field(() => ShortLocalizedTextInput) @ValidateNested() @Type(() => ShortLocalizedTextInput) title: ShortLocalizedTextInput;
  @Field(() => LocalizedTextInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => LocalizedTextInput) description?: LocalizedTextInput | null;
  @Field(() => String, { nullable: true, description: 'A web address (http or https).' }) @IsOptional() @IsString() @MaxLength(500) link?: string | null;
  @Field(() => Int, { nullable: true, description: 'The year the work was made.' }) @IsOptional() @IsInt() @Min(1900) @Max(2100) year?: number | null;
  @Field(() => String, { nullable: true, description: 'Who it was made for (a company, a municipality, a festival).' }) @IsOptional() @IsString() @MaxLength(200) client?: string | null;
}

@ArgsType()
export class UpdatePortfolioItemArgs extends IdArgs {
  @Field(() => PortfolioItemInput) @ValidateNested() @Type(() => PortfolioItemInput) input: PortfolioItemInput;
}

@ArgsType()
export class ReorderPortfolioArgs {
  @Field(() => [ID], { description: 'Every item of your portfolio once, in the new order.' })
  @IsArray() @ArrayMaxSize(30) @IsString({ each: true }) @MaxLength(64, { each: true }) ids: string[];
}

@ArgsType()
export class SetMatchingConsentArgs {
  @Field() @IsBoolean() consent: boolean;
  @Field(() => String, { nullable: true, description: 'The version of the explanation you were shown (default: the current one).' })
  @IsOptional() @IsString() @MaxLength(40) explanationVersion?: string | null;
}

@ArgsType()
export class OrganisationChallengesArgs {
  @Field(() => [ChallengeStatusEnum], { nullable: true, description: 'Only these statuses (default: every status you may see).' })
  @IsOptional() @IsArray() @ArrayMaxSize(10) @IsEnum(ChallengeStatus, { each: true }) status?: ChallengeStatus[];
}

@ArgsType()
export class OrganisationNeedsArgs {
  @Field(() => [ExchangeStatusEnum], { nullable: true, description: 'Only these statuses (default: every status you may see; drafts for members only).' })
  @IsOptional() @IsArray() @ArrayMaxSize(5) @IsEnum(ExchangeStatus, { each: true }) status?: ExchangeStatus[];
}
