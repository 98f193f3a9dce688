import { ArgsType, Field, ID, InputType, Int, ObjectType, PartialType, OmitType } from '@nestjs/graphql';
import { CreativeKind, MAX_PAGE_SIZE, OrganisationKind, SupportAmountBand, SupportMeasureState, SupportMeasureStatus } from '@app/marketplace';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDate, IsEnum, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Connection, CreativeKindEnum, Facet, graphqlEnum, LocalizedText, OrganisationKindEnum } from '../catalogue/catalogue.types.js';

export const SupportMeasureStatusEnum = graphqlEnum(SupportMeasureStatus, 'SupportMeasureStatus');
export const SupportMeasureStateEnum = graphqlEnum(SupportMeasureState, 'SupportMeasureState');
export const SupportAmountBandEnum = graphqlEnum(SupportAmountBand, 'SupportAmountBand');

@ObjectType({ description: 'Who may apply for a support measure: creatives of these profile kinds and organisations of these kinds (an empty list: nobody of that side).' })
export class SupportEligibility {
  @Field(() => [CreativeKindEnum]) creativeKinds: CreativeKind[];
  @Field(() => [OrganisationKindEnum]) organisationKinds: OrganisationKind[];
}

@ObjectType({ description: 'A support measure or call for funding of the region (vouchers, micro-grants, regional and national calls, advice and mentoring).' })
export class SupportMeasure {
  @Field(() => ID) id: string;
  /** Resolved by SupportMeasuresResolver.provider. */
  providerOrganisationId: string;
  @Field(() => SupportMeasureStatusEnum, { description: 'DRAFT (the provider\'s members only), PUBLISHED or CLOSED.' }) status: SupportMeasureStatus;
  @Field(() => SupportMeasureStateEnum, { description: 'OPEN while published and before its deadline; CLOSED otherwise.' }) state: SupportMeasureState;
  @Field(() => LocalizedText) title: LocalizedText;
  @Field(() => LocalizedText) summary: LocalizedText;
  @Field(() => LocalizedText, { description: 'The full text (plain text, paragraphs separated by blank lines).' }) text: LocalizedText;
  @Field(() => SupportEligibility) eligibility: SupportEligibility;
  @Field(() => Int, { nullable: true, description: 'Whole euros; null: not stated.' }) amountMinEur: number | null;
  @Field(() => Int, { nullable: true, description: 'Whole euros; null: not stated.' }) amountMaxEur: number | null;
  @Field(() => Date, { nullable: true, description: 'null: a rolling call (apply any time).' }) deadline: Date | null;
  @Field(() => String, { nullable: true, description: 'The official call (https).' }) callUrl: string | null;
  @Field(() => Date, { nullable: true }) publishedAt: Date | null;
  @Field(() => Date, { nullable: true }) closedAt: Date | null;
  @Field({ description: 'Demo data drawn from the regional documents.' }) isDemo: boolean;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
}

export const SupportMeasureConnection = Connection(SupportMeasure, 'SupportMeasureConnection');

@ObjectType('SupportMeasureSearchResult')
export class SupportMeasureSearchResult extends SupportMeasureConnection {
  @Field(() => [Facet], { description: 'Fields: creativeKinds, organisationKinds, providerId (labels: organisation names), state, amountBand.' }) facets: Facet[];
}

@ObjectType({ description: 'A support measure the reader may apply for, with why: eligibility first, then how its subject fits their work.' })
export class SupportMeasureMatch {
  @Field(() => SupportMeasure) measure: SupportMeasure;
  @Field({ description: 'Fit of the subject with the reader\'s creative work, 0 to 1 (0: eligible, no particular fit).' }) score: number;
  @Field(() => [LocalizedText], { description: 'Phrased to the reader; eligibility reasons come first.' }) reasons: LocalizedText[];
}

@InputType()
export class SupportTextInput {
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(10000) sl?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(10000) en?: string | null;
}

@InputType()
export class SupportEligibilityInput {
  @Field(() => [CreativeKindEnum], { nullable: true }) @IsOptional() @IsArray() @ArrayMaxSize(10) @IsEnum(CreativeKind, { each: true }) creativeKinds?: CreativeKind[];
  @Field(() => [OrganisationKindEnum], { nullable: true }) @IsOptional() @IsArray() @ArrayMaxSize(20) @IsEnum(OrganisationKind, { each: true }) organisationKinds?: OrganisationKind[];
}

@InputType()
export class CreateSupportMeasureInput {
  @Field(() => ID, { description: 'An organisation you are an owner or editor of (organisers only).' }) @IsString() @MaxLength(64) providerOrganisationId: string;
  @Field(() => SupportTextInput) @ValidateNested() @Type(() => SupportTextInput) title: SupportTextInput;
  @Field(() => SupportTextInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => SupportTextInput) summary?: SupportTextInput | null;
  @Field(() => SupportTextInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => SupportTextInput) text?: SupportTextInput | null;
  @Field(() => SupportEligibilityInput, { description: 'Replaced as a whole on update; at least one kind overall.' }) @ValidateNested() @Type(() => SupportEligibilityInput) eligibility: SupportEligibilityInput;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(100_000_000) amountMinEur?: number | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(100_000_000) amountMaxEur?: number | null;
  @Field(() => Date, { nullable: true, description: 'null: a rolling call.' }) @IsOptional() @Type(() => Date) @IsDate() deadline?: Date | null;
  @Field(() => String, { nullable: true, description: 'https:// only.' }) @IsOptional() @IsString() @MaxLength(500) callUrl?: string | null;
}

@InputType()
export class UpdateSupportMeasureInput extends PartialType(OmitType(CreateSupportMeasureInput, ['providerOrganisationId'] as const)) {}

@ArgsType()
export class UpdateSupportMeasureArgs {
  @Field(() => ID) @IsString() @MaxLength(64) id: string;
  @Field(() => UpdateSupportMeasureInput) @ValidateNested() @Type(() => UpdateSupportMeasureInput) input: UpdateSupportMeasureInput;
}

const list = () => [IsOptional(), IsArray(), ArrayMaxSize(30)];
function List(): PropertyDecorator {
  return (target, key) => list().forEach((d) => d(target, key));
}

@InputType()
export class SupportMeasureFilterInput {
  @Field(() => [CreativeKindEnum], { nullable: true }) @List() @IsEnum(CreativeKind, { each: true }) creativeKinds?: CreativeKind[];
  @Field(() => [OrganisationKindEnum], { nullable: true }) @List() @IsEnum(OrganisationKind, { each: true }) organisationKinds?: OrganisationKind[];
  @Field(() => [ID], { nullable: true }) @List() @IsUUID('all', { each: true }) providerIds?: string[];
  @Field(() => [SupportMeasureStateEnum], { nullable: true }) @List() @IsEnum(SupportMeasureState, { each: true }) states?: SupportMeasureState[];
  @Field(() => [SupportAmountBandEnum], { nullable: true }) @List() @IsEnum(SupportAmountBand, { each: true }) amountBands?: SupportAmountBand[];
}

@ArgsType()
export class SupportMeasuresArgs {
  @Field(() => String, { nullable: true, description: 'Words; diacritics and Slovenian endings do not matter.' }) @IsOptional() @IsString() @MaxLength(200) query?: string | null;
  @Field(() => SupportMeasureFilterInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => SupportMeasureFilterInput) filter?: SupportMeasureFilterInput | null;
  @Field(() => Int, { nullable: true, description: `Page size, 1 to ${MAX_PAGE_SIZE} (default 20).` }) @IsOptional() @IsInt() @Min(1) @Max(MAX_PAGE_SIZE) first?: number;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(200) after?: string;
}

@ArgsType()
export class SupportForMeArgs {
  @Field(() => Int, { nullable: true, description: 'At most this many (1 to 50, default 20).' }) @IsOptional() @IsInt() @Min(1) @Max(MAX_PAGE_SIZE) first?: number;
}
