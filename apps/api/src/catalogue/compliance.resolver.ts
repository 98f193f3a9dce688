import { ArgsType, Args, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { type ChallengeKind, type ChallengeStatus, MunicipalComplianceService, type MunicipalComplianceRow as ComplianceRowModel } from '@app/marketplace';
import { IsInt, IsOptional, IsString, MaxLength } from 'class-validator';
import { OrganiserOnly, SignedIn } from '../auth/access.decorators.js';
import { type Actor, CurrentActor } from '../auth/actor.js';
import { toChallenge, toOrganisation } from './catalogue.mappers.js';
import { Challenge, ChallengeKindEnum, ChallengeStatusEnum, LocalizedText, Organisation, Place } from './catalogue.types.js';

@ObjectType({ description: 'One municipality in one year: did it publish its public-service challenge?' })
export class MunicipalComplianceRow {
  @Field(() => Place) municipality: Place;
  @Field({ description: 'At least one PUBLIC_SERVICE challenge published by the municipality that calendar year.' }) compliant: boolean;
  @Field(() => [Organisation], { description: "The municipality's organisations on the platform (empty: not joined yet)." }) organisations: Organisation[];
  @Field(() => [Challenge], { description: 'Its public-service challenges published that year, with their current status.' }) challenges: Challenge[];
  @Field(() => Date, { nullable: true, description: 'When its organisations were first reminded about the year (MUNICIPAL_REMINDER_DATE).' }) remindedAt: Date | null;
}

@ObjectType()
export class MunicipalComplianceBoard {
  @Field(() => Int) year: number;
  @Field(() => Int) municipalityCount: number;
  @Field(() => Int) compliantCount: number;
  @Field(() => [MunicipalComplianceRow]) rows: MunicipalComplianceRow[];
}

@ObjectType({ description: 'A draft challenge named in a status: enough to link to its editor (the challenge query has the rest).' })
export class DraftChallengeRef {
  @Field(() => ID) id: string;
  @Field(() => LocalizedText) title: LocalizedText;
  @Field(() => ChallengeKindEnum) kind: ChallengeKind;
  @Field(() => ChallengeStatusEnum) status: ChallengeStatus;
  @Field(() => Date) updatedAt: Date;
}

@ObjectType({ description: "One municipality organisation's view of the yearly rule: its municipality's row, and its own drafts." })
export class MunicipalComplianceStatus {
  @Field(() => Int) year: number;
  @Field(() => Organisation) organisation: Organisation;
  @Field(() => MunicipalComplianceRow, { description: 'Its municipality, as the organisers\' board shows it (challenges you may not see left out).' }) row: MunicipalComplianceRow;
  @Field(() => [DraftChallengeRef], { description: 'Its public-service challenges still in DRAFT, newest first (members only; empty for organisers).' }) drafts: DraftChallengeRef[];
  @Field({ description: 'You may start the year\'s challenge from the template (owners and editors).' }) canStart: boolean;
}

@ArgsType()
class StatusArgs {
  @Field(() => ID) @IsString() @MaxLength(64) organisationId: string;
  @Field(() => Int, { nullable: true, description: 'Default: the current year (Slovenian time).' }) @IsOptional() @IsInt() year?: number | null;
}

@ArgsType()
class StartArgs {
  @Field(() => ID) @IsString() @MaxLength(64) organisationId: string;
}

function toRow(row: ComplianceRowModel): MunicipalComplianceRow {
  return {
    municipality: { code: row.municipality.code, name: row.municipality.name },
    compliant: row.compliant,
    remindedAt: row.remindedAt,
    organisations: row.organisations.map(toOrganisation),
    challenges: row.challenges.map(toChallenge),
  };
}

@ArgsType()
class YearArgs {
  @Field(() => Int) @IsInt() year: number;
}

@Resolver()
export class ComplianceResolver {
  constructor(private readonly compliance: MunicipalComplianceService) {}

  @OrganiserOnly()
  @Query(() => MunicipalComplianceBoard, { description: 'The yearly public-service challenge rule for the 18 Gorenjska municipalities (organisers).' })
  async municipalChallengeCompliance(@Args() { year }: YearArgs): Promise<MunicipalComplianceBoard> {
    const board = await this.compliance.board(year);
    return {
      year: board.year,
      municipalityCount: board.rows.length,
      compliantCount: board.compliantCount,
      rows: board.rows.map(toRow),
    };
  }

  @SignedIn()
  @Query(() => MunicipalComplianceStatus, { description: "A municipality organisation's own status under the yearly public-service challenge rule: its members, and organisers." })
  async municipalComplianceStatus(@Args() { organisationId, year }: StatusArgs, @CurrentActor() actor: Actor): Promise<MunicipalComplianceStatus> {
    const status = await this.compliance.status(actor, organisationId, year);
    return { year: status.year, organisation: toOrganisation(status.organisation), row: toRow(status.row), drafts: status.drafts.map(toChallenge).map(({ id, title, kind, status: state, updatedAt }) => ({ id, title, kind, status: state, updatedAt })), canStart: status.canStart };
  }

  @SignedIn()
  @Mutation(() => Challenge, {
    description: "One click: a DRAFT public-service challenge for the municipality from the bilingual template, to complete and publish (owners and editors of a municipality organisation). If it already has a public-service draft, that draft is returned.",
  })
  async startYearlyChallenge(@Args() { organisationId }: StartArgs, @CurrentActor() actor: Actor): Promise<Challenge> {
    return toChallenge((await this.compliance.startYearlyChallenge(actor, organisationId)).challenge);
  }
}
