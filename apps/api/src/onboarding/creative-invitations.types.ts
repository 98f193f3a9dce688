import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { CreativeInvitationStatus, ImportFormat, ImportRowStatus } from '@app/marketplace';
import { IsBoolean, IsEnum, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { LocaleEnum } from '../accounts/accounts.types.js';
import { graphqlEnum } from '../catalogue/catalogue.types.js';

export const ImportFormatEnum = graphqlEnum(ImportFormat, 'ProfileImportFormat');
export const ImportRowStatusEnum = graphqlEnum(ImportRowStatus, 'ProfileImportRowStatus');
export const CreativeInvitationStatusEnum = graphqlEnum({ PENDING: 'PENDING', ACCEPTED: 'ACCEPTED', DECLINED: 'DECLINED', EXPIRED: 'EXPIRED' }, 'CreativeInvitationStatus');

export function invitationStatusName(status: CreativeInvitationStatus): string {
  return status.toUpperCase();
}

@InputType({ description: 'People to invite as creatives: one row per person (see importCreativeProfiles).' })
export class ImportCreativeProfilesInput {
  @Field(() => ImportFormatEnum) @IsEnum(ImportFormat) format: ImportFormat;
  @Field({
    description: 'CSV (header row; `;`, `,` or tab, detected; RFC 4180 quoting; UTF-8; list fields `|`-separated) or JSON (an array of objects). '
      + 'Columns: email (required), displayName, kind, municipality, languages, bioSl, bioEn, crafts, skills, techniques, materials, portfolioLinks (English or Slovenian names). '
      + 'At most 2,000 rows and 2 MB (a GraphQL request body is limited to 100 kB).',
  })
  @IsString() content: string;
  @Field(() => Boolean, { nullable: true, description: 'Check and report every row without inviting anyone (default false).' })
  @IsOptional() @IsBoolean() dryRun?: boolean | null;
  @Field(() => String, { nullable: true, description: 'Your words to the people imported: why (at most 1,000 characters; in the mail and on their page).' })
  @IsOptional() @IsString() @MaxLength(1000) note?: string | null;
}

@ObjectType({ description: 'The answer for one row of an import.' })
export class ProfileImportRow {
  @Field(() => Int, { description: 'CSV: the line the record starts on (the header is line 1); JSON: the position in the array, from 1.' }) row: number;
  @Field(() => String, { nullable: true }) email: string | null;
  @Field(() => ImportRowStatusEnum) status: ImportRowStatus;
  @Field(() => String, { nullable: true, description: 'The column at fault.' }) field: string | null;
  @Field(() => String, { nullable: true, description: 'Why the row is invalid or a duplicate.' }) reason: string | null;
  @Field(() => ID, { nullable: true, description: 'The pending invitation (created rows, not on a dry run).' }) invitationId: string | null;
}

@ObjectType()
export class ProfileImportReport {
  @Field(() => ID, { nullable: true, description: 'Shared by the invitations of this import (null on a dry run).' }) importId: string | null;
  @Field() dryRun: boolean;
  @Field(() => Int) created: number;
  @Field(() => Int) duplicates: number;
  @Field(() => Int) invalid: number;
  @Field(() => [ProfileImportRow]) rows: ProfileImportRow[];
}

@ObjectType({ description: 'Explanation paragraphs in both languages.' })
export class ConsentExplanation {
  @Field(() => [String]) sl: string[];
  @Field(() => [String]) en: string[];
}

@ObjectType({ description: 'The profile that accepting will create, as it was imported.' })
export class InvitedProfile {
  @Field() displayName: string;
  @Field() kind: string;
  @Field() municipality: string;
  @Field(() => [String]) languages: string[];
  @Field(() => String, { nullable: true }) bioSl: string | null;
  @Field(() => String, { nullable: true }) bioEn: string | null;
  @Field(() => [String]) crafts: string[];
  @Field(() => [String]) skills: string[];
  @Field(() => [String]) techniques: string[];
  @Field(() => [String]) materials: string[];
  @Field(() => [String]) portfolioLinks: string[];
}

@ObjectType({ description: 'An imported creative\'s invitation, as its link\'s holder sees it. Email, profile and note are null once decided or expired (erased).' })
export class CreativeInvitation {
  @Field(() => CreativeInvitationStatusEnum) status: string;
  @Field(() => String, { nullable: true }) email: string | null;
  @Field(() => InvitedProfile, { nullable: true }) profile: InvitedProfile | null;
  @Field(() => String, { nullable: true, description: 'Why the importer invited you, in their words.' }) note: string | null;
  @Field({ description: 'Who imported you.' }) importedBy: string;
  @Field() expiresAt: Date;
  @Field({ description: 'An account with this address exists: sign in as it to accept (no password needed).' }) accountExists: boolean;
  @Field() consentExplanationVersion: string;
  @Field(() => ConsentExplanation) consentExplanation: ConsentExplanation;
}

@ArgsType()
export class CreativeInvitationTokenArgs {
  @Field() @IsString() @MaxLength(200) token: string;
}

@ArgsType()
export class AcceptCreativeInvitationArgs extends CreativeInvitationTokenArgs {
  @Field(() => String, { nullable: true, description: 'For the new account (not needed when the address already has an account: sign in as it instead).' })
  @IsOptional() @IsString() @MaxLength(200) password?: string | null;
  @Field({ description: 'Whether you agree to be matched and notified (see consentExplanation); recorded only when true.' }) @IsBoolean() matchingConsent: boolean;
  @Field(() => String, { nullable: true, description: 'The version of the explanation you were shown (default: the current one).' })
  @IsOptional() @IsString() @MaxLength(40) explanationVersion?: string | null;
  @Field(() => LocaleEnum, { nullable: true, description: 'The new account\'s language (default sl).' }) @IsOptional() @IsIn(['sl', 'en']) locale?: 'sl' | 'en' | null;
}

@ObjectType()
export class AcceptedCreativeInvitation {
  @Field(() => ID) accountId: string;
  @Field(() => ID) creativeProfileId: string;
  @Field() email: string;
  @Field({ description: 'A new account was created: sign in with the address and the password you chose.' }) accountCreated: boolean;
}
