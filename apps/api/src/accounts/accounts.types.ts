import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { OrganisationRole, PASSWORD_MIN, PlatformRole } from '@app/identity';
import { ArrayMaxSize, IsArray, IsBoolean, IsEmail, IsEnum, IsIn, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { graphqlEnum } from '../catalogue/catalogue.types.js';
import { Organisation } from '../catalogue/catalogue.types.js';

/** Upper-case GraphQL names over the lower-case stored values. */
export const PlatformRoleEnum = { ADMIN: PlatformRole.Admin, ORGANISER: PlatformRole.Organiser };
registerEnumType(PlatformRoleEnum, { name: 'PlatformRole' });
export const OrganisationRoleEnum = { OWNER: OrganisationRole.Owner, EDITOR: OrganisationRole.Editor, REVIEWER: OrganisationRole.Reviewer };
registerEnumType(OrganisationRoleEnum, { name: 'OrganisationRole' });
export const LocaleEnum = graphqlEnum({ sl: 'sl', en: 'en' }, 'Locale');
type Locale = 'sl' | 'en';

@ObjectType({ description: "A role in an organisation." })
export class OrganisationMembership {
  @Field(() => Organisation) organisation: Organisation;
  @Field(() => OrganisationRoleEnum) role: OrganisationRole;
}

@ObjectType({ description: 'The signed-in account (only ever shown to itself).' })
export class Account {
  @Field(() => ID) id: string;
  @Field() email: string;
  @Field() emailVerified: boolean;
  @Field() displayName: string;
  @Field(() => LocaleEnum) locale: Locale;
  @Field(() => [PlatformRoleEnum]) platformRoles: PlatformRole[];
  @Field(() => [OrganisationMembership]) memberships: OrganisationMembership[];
  @Field(() => ID, { nullable: true, description: 'The creative profile this account owns.' }) creativeProfileId: string | null;
  @Field() createdAt: Date;
}

@ObjectType({ description: 'Tokens after sign-in. Send the access token as "Authorization: Bearer <token>"; refresh before it expires.' })
export class AuthPayload {
  @Field() accessToken: string;
  @Field() accessTokenExpiresAt: Date;
  @Field({ description: 'Single use: each refresh returns a new one. Reusing an old one ends the session.' }) refreshToken: string;
  @Field() refreshTokenExpiresAt: Date;
  @Field(() => Account) account: Account;
}

@ObjectType()
export class SignUpResult {
  @Field({ description: 'Always the same, whether or not the address already had an account (no account enumeration).' }) message: string;
}

@ObjectType({ description: 'A member of an organisation (visible to its members).' })
export class OrganisationMember {
  @Field(() => ID) accountId: string;
  @Field() displayName: string;
  @Field() email: string;
  @Field(() => OrganisationRoleEnum) role: OrganisationRole;
  @Field() since: Date;
}

@ObjectType({ description: 'An emailed invitation to an organisation or a jury.' })
export class Invitation {
  @Field(() => ID) id: string;
  @Field() kind: string;
  @Field(() => ID, { nullable: true }) organisationId: string | null;
  @Field(() => ID, { nullable: true }) challengeId: string | null;
  @Field(() => OrganisationRoleEnum, { nullable: true }) role: OrganisationRole | null;
  @Field() email: string;
  @Field() expiresAt: Date;
  @Field(() => Date, { nullable: true }) acceptedAt: Date | null;
  @Field(() => Date, { nullable: true }) revokedAt: Date | null;
}

@InputType()
export class SignUpInput {
  @Field() @IsString() @MaxLength(254) @IsEmail() email: string;
  @Field({ description: `At least ${PASSWORD_MIN} characters; a passphrase is best.` }) @IsString() @MaxLength(200) password: string;
  @Field() @IsString() @Length(1, 120) displayName: string;
  @Field(() => LocaleEnum, { nullable: true, description: 'Language of emails (default sl).' }) @IsOptional() @IsIn(['sl', 'en']) locale?: Locale;
}

@ArgsType()
export class LoginArgs {
  @Field() @IsString() @MaxLength(254) email: string;
  @Field() @IsString() @MaxLength(200) password: string;
}

@ArgsType()
export class TokenArgs {
  @Field() @IsString() @MaxLength(200) token: string;
}

@ArgsType()
export class RefreshArgs {
  @Field() @IsString() @MaxLength(200) refreshToken: string;
}

@ArgsType()
export class EmailArgs {
  @Field() @IsString() @MaxLength(254) @IsEmail() email: string;
}

@ArgsType()
export class ResetPasswordArgs {
  @Field() @IsString() @MaxLength(200) token: string;
  @Field() @IsString() @MaxLength(200) newPassword: string;
}

@ArgsType()
export class ChangePasswordArgs {
  @Field() @IsString() @MaxLength(200) currentPassword: string;
  @Field() @IsString() @MaxLength(200) newPassword: string;
}

@ArgsType()
export class DeleteMyAccountArgs {
  @Field({ description: 'The current password, confirmed again before anything is erased.' }) @IsString() @MaxLength(200) password: string;
}

@ArgsType()
export class LogoutArgs {
  @Field({ defaultValue: false, description: 'End every session of this account, not just this one.' }) @IsBoolean() everywhere: boolean;
}

@InputType()
export class UpdateMyAccountInput {
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(1, 120) displayName?: string;
  @Field(() => LocaleEnum, { nullable: true }) @IsOptional() @IsIn(['sl', 'en']) locale?: Locale;
}

@ArgsType()
export class SetPlatformRolesArgs {
  @Field(() => ID) @IsUUID() accountId: string;
  @Field(() => [PlatformRoleEnum]) @IsArray() @ArrayMaxSize(2) @IsEnum(PlatformRole, { each: true }) roles: PlatformRole[];
}

@ArgsType()
export class OrganisationIdArgs {
  @Field(() => ID) @IsUUID() organisationId: string;
}

@ArgsType()
export class InviteMemberArgs extends OrganisationIdArgs {
  @Field() @IsString() @MaxLength(254) @IsEmail() email: string;
  @Field(() => OrganisationRoleEnum) @IsEnum(OrganisationRole) role: OrganisationRole;
  @Field(() => LocaleEnum, { defaultValue: 'sl', description: 'Language of the invitation email.' }) @IsIn(['sl', 'en']) locale: Locale;
}

@ArgsType()
export class MemberArgs extends OrganisationIdArgs {
  @Field(() => ID) @IsUUID() accountId: string;
}

@ArgsType()
export class ChangeRoleArgs extends MemberArgs {
  @Field(() => OrganisationRoleEnum) @IsEnum(OrganisationRole) role: OrganisationRole;
}

@ObjectType()
export class LogoutResult {
  @Field(() => Int) sessionsEnded: number;
}
