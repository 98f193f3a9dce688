import { ArgsType, Args, Field, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { MunicipalComplianceService } from '@app/marketplace';
import { IsInt } from 'class-validator';
import { OrganiserOnly } from '../auth/access.decorators.js';
import { toChallenge, toOrganisation } from './catalogue.mappers.js';
import { Challenge, Organisation, Place } from './catalogue.types.js';

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
      rows: board.rows.map((row) => ({
        municipality: { code: row.municipality.code, name: row.municipality.name },
        compliant: row.compliant,
        remindedAt: row.remindedAt,
        organisations: row.organisations.map(toOrganisation),
        challenges: row.challenges.map(toChallenge),
      })),
    };
  }
}
